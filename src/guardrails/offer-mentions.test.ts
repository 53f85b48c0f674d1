import { describe, expect, it } from 'vitest';
import { findOfferMentions, keysOfOffer } from './offer-mentions.ts';

const keys = (text: string) => findOfferMentions(text).map((mention) => [mention.key, text.slice(mention.start, mention.end)]);

describe('findOfferMentions', () => {
  it('keys discount figures, so the same offer written twice has one key', () => {
    expect(keys('20% off today, 8折 for members')).toEqual([
      ['percent:20', '20% off'],
      ['percent:20', '8折'],
    ]);
    expect(keys('双11满300减50，立减50元')).toEqual([
      ['threshold:300:50', '满300减50'],
      ['amount:50', '50元'],
    ]);
  });

  it('finds free shipping and separate coupons in English and Chinese', () => {
    expect(keys('20% off plus free shipping and an extra coupon')).toEqual([
      ['percent:20', '20% off'],
      ['shipping', 'free shipping'],
      ['coupon', 'extra coupon'],
    ]);
    expect(keys('全场8折，包邮，再送20元优惠券')).toEqual([
      ['percent:20', '8折'],
      ['shipping', '包邮'],
      ['coupon:20', '20元'],
    ]);
  });

  it('ignores prices, gift values and the code that redeems the offer', () => {
    expect(keys('Orders from ¥99. Use code {{coupon_code}} at checkout. 结算时输入优惠码{{coupon_code}}。200元 gift')).toEqual([]);
  });
});

describe('keysOfOffer', () => {
  it('lets a threshold offer also be written as its amount', () => {
    expect(keysOfOffer({ type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' })).toEqual(['threshold:300:50', 'amount:50']);
    expect(keysOfOffer({ type: 'percent_off', percent: 15 })).toEqual(['percent:15']);
    expect(keysOfOffer({ type: 'free_shipping' })).toEqual(['shipping']);
    expect(keysOfOffer(null)).toEqual([]);
  });
});
