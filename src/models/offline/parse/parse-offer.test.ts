// Tests for offers: percent off, 折, amount off, spend thresholds, free shipping, and never inventing one.
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../domain/brief.ts';
import { offerAssumptions, parseOffer } from './parse-offer.ts';
import { normalizeText } from './text.ts';

const offerOf = (text: string): Offer | null => parseOffer(normalizeText(text)).offer;

describe('parseOffer', () => {
  it.each<[string, Offer | null]>([
    ['10% off', { type: 'percent_off', percent: 10 }],
    ['10 percent off', { type: 'percent_off', percent: 10 }],
    ['at most 10% off', { type: 'percent_off', percent: 10 }],
    ['a discount of 12.5%', { type: 'percent_off', percent: 12.5 }],
    ['１０％ｏｆｆ', { type: 'percent_off', percent: 10 }],
    ['8折', { type: 'percent_off', percent: 20 }],
    ['八折', { type: 'percent_off', percent: 20 }],
    ['8.5折', { type: 'percent_off', percent: 15 }],
    ['85折', { type: 'percent_off', percent: 15 }],
    ['九五折', { type: 'percent_off', percent: 5 }],
    ['打9折', { type: 'percent_off', percent: 10 }],
    ['满300减50', { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }],
    ['满300元减50元', { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }],
    ['每满三百减五十', { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }],
    ['$20 off orders over $100', { type: 'threshold', threshold: 100, amount: 20, currency: 'USD' }],
    ['spend $50 get $10 off', { type: 'threshold', threshold: 50, amount: 10, currency: 'USD' }],
    ['$20 off', { type: 'amount_off', amount: 20, currency: 'USD' }],
    ['20 dollars off', { type: 'amount_off', amount: 20, currency: 'USD' }],
    ['减20元', { type: 'amount_off', amount: 20, currency: 'CNY' }],
    ['立减20', { type: 'amount_off', amount: 20, currency: 'CNY' }],
    ['20元优惠券', { type: 'amount_off', amount: 20, currency: 'CNY' }],
    ['¥30 off', { type: 'amount_off', amount: 30, currency: 'CNY' }],
    ['RMB 30 off', { type: 'amount_off', amount: 30, currency: 'CNY' }],
    ['30 off', { type: 'amount_off', amount: 30, currency: 'CNY' }],
    ['free shipping', { type: 'free_shipping' }],
    ['包邮', { type: 'free_shipping' }],
    ['免运费', { type: 'free_shipping' }],
    ['win back lapsed customers by SMS', null],
    ['提升客单价', null],
    ['减少流失', null],
    ['top 10% of spenders', null],
  ])('%s', (text, offer) => {
    expect(offerOf(text)).toEqual(offer);
  });

  it('reads a bare percentage only when asked to', () => {
    expect(parseOffer('lower the discount to 5%').offer).toBeNull();
    expect(parseOffer('lower the discount to 5%', { allowBarePercent: true }).offer).toEqual({ type: 'percent_off', percent: 5 });
  });

  it('notices an explicit "no discount"', () => {
    expect(parseOffer('no discount this time')).toEqual({ offer: null, dropped: [], explicitlyNone: true });
    expect(parseOffer('不打折').explicitlyNone).toBe(true);
  });

  it('keeps one offer and says which it left out', () => {
    const parsed = parseOffer(normalizeText('10% off and free shipping'));
    expect(parsed.offer).toEqual({ type: 'percent_off', percent: 10 });
    expect(parsed.dropped).toEqual([{ type: 'free_shipping' }]);
    expect(offerAssumptions(parsed, 'en')).toEqual(['one offer per campaign: kept 10% off, left out free shipping']);
    expect(offerAssumptions(parseOffer('9折包邮'), 'zh')).toEqual(['每个活动只用一种优惠：保留9折，未采用包邮']);
  });
});