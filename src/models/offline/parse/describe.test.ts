// Tests for the English and Chinese wording of offers, timings and conditions.
import { describe, expect, it } from 'vitest';
import { describeCondition, describeOffer, describeTiming } from './describe.ts';

describe('describe', () => {
  it('words offers in both languages', () => {
    expect(describeOffer({ type: 'percent_off', percent: 15 }, 'en')).toBe('15% off');
    expect(describeOffer({ type: 'percent_off', percent: 15 }, 'zh')).toBe('8.5折');
    expect(describeOffer({ type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }, 'zh')).toBe('满300元减50元');
    expect(describeOffer({ type: 'threshold', threshold: 100, amount: 20, currency: 'USD' }, 'en')).toBe('$20 off orders of $100 or more');
    expect(describeOffer({ type: 'amount_off', amount: 20, currency: 'CNY' }, 'zh')).toBe('立减20元');
    expect(describeOffer(null, 'en')).toBe('no discount');
  });

  it('words timings in both languages', () => {
    expect(describeTiming({ kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' }, 'en')).toBe(
      '2 hours after adding to cart unless they buy first',
    );
    expect(describeTiming({ kind: 'trigger', event: 'purchase', delayMinutes: 4320, unlessEvent: null }, 'zh')).toBe('购买后3天');
    expect(describeTiming({ kind: 'at', localDateTime: '2026-11-24T10:00' }, 'zh')).toBe('2026-11-24 10:00（收件人当地时间）');
  });

  it('words conditions in both languages', () => {
    expect(describeCondition({ kind: 'spend_rank', topShare: 0.2, window: { type: 'rolling', days: 365 } }, 'en')).toBe('top 20% by spend in the last 12 months');
    expect(describeCondition({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 90 }, max: 0 }, 'zh')).toBe('近90天未购买');
    expect(describeCondition({ kind: 'not', condition: { kind: 'profile', field: 'city', values: ['Beijing'] } }, 'zh')).toBe('排除（位于北京）');
    expect(describeCondition({ kind: 'age', min: 25, max: 30 }, 'zh')).toBe('年龄25-30岁');
    expect(describeCondition({ kind: 'category_purchase', category: 'baby', window: { type: 'rolling', days: 365 } }, 'en')).toBe(
      'bought baby products in the last 12 months',
    );
  });
});