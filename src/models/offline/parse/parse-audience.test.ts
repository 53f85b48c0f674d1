// Tests for reading audience words into segment conditions: who people are and what they did.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../domain/segment.ts';
import { DEMO_CATEGORIES } from './categories.ts';
import { type AudienceFinding, parseAudience } from './parse-audience.ts';
import { normalizeText } from './text.ts';

const today = DateTime.fromISO('2026-11-23', { zone: 'Asia/Shanghai' });
const audienceOf = (text: string, cartDelayMinutes: number | null = null): AudienceFinding =>
  parseAudience(normalizeText(text), { today, locale: 'en', categories: DEMO_CATEGORIES, cartDelayMinutes });
const conditionsOf = (text: string): Condition[] => audienceOf(text).conditions;
const rolling = (days: number) => ({ type: 'rolling' as const, days });

describe('parseAudience: who people are', () => {
  it.each<[string, Condition[]]>([
    ['aged 25 to 30', [{ kind: 'age', min: 25, max: 30 }]],
    ['aged 105 to 110', [{ kind: 'age', min: 105, max: 110 }]],
    ['25-30 year olds', [{ kind: 'age', min: 25, max: 30 }]],
    ['between 18 and 24', [{ kind: 'age', min: 18, max: 24 }]],
    ['25-30岁', [{ kind: 'age', min: 25, max: 30 }]],
    ['25到30岁', [{ kind: 'age', min: 25, max: 30 }]],
    ['二十五到三十岁', [{ kind: 'age', min: 25, max: 30 }]],
    ['40岁以上', [{ kind: 'age', min: 40 }]],
    ['customers in their 30s', [{ kind: 'age', min: 30, max: 39 }]],
    ['women', [{ kind: 'gender', values: ['female'] }]],
    ['女生', [{ kind: 'gender', values: ['female'] }]],
    ['男性用户', [{ kind: 'gender', values: ['male'] }]],
    ['men and women', []],
    ['in Shanghai', [{ kind: 'profile', field: 'city', values: ['Shanghai'] }]],
    ['上海的用户', [{ kind: 'profile', field: 'city', values: ['Shanghai'] }]],
    ["Beijing, Xi'an and New York", [{ kind: 'profile', field: 'city', values: ['Beijing', "Xi'an", 'New York'] }]],
    ['except Beijing and Shanghai', [{ kind: 'not', condition: { kind: 'profile', field: 'city', values: ['Beijing', 'Shanghai'] } }]],
    ['一线城市', [{ kind: 'profile', field: 'city', values: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen'] }]],
    ['宝妈', [{ kind: 'gender', values: ['female'] }, { kind: 'category_purchase', category: 'baby', window: rolling(365) }]],
  ])('%s', (text, conditions) => {
    expect(conditionsOf(text)).toEqual(conditions);
  });
});

describe('parseAudience: what people did', () => {
  it.each<[string, Condition[]]>([
    ['high-value customers', [{ kind: 'spend_rank', topShare: 0.2, window: rolling(365) }]],
    ['top 10% spenders', [{ kind: 'spend_rank', topShare: 0.1, window: rolling(365) }]],
    ['VIP用户', [{ kind: 'spend_rank', topShare: 0.2, window: rolling(365) }]],
    ["haven't bought in 90 days", [{ kind: 'order_stat', metric: 'count', window: rolling(90), max: 0 }]],
    ['no purchase in the last 60 days', [{ kind: 'order_stat', metric: 'count', window: rolling(60), max: 0 }]],
    ['90天未购买', [{ kind: 'order_stat', metric: 'count', window: rolling(90), max: 0 }]],
    ['三个月没买', [{ kind: 'order_stat', metric: 'count', window: rolling(90), max: 0 }]],
    ['at risk of churning', [{ kind: 'churn_risk', level: 'high' }]],
    ['logins declining', [{ kind: 'churn_risk', level: 'high' }]],
    ['有流失风险', [{ kind: 'churn_risk', level: 'high' }]],
    ['abandoned carts this month', [{ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 1440, window: { type: 'calendar', from: '2026-11-01', to: '2026-11-23' } }]],
    ['本月加购未购买', [{ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 1440, window: { type: 'calendar', from: '2026-11-01', to: '2026-11-23' } }]],
    ['bought baby products', [{ kind: 'category_purchase', category: 'baby', window: rolling(365) }]],
    ['购买过母婴用品的用户', [{ kind: 'category_purchase', category: 'baby', window: rolling(365) }]],
    ['bought diapers in October', [{ kind: 'category_purchase', category: 'baby', window: { type: 'calendar', from: '2026-10-01', to: '2026-10-31' } }]],
    ['10月购买过奶粉', [{ kind: 'category_purchase', category: 'baby', window: { type: 'calendar', from: '2026-10-01', to: '2026-10-31' } }]],
    ['customers who opened an email in the last 30 days', [{ kind: 'event_count', event: 'open', window: rolling(30), min: 1 }]],
    ['clicked a push in the last 7 days', [{ kind: 'event_count', event: 'click', window: rolling(7), min: 1 }]],
    ['active users', [{ kind: 'event_count', event: 'login', window: rolling(30), min: 1 }]],
    ['customers who bought in the last 30 days', [{ kind: 'order_stat', metric: 'count', window: rolling(30), min: 1 }]],
    ['new users', [{ kind: 'order_stat', metric: 'count', window: rolling(3650), max: 0 }]],
    ['repeat customers', [{ kind: 'order_stat', metric: 'count', window: rolling(365), min: 2 }]],
  ])('%s', (text, conditions) => {
    expect(conditionsOf(text)).toEqual(conditions);
  });

  it('uses the trigger delay as the cart abandonment span', () => {
    expect(audienceOf('cart abandoners', 120).conditions).toEqual([
      { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: rolling(7) },
    ]);
  });

  it('tells audience categories from the promoted one', () => {
    const found = audienceOf("recommend children's education to buyers of baby products");
    expect(found.promotedCategory).toBe('kids_education');
    expect(found.conditions).toEqual([{ kind: 'category_purchase', category: 'baby', window: rolling(365) }]);
  });

  it('spells out vague words in assumptions', () => {
    expect(audienceOf('high-value customers').assumptions).toEqual(['high-value = top 20% by 12-month spend']);
    expect(audienceOf('tier-1 cities').assumptions).toEqual(['tier-1 cities = Beijing, Shanghai, Guangzhou, Shenzhen']);
  });

  it('finds nothing in a goal without audience words', () => {
    expect(conditionsOf('do some marketing')).toEqual([]);
    expect(conditionsOf('提升双11期间的客单价')).toEqual([]);
  });
});