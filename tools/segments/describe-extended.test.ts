import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/domain/segment.ts';
import { describeSegment } from './describe-segment.ts';

const rolling = (days: number) => ({ type: 'rolling' as const, days });
const both = (root: Condition) => ({ en: describeSegment({ version: 1, root }, 'en'), zh: describeSegment({ version: 1, root }, 'zh') });

describe('describeSegment for attributes, first/last occurrence, RFM and predicted attributes', () => {
  it('custom attributes: text quoted, numbers plain, text order named', () => {
    expect(both({ kind: 'attribute', key: 'tier', op: 'eq', value: 'gold' })).toEqual({
      en: 'customers whose attribute "tier" is "gold"',
      zh: '自定义属性“tier”为“gold”的客户',
    });
    expect(both({ kind: 'attribute', key: 'points', op: 'gt', value: 100 })).toEqual({
      en: 'customers whose attribute "points" is above 100',
      zh: '自定义属性“points”大于100的客户',
    });
    expect(both({ kind: 'attribute', key: 'joined', op: 'lt', value: '2020-01-01' }).en).toBe(
      'customers whose attribute "joined" is before "2020-01-01" in text order',
    );
    expect(both({ kind: 'attribute', key: 'tier', op: 'in', values: ['gold', 'silver', 3] }).en).toBe('customers whose attribute "tier" is "gold", "silver" or 3');
    expect(both({ kind: 'attribute', key: 'vip', op: 'exists' }).zh).toBe('自定义属性“vip”有值的客户');
    expect(both({ kind: 'attribute', key: 'tier', op: 'neq', value: 'gold' }).en).toBe('customers whose attribute "tier" is set and is not "gold"');
  });

  it('first and last occurrence name the window kind', () => {
    expect(both({ kind: 'event_time', event: 'order', which: 'first', window: rolling(30) })).toEqual({
      en: 'customers whose first completed order was in the last 30 days (rolling)',
      zh: '首次完成订单在最近30天（滚动）内的客户',
    });
    expect(both({ kind: 'event_time', event: 'login', which: 'last', window: { type: 'calendar', from: '2026-10-01', to: '2026-10-31' } })).toEqual({
      en: 'customers whose last login was in October 2026 (calendar)',
      zh: '最后一次登录在2026年10月（自然月）内的客户',
    });
  });

  it('RFM, expected CLV, price sensitivity and affinity state their method', () => {
    expect(both({ kind: 'rfm', recency: [4, 5], frequency: [5, 5], window: rolling(365) })).toEqual({
      en:
        'customers whose RFM scores among buyers in the last 365 days (rolling) are recency 4-5 and frequency 5' +
        ' (quintiles 1-5, 5 = the most recent, frequent or valuable fifth)',
      zh: '在最近365天（滚动）内有已完成订单的客户中RFM评分为最近购买4-5分、购买频次5分（五分位1-5分，5分为最近、最频繁或消费最高的五分之一）的客户',
    });
    expect(both({ kind: 'predicted_clv', topShare: 0.1 })).toEqual({
      en:
        'customers in the top 10% of buyers by predicted value for the next 365 days' +
        ' (average order value × purchase frequency × expected active time, from their completed orders in the last 365 days)',
      zh: '预测未来365天价值位列前10%（按近365天已完成订单：客单价×购买频次×预期活跃时长）的客户',
    });
    expect(both({ kind: 'price_sensitivity', min: 0.5, window: rolling(90) })).toEqual({
      en: 'customers who used a discount on at least 50% of their completed orders in the last 90 days (rolling)',
      zh: '在最近90天（滚动）内的已完成订单中使用折扣的比例至少50%的客户',
    });
    expect(both({ kind: 'category_affinity', category: 'baby', minLift: 1.5, window: rolling(180) })).toEqual({
      en:
        'customers who have not bought from the baby & maternity category yet but bought in the last 180 days (rolling)' +
        ' from a category whose co-purchase lift with it is at least 1.5',
      zh: '尚未购买过母婴类商品，但在最近180天（滚动）内购买过与其共购提升度（lift）至少1.5的品类的客户',
    });
  });

  it('combines with profile conditions in both languages', () => {
    expect(
      both({
        kind: 'and',
        conditions: [
          { kind: 'age', min: 25, max: 34 },
          { kind: 'attribute', key: 'tier', op: 'eq', value: 'gold' },
          { kind: 'event_time', event: 'order', which: 'first', window: rolling(30) },
        ],
      }),
    ).toEqual({
      en: 'customers aged 25-34, whose attribute "tier" is "gold", whose first completed order was in the last 30 days (rolling)',
      zh: '25-34岁的客户，且自定义属性“tier”为“gold”，且首次完成订单在最近30天（滚动）内',
    });
  });
});
