import { describe, expect, it } from 'vitest';
import { Objective, type Brief } from '../../src/domain/brief.ts';
import { PlannedMessage } from '../../src/domain/plan.ts';
import { CodedError } from '../../src/errors.ts';
import { checkChannelLimits } from './channel-limits.ts';
import { generateOfflineCopy } from './offline-copy.ts';
import { cjkShare, containsHan } from './text-script.ts';

const singlesDay = { kind: 'window', label: '双11', from: '2025-11-01', to: '2025-11-11', localTime: '10:00' } as const;
const addToCart = { kind: 'trigger', event: 'add_to_cart', delayMinutes: 60, unlessEvent: 'purchase' } as const;

function brief(overrides: Partial<Brief> = {}): Brief {
  return {
    goal: 'Win back lapsed customers for Singles Day with 10% off',
    objective: 'winback',
    channels: ['push', 'email', 'sms', 'wecom'],
    offer: { type: 'percent_off', percent: 10 },
    timing: singlesDay,
    locale: 'en',
    category: null,
    budget: null,
    ...overrides,
  };
}

function allText(messages: readonly PlannedMessage[]): string {
  return messages.map((message) => `${message.title ?? ''}\n${message.text}`).join('\n');
}

describe('generateOfflineCopy', () => {
  it('writes a Chinese cart-recovery SMS pair with the threshold offer and the cart item', () => {
    const messages = generateOfflineCopy({
      brief: brief({
        objective: 'cart_recovery',
        channels: ['sms'],
        offer: { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' },
        timing: addToCart,
        locale: 'zh',
      }),
    });
    expect(messages).toEqual([
      {
        channel: 'sms',
        variant: 'A',
        title: null,
        text: '【乐萌】{{last_viewed_product}}还在您的购物车里。订单满300减50。优惠码{{coupon_code}}。打开乐萌App完成结算。回T退订',
      },
      {
        channel: 'sms',
        variant: 'B',
        title: null,
        text:
          '【乐萌】{{first_name}}您好，{{last_viewed_product}}还在购物车里，库存有限哦。满300减50优惠限时有效，别错过。' +
          '优惠码{{coupon_code}}。打开乐萌App立即结算。回T退订',
      },
    ]);
  });

  it('writes an English win-back push pair for Singles Day with beauty flavour', () => {
    expect(generateOfflineCopy({ brief: brief({ channels: ['push'], category: 'beauty' }) })).toEqual([
      {
        channel: 'push',
        variant: 'A',
        title: "Singles' Day | See what's new in beauty",
        text: "We've added new beauty products since you last stopped by. Enjoy 10% off your next order.",
      },
      {
        channel: 'push',
        variant: 'B',
        title: "{{first_name}}, it's been a while",
        text: "We've missed you, so we set something aside for your return. Singles' Day: 10% off until Nov 11.",
      },
    ]);
  });

  it('gives every channel variants A and B, in the order of the brief, once per channel', () => {
    const messages = generateOfflineCopy({ brief: brief({ channels: ['sms', 'email', 'sms'] }) });
    expect(messages.map((message) => `${message.channel}/${message.variant}`)).toEqual(['sms/A', 'sms/B', 'email/A', 'email/B']);
    for (const message of messages) expect(PlannedMessage.parse(message)).toEqual(message);
  });

  it('is deterministic', () => {
    const request = { brief: brief({ category: 'sports' }), audienceHint: 'loyal customers' };
    expect(generateOfflineCopy(request)).toEqual(generateOfflineCopy(structuredClone(request)));
  });

  it('writes different copy for every objective', () => {
    for (const locale of ['en', 'zh'] as const) {
      const openings = Objective.options.map(
        (objective) => generateOfflineCopy({ brief: brief({ objective, locale, channels: ['push'] }) })[0]?.text,
      );
      expect(new Set(openings).size).toBe(Objective.options.length);
    }
  });

  it('gives the variants different angles: A leads with the benefit, B speaks to the person with a deadline', () => {
    const [a, b] = generateOfflineCopy({ brief: brief({ channels: ['push'] }) });
    expect(a?.title).not.toContain('{{first_name}}');
    expect(b?.title).toContain('{{first_name}}');
    expect(a?.text).toContain('Enjoy 10% off your next order.');
    expect(b?.text).toContain('until Nov 11');
    const firstSentence = (text = ''): string => text.split(/(?<=[.!?。！？])\s*/)[0] ?? '';
    expect(firstSentence(a?.text)).not.toBe(firstSentence(b?.text));
  });

  it('writes Chinese briefs in Chinese and English briefs in English', () => {
    const chinese = generateOfflineCopy({ brief: brief({ locale: 'zh', category: 'baby' }), audienceHint: '老顾客' });
    for (const message of chinese) expect(cjkShare(`${message.title ?? ''}${message.text}`)).toBeGreaterThan(0.9);
    const english = generateOfflineCopy({ brief: brief({ category: 'baby' }), audienceHint: 'loyal customers' });
    for (const message of english) {
      expect(containsHan(`${message.title ?? ''}${message.text}`)).toBe(false);
      expect(cjkShare(message.text)).toBe(0);
    }
  });

  it('words the offer the way each language does', () => {
    const zhPercent = generateOfflineCopy({ brief: brief({ locale: 'zh' }) });
    for (const message of zhPercent) expect(message.text).toContain('9折');
    const zhThreshold = generateOfflineCopy({
      brief: brief({ locale: 'zh', offer: { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' } }),
    });
    for (const message of zhThreshold) expect(message.text).toContain('满300减50');
    const zhQuarter = generateOfflineCopy({ brief: brief({ locale: 'zh', offer: { type: 'percent_off', percent: 25 } }) });
    for (const message of zhQuarter) expect(message.text).toContain('7.5折');
    const enThreshold = generateOfflineCopy({
      brief: brief({ offer: { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' } }),
    });
    for (const message of enThreshold) expect(message.text.toLowerCase()).toContain('spend ¥300, save ¥50');
    const enAmount = generateOfflineCopy({ brief: brief({ offer: { type: 'amount_off', amount: 20, currency: 'USD' } }) });
    for (const message of enAmount) expect(message.text).toContain('$20 off');
    const zhShipping = generateOfflineCopy({ brief: brief({ locale: 'zh', offer: { type: 'free_shipping' } }) });
    for (const message of zhShipping) expect(message.text).toContain('包邮');
  });

  it('never mentions a discount or a coupon code when the brief has no offer', () => {
    for (const objective of Objective.options) {
      const english = allText(generateOfflineCopy({ brief: brief({ objective, offer: null }) }));
      expect(english).not.toMatch(/%|\boff\b|discount|coupon|\bsav(e|ing)|free shipping|[¥$€£]/i);
      const chinese = allText(generateOfflineCopy({ brief: brief({ objective, offer: null, locale: 'zh' }) }));
      expect(chinese).not.toMatch(/%|折|优惠|减|包邮|券|元/);
    }
  });

  it('uses the coupon code only with an offer, and in every SMS, e-mail and WeCom message then', () => {
    const withOffer = generateOfflineCopy({ brief: brief() });
    for (const message of withOffer.filter((m) => m.channel !== 'push')) expect(message.text).toContain('{{coupon_code}}');
  });

  it('names the occasion of a window in the copy language', () => {
    expect(allText(generateOfflineCopy({ brief: brief() }))).toContain("Singles' Day");
    expect(allText(generateOfflineCopy({ brief: brief({ locale: 'zh' }) }))).toContain('【双11】');
  });

  it('mentions the product for cart recovery and for add-to-cart or view triggers', () => {
    for (const locale of ['en', 'zh'] as const) {
      for (const message of generateOfflineCopy({ brief: brief({ objective: 'cart_recovery', timing: addToCart, locale }) })) {
        expect(message.text).toContain('{{last_viewed_product}}');
      }
      const viewed = { kind: 'trigger', event: 'view', delayMinutes: 120, unlessEvent: 'purchase' } as const;
      const conversion = generateOfflineCopy({ brief: brief({ objective: 'conversion', timing: viewed, locale, channels: ['sms'] }) });
      for (const message of conversion) expect(message.text).toContain('{{last_viewed_product}}');
    }
  });

  it('carries the category in both languages and the responsible-use note for alcohol', () => {
    expect(allText(generateOfflineCopy({ brief: brief({ category: 'electronics' }) }))).toContain('gadgets');
    expect(allText(generateOfflineCopy({ brief: brief({ category: 'electronics', locale: 'zh' }) }))).toContain('数码');
    const [email] = generateOfflineCopy({ brief: brief({ category: 'alcohol', channels: ['email'] }) });
    expect(email?.text).toContain('Please drink responsibly.');
  });

  it('puts the sender, opt-out and unsubscribe lines where each channel needs them', () => {
    for (const [locale, sender, optOut, unsubscribe] of [
      ['en', '[Lumen] ', 'Reply STOP to opt out', 'Unsubscribe: {{unsubscribe_url}}'],
      ['zh', '【乐萌】', '回T退订', '退订：{{unsubscribe_url}}'],
    ] as const) {
      for (const message of generateOfflineCopy({ brief: brief({ locale }) })) {
        expect(checkChannelLimits(message, { locale }).ok).toBe(true);
        if (message.channel === 'sms') {
          expect(message.text.startsWith(sender) && message.text.endsWith(optOut)).toBe(true);
        }
        if (message.channel === 'email') expect(message.text.endsWith(unsubscribe)).toBe(true);
        expect(message.title === null).toBe(message.channel === 'sms' || message.channel === 'wecom');
      }
    }
  });

  it('uses the brand it is given and refuses one that cannot fit a sender tag', () => {
    const [sms] = generateOfflineCopy({ brief: brief({ channels: ['sms'] }), brandName: 'Acme' });
    expect(sms?.text.startsWith('[Acme] ')).toBe(true);
    expect(() => generateOfflineCopy({ brief: brief(), brandName: 'A brand name far too long to fit' })).toThrow(CodedError);
    expect(() => generateOfflineCopy({ brief: brief(), brandName: '  ' })).toThrow(/brandName/);
  });

  it('weaves in an audience hint in the right language and ignores one in the wrong language', () => {
    const [emailA] = generateOfflineCopy({ brief: brief({ channels: ['email'] }), audienceHint: 'loyal customers' });
    expect(emailA?.text).toContain('for loyal customers like you');
    const chinese = generateOfflineCopy({ brief: brief({ channels: ['email'], locale: 'zh' }), audienceHint: 'loyal customers' });
    expect(allText(chinese)).not.toContain('loyal');
  });
});
