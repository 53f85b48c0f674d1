import { describe, expect, it } from 'vitest';
import { formatMoney, offerWording, percentToZhe } from './offer-phrases.ts';

describe('percentToZhe', () => {
  it('writes a percentage off as 折', () => {
    expect(percentToZhe(10)).toBe('9折');
    expect(percentToZhe(15)).toBe('8.5折');
    expect(percentToZhe(25)).toBe('7.5折');
    expect(percentToZhe(50)).toBe('5折');
    expect(percentToZhe(12.5)).toBe('8.75折');
    expect(percentToZhe(33.3)).toBe('6.67折');
  });
});

describe('formatMoney', () => {
  it('uses the currency symbol and groups thousands', () => {
    expect(formatMoney(300, 'CNY')).toBe('¥300');
    expect(formatMoney(20, 'USD')).toBe('$20');
    expect(formatMoney(19.9, 'EUR')).toBe('€19.90');
    expect(formatMoney(1500, 'GBP')).toBe('£1,500');
    expect(formatMoney(40, 'CHF')).toBe('CHF 40');
  });
});

describe('offerWording', () => {
  it('returns null without an offer', () => {
    expect(offerWording(null, 'en')).toBeNull();
    expect(offerWording(null, 'zh')).toBeNull();
  });

  it('words a percentage off in English', () => {
    expect(offerWording({ type: 'percent_off', percent: 10 }, 'en')).toEqual({
      headline: '10% off',
      short: '10% off',
      noun: '10% off',
      benefitSentence: 'Enjoy 10% off your next order.',
      urgentSentence: '10% off for a limited time.',
      codeSentence: 'Use code {{coupon_code}} at checkout.',
      smsCode: 'Code: {{coupon_code}}.',
    });
  });

  it('words a percentage off in Chinese as 折, with the deadline', () => {
    expect(offerWording({ type: 'percent_off', percent: 15 }, 'zh', { deadline: '11月11日' })).toEqual({
      headline: '享8.5折',
      short: '8.5折',
      noun: '8.5折',
      benefitSentence: '下单享8.5折优惠。',
      urgentSentence: '8.5折优惠11月11日截止。',
      codeSentence: '结算时输入优惠码{{coupon_code}}即可使用。',
      smsCode: '优惠码{{coupon_code}}。',
    });
  });

  it('words a spend threshold as "spend ¥300, save ¥50" and 满300减50', () => {
    const offer = { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' } as const;
    const english = offerWording(offer, 'en', { deadline: 'Nov 11' });
    expect(english?.short).toBe('spend ¥300, save ¥50');
    expect(english?.benefitSentence).toBe('Spend ¥300, save ¥50 on your next order.');
    expect(english?.urgentSentence).toBe('Spend ¥300, save ¥50 until Nov 11.');
    expect(english?.noun).toBe('¥50 off orders of ¥300+');
    const chinese = offerWording(offer, 'zh');
    expect(chinese?.short).toBe('满300减50');
    expect(chinese?.benefitSentence).toBe('订单满300减50。');
  });

  it('keeps the symbol of a foreign currency in Chinese copy', () => {
    const offer = { type: 'threshold', threshold: 100, amount: 15, currency: 'USD' } as const;
    expect(offerWording(offer, 'zh')?.short).toBe('满$100减$15');
    expect(offerWording({ type: 'amount_off', amount: 20, currency: 'USD' }, 'zh')?.short).toBe('立减$20');
  });

  it('words an amount off as "$20 off" and 立减20元', () => {
    expect(offerWording({ type: 'amount_off', amount: 20, currency: 'USD' }, 'en')?.benefitSentence).toBe(
      'Take $20 off your next order.',
    );
    expect(offerWording({ type: 'amount_off', amount: 20, currency: 'CNY' }, 'zh')?.benefitSentence).toBe('下单立减20元。');
    expect(offerWording({ type: 'amount_off', amount: 5, currency: 'GBP' }, 'en')?.short).toBe('£5 off');
  });

  it('words free shipping as "free shipping" and 包邮', () => {
    expect(offerWording({ type: 'free_shipping' }, 'en')?.benefitSentence).toBe('Enjoy free shipping on your next order.');
    expect(offerWording({ type: 'free_shipping' }, 'zh')?.benefitSentence).toBe('下单即享包邮。');
  });

  it('speaks of the first order for activation', () => {
    expect(offerWording({ type: 'percent_off', percent: 20 }, 'en', { firstOrder: true })?.benefitSentence).toBe(
      'Enjoy 20% off your first order.',
    );
    expect(offerWording({ type: 'percent_off', percent: 20 }, 'zh', { firstOrder: true })?.benefitSentence).toBe(
      '首单享8折优惠。',
    );
  });

  it('words a 100% discount as a free order rather than an absolute "100%"', () => {
    expect(offerWording({ type: 'percent_off', percent: 100 }, 'en')?.benefitSentence).toBe('Enjoy a free order: your next order is on us.');
    expect(offerWording({ type: 'percent_off', percent: 100 }, 'zh')?.short).toBe('免单');
  });
});
