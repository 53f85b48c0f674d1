import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/domain/segment.ts';
import { describeSegment } from './describe-segment.ts';
import { definitionArbitrary, HOSTILE_VALUES } from './segment-arbitraries.ts';

const rolling = (days: number) => ({ type: 'rolling' as const, days });
const calendar = (from: string, to: string) => ({ type: 'calendar' as const, from, to });
const both = (root: Condition) => ({ en: describeSegment({ version: 1, root }, 'en'), zh: describeSegment({ version: 1, root }, 'zh') });

describe('describeSegment', () => {
  it('reads the cart-abandonment example naturally in both languages', () => {
    expect(
      both({
        kind: 'and',
        conditions: [
          { kind: 'age', min: 25, max: 30 },
          { kind: 'gender', values: ['female'] },
          { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: rolling(30) },
        ],
      }),
    ).toEqual({
      en: 'customers aged 25-30, female, who added to cart in the last 30 days (rolling) and have not purchased within 2 hours',
      zh: '25-30岁的女性客户，且在最近30天（滚动）内加购后2小时内未购买',
    });
  });

  it('names rolling and calendar windows apart: month, year, day and date range', () => {
    const bought = (window: { type: 'rolling'; days: number } | { type: 'calendar'; from: string; to: string }) =>
      both({ kind: 'category_purchase', category: 'beauty', window });
    expect(bought(rolling(90))).toEqual({
      en: 'customers who bought from the beauty category in the last 90 days (rolling)',
      zh: '在最近90天（滚动）内购买过美妆类商品的客户',
    });
    expect(bought(calendar('2026-10-01', '2026-10-31'))).toEqual({
      en: 'customers who bought from the beauty category in October 2026 (calendar)',
      zh: '在2026年10月（自然月）内购买过美妆类商品的客户',
    });
    expect(bought(calendar('2026-01-01', '2026-12-31')).zh).toBe('在2026年（自然年）内购买过美妆类商品的客户');
    expect(bought(calendar('2026-11-11', '2026-11-11')).en).toBe('customers who bought from the beauty category on 11 November 2026 (calendar)');
    expect(bought(calendar('2026-10-01', '2026-10-15'))).toEqual({
      en: 'customers who bought from the beauty category from 1 October 2026 to 15 October 2026 (calendar)',
      zh: '在2026年10月1日至2026年10月15日（日历日期）内购买过美妆类商品的客户',
    });
  });

  it('describes profile conditions, consent and exclusions', () => {
    expect(
      both({
        kind: 'and',
        conditions: [
          { kind: 'not', condition: { kind: 'category_purchase', category: 'alcohol', window: rolling(365) } },
          { kind: 'profile', field: 'city', values: ['上海', '北京'] },
          { kind: 'age', min: 18 },
          { kind: 'consent', channel: 'wecom' },
        ],
      }),
    ).toEqual({
      en: 'customers in 上海 or 北京, aged 18 or over, reachable by WeCom (opted in, not suppressed), excluding those who bought from the alcohol category in the last 365 days (rolling)',
      zh: '位于上海或北京的18岁及以上的客户，且可通过企业微信触达（已同意、未屏蔽），排除在最近365天（滚动）内购买过酒类商品的客户',
    });
    expect(both({ kind: 'not', condition: { kind: 'gender', values: ['male'] } })).toEqual({
      en: 'all customers excluding those who are male',
      zh: '所有客户，排除男性的客户',
    });
    expect(both({ kind: 'profile', field: 'locale', values: ['zh'] })).toEqual({ en: 'customers whose language is Chinese', zh: '语言为中文的客户' });
    expect(both({ kind: 'profile', field: 'city', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })).toEqual({
      en: 'customers in a, b, c, d, e or one of 2 other cities',
      zh: '位于a、b、c、d、e或其他2个城市的客户',
    });
    expect(both({ kind: 'age', max: 17 })).toEqual({ en: 'customers aged 17 or under', zh: '17岁及以下的客户' });
    expect(both({ kind: 'gender', values: ['female', 'unknown'] })).toEqual({ en: 'customers who are female or of unknown gender', zh: '女性或性别未知的客户' });
  });

  it('describes event counts and order statistics with their exact bounds', () => {
    expect(both({ kind: 'event_count', event: 'login', window: rolling(30), min: 3 })).toEqual({
      en: 'customers who logged in at least 3 times in the last 30 days (rolling)',
      zh: '在最近30天（滚动）内登录至少3次的客户',
    });
    expect(both({ kind: 'event_count', event: 'login', window: rolling(30), max: 0 })).toEqual({
      en: 'customers who did not log in in the last 30 days (rolling)',
      zh: '在最近30天（滚动）内未登录的客户',
    });
    expect(both({ kind: 'event_count', event: 'view', window: rolling(7), min: 1, max: 1 }).en).toBe('customers who viewed a product exactly once in the last 7 days (rolling)');
    expect(both({ kind: 'order_stat', metric: 'count', window: calendar('2026-01-01', '2026-12-31'), min: 2, max: 5 })).toEqual({
      en: 'customers with between 2 and 5 completed orders in 2026 (calendar)',
      zh: '在2026年（自然年）内有2至5笔已完成订单的客户',
    });
    expect(both({ kind: 'order_stat', metric: 'total', window: rolling(90), min: 500 })).toEqual({
      en: 'customers whose completed orders in the last 90 days (rolling) total at least 500',
      zh: '在最近90天（滚动）内已完成订单总额至少500的客户',
    });
    expect(both({ kind: 'order_stat', metric: 'count', window: rolling(60), max: 0 }).en).toBe('customers with no completed orders in the last 60 days (rolling)');
  });

  it('describes spend rank, churn risk and category purchases', () => {
    expect(both({ kind: 'spend_rank', topShare: 0.2, window: rolling(365) })).toEqual({
      en: 'customers in the top 20% of buyers by completed-order spend in the last 365 days (rolling)',
      zh: '在最近365天（滚动）内已完成订单消费额位列前20%的客户',
    });
    expect(both({ kind: 'churn_risk', level: 'high' })).toEqual({
      en: 'customers at high churn risk (daily login rate over the last 30 days below 30% of their rate over the 150 days before, when they logged in at least 5 times)',
      zh: '流失风险高（最近30天的日均登录次数低于此前150天日均的30%，且此前至少登录5次）的客户',
    });
    expect(both({ kind: 'churn_risk', level: 'medium' }).en).toContain('at medium or high churn risk (daily login rate over the last 30 days below 60%');
    expect(both({ kind: 'category_purchase', category: 'kids_education', window: rolling(30) }).zh).toBe('在最近30天（滚动）内购买过儿童教育类商品的客户');
    expect(both({ kind: 'category_purchase', category: 'toys', window: rolling(30) }).en).toBe('customers who bought from the "toys" category in the last 30 days (rolling)');
  });

  it('parenthesises nested groups so and/or read unambiguously', () => {
    expect(
      both({
        kind: 'or',
        conditions: [
          { kind: 'and', conditions: [{ kind: 'age', max: 30 }, { kind: 'gender', values: ['male'] }] },
          { kind: 'profile', field: 'country', values: ['CN'] },
        ],
      }),
    ).toEqual({
      en: 'customers (aged 30 or under and male) or in country CN',
      zh: '（年龄30岁及以下且男性）或国家/地区为CN的客户',
    });
  });

  it('never fails and never prints placeholders for arbitrary definitions', () => {
    fc.assert(
      fc.property(definitionArbitrary(HOSTILE_VALUES), (definition) => {
        for (const locale of ['en', 'zh'] as const) {
          const text = describeSegment(definition, locale);
          expect(text.length).toBeGreaterThan(0);
          expect(text).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
