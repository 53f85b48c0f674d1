import { describe, expect, it } from 'vitest';
import { effectiveDiscountPercent } from '../domain/brief.ts';
import { describeOffer, lowerOfferToCeiling, moneyWithin } from './offer-ceiling.ts';

describe('describeOffer', () => {
  it('says each kind of offer in plain English', () => {
    expect(describeOffer({ type: 'percent_off', percent: 25 })).toBe('25% off');
    expect(describeOffer({ type: 'amount_off', amount: 50, currency: 'CNY' })).toBe('CNY 50 off');
    expect(describeOffer({ type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' })).toBe(
      'CNY 50 off orders of CNY 300 or more',
    );
    expect(describeOffer({ type: 'free_shipping' })).toBe('free shipping');
  });
});

describe('lowerOfferToCeiling', () => {
  it('lowers a percentage to the ceiling', () => {
    expect(lowerOfferToCeiling({ type: 'percent_off', percent: 50 }, 30, 200)).toEqual({ type: 'percent_off', percent: 30 });
  });

  it('lowers a threshold amount so amount / threshold is the ceiling', () => {
    expect(lowerOfferToCeiling({ type: 'threshold', threshold: 300, amount: 150, currency: 'CNY' }, 30, 0)).toEqual({
      type: 'threshold',
      threshold: 300,
      amount: 90,
      currency: 'CNY',
    });
  });

  it('lowers an amount off against the average order value', () => {
    expect(lowerOfferToCeiling({ type: 'amount_off', amount: 100, currency: 'CNY' }, 30, 183)).toEqual({
      type: 'amount_off',
      amount: 54,
      currency: 'CNY',
    });
  });

  it('never ends above the ceiling', () => {
    for (const threshold of [299, 333, 7, 1.5]) {
      const lowered = lowerOfferToCeiling({ type: 'threshold', threshold, amount: threshold, currency: 'CNY' }, 30, 0);
      expect(effectiveDiscountPercent(lowered, 0)).toBeLessThanOrEqual(30);
    }
    expect(moneyWithin(0.45)).toBe(0.45);
  });

  it('cannot lower to a zero ceiling or without an order value', () => {
    expect(lowerOfferToCeiling({ type: 'percent_off', percent: 10 }, 0, 200)).toBeNull();
    expect(lowerOfferToCeiling({ type: 'amount_off', amount: 10, currency: 'CNY' }, 30, 0)).toBeNull();
  });
});
