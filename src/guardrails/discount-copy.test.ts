import { describe, expect, it } from 'vitest';
import type { Offer } from '../domain/brief.ts';
import { reviewDiscountCopy } from './discount-copy.ts';
import type { CopyDiscountContext } from './discount-copy.ts';

const unchangedOffer: Offer = { type: 'percent_off', percent: 20 };
const fix = (offers: Partial<CopyDiscountContext> = {}): CopyDiscountContext => ({
  ceilingPercent: 30,
  onExceed: 'fix',
  previousOffer: unchangedOffer,
  revisedOffer: unchangedOffer,
  ...offers,
});

describe('reviewDiscountCopy', () => {
  it('leaves figures within the ceiling alone', () => {
    expect(reviewDiscountCopy('20% off, 8折, 满300减50', fix())).toEqual({
      text: '20% off, 8折, 满300减50',
      changes: [],
      refused: [],
    });
  });

  it('lowers English percentages deeper than the ceiling', () => {
    expect(reviewDiscountCopy('Big sale: 50% OFF everything, save 40%!', fix())).toEqual({
      text: 'Big sale: 30% OFF everything, save 30%!',
      changes: [
        { from: '50% OFF', to: '30% OFF' },
        { from: 'save 40%', to: 'save 30%' },
      ],
      refused: [],
    });
  });

  it('lowers Chinese 折, 半价 and thresholds deeper than the ceiling, keeping the way they are written', () => {
    expect(reviewDiscountCopy('全场5折，会员六折，新品半价，满300减150，部分65折', fix())).toEqual({
      text: '全场7折，会员七折，新品7折，满300减90，部分7折',
      changes: [
        { from: '5折', to: '7折' },
        { from: '六折', to: '七折' },
        { from: '半价', to: '7折' },
        { from: '满300减150', to: '满300减90' },
        { from: '65折', to: '7折' },
      ],
      refused: [],
    });
    expect(reviewDiscountCopy('全场5折', fix({ ceilingPercent: 25 })).text).toBe('全场7.5折');
    expect(reviewDiscountCopy('全场50折', fix({ ceilingPercent: 25 })).text).toBe('全场75折');
  });

  it('rewrites amounts that repeat an offer the ceiling lowered', () => {
    const context = fix({
      previousOffer: { type: 'amount_off', amount: 100, currency: 'CNY' },
      revisedOffer: { type: 'amount_off', amount: 60, currency: 'CNY' },
    });
    expect(reviewDiscountCopy('立减100元！Take ¥100 off, only 100 off today. 200元 gift', context)).toEqual({
      text: '立减60元！Take ¥60 off, only 60 off today. 200元 gift',
      changes: [
        { from: '100元', to: '60元' },
        { from: '¥100', to: '¥60' },
        { from: '100 off', to: '60 off' },
      ],
      refused: [],
    });
  });

  it('uses the lowered threshold offer for the matching figure', () => {
    const context = fix({
      previousOffer: { type: 'threshold', threshold: 299, amount: 150, currency: 'CNY' },
      revisedOffer: { type: 'threshold', threshold: 299, amount: 89, currency: 'CNY' },
    });
    expect(reviewDiscountCopy('满299减150', context).text).toBe('满299减89');
  });

  it('only reports deep figures in block mode', () => {
    expect(reviewDiscountCopy('50% off, 5折', fix({ onExceed: 'block' }))).toEqual({
      text: '50% off, 5折',
      changes: [],
      refused: ['50% off', '5折'],
    });
  });

  it('refuses figures it cannot lower to a zero ceiling', () => {
    expect(reviewDiscountCopy('10% off', fix({ ceilingPercent: 0 }))).toEqual({
      text: '10% off',
      changes: [],
      refused: ['10% off'],
    });
  });
});
