import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/data/database.ts';
import type { Condition } from '../../src/domain/segment.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { compileSegment } from './compile-segment.ts';
import { predictedClv } from './reference-extended.ts';
import { referenceSegment, type ReferenceData } from './reference-segment.ts';
import * as data from './segment-test-data.ts';

const { AS_OF } = data;
const DATA: ReferenceData = {
  customers: data.CUSTOMERS,
  consents: data.CONSENTS,
  suppressions: data.SUPPRESSIONS,
  products: data.PRODUCTS,
  orders: data.ORDERS,
  orderItems: data.ORDER_ITEMS,
  events: data.EVENTS,
};
const rolling = (days: number) => ({ type: 'rolling' as const, days });
const october = { type: 'calendar' as const, from: '2026-10-01', to: '2026-10-31' };
const year = rolling(365);

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await data.insertSegmentTestData(test.db);
});
afterAll(async () => {
  await test.dispose();
});

async function select(root: Condition, { db = test.db as Queryable, asOf = AS_OF } = {}): Promise<string[]> {
  const compiled = compileSegment({ version: 1, root }, { asOf });
  const { rows } = await db.query<{ customer_id: string }>(compiled.sql, compiled.params);
  return rows.map((row) => row.customer_id).sort();
}

/** Runs the condition on the database, checks it against the in-memory evaluation, returns the ids. */
async function selectChecked(root: Condition, { asOf = AS_OF, reference = DATA } = {}): Promise<string[]> {
  const ids = await select(root, { asOf });
  expect(ids).toEqual(referenceSegment({ version: 1, root }, reference, asOf));
  return ids;
}

describe('custom attributes', () => {
  it('exists, eq, neq and in: JSON null is absent, text is case-sensitive, a missing key never matches', async () => {
    expect(await selectChecked({ kind: 'attribute', key: 'tier', op: 'exists' })).toEqual(['c01', 'c02', 'c03', 'c09', 'c11']);
    expect(await selectChecked({ kind: 'attribute', key: 'tier', op: 'eq', value: 'gold' })).toEqual(['c01', 'c03']);
    expect(await selectChecked({ kind: 'attribute', key: 'tier', op: 'neq', value: 'gold' })).toEqual(['c02', 'c09', 'c11']);
    expect(await selectChecked({ kind: 'attribute', key: 'tier', op: 'in', values: ['gold', 'silver'] })).toEqual(['c01', 'c02', 'c03']);
    expect(await selectChecked({ kind: 'attribute', key: 'vip', op: 'eq', value: true })).toEqual(['c01']);
    expect(await selectChecked({ kind: 'attribute', key: 'vip', op: 'eq', value: false })).toEqual(['c03']);
  });

  it('numbers compare numerically, also against numeric text; other text is not a number', async () => {
    expect(await selectChecked({ kind: 'attribute', key: 'points', op: 'eq', value: 100 })).toEqual(['c09', 'c12']);
    expect(await selectChecked({ kind: 'attribute', key: 'points', op: 'gt', value: 100 })).toEqual(['c01', 'c03']);
    expect(await selectChecked({ kind: 'attribute', key: 'points', op: 'lt', value: 100 })).toEqual(['c02', 'c04']);
    expect(await selectChecked({ kind: 'attribute', key: 'points', op: 'neq', value: 100 })).toEqual(['c01', 'c02', 'c03', 'c04', 'c05']);
    expect(await selectChecked({ kind: 'attribute', key: 'points', op: 'in', values: [100, '80'] })).toEqual(['c02', 'c09', 'c12']);
  });

  it('text order for dates written as text; hostile keys and values are matched literally', async () => {
    expect(await selectChecked({ kind: 'attribute', key: 'joined', op: 'gt', value: '2020-01-01' })).toEqual(['c01', 'c02']);
    expect(await selectChecked({ kind: 'attribute', key: 'joined', op: 'lt', value: '2020-01-05' })).toEqual(['c05']);
    expect(await selectChecked({ kind: 'attribute', key: "'; DROP TABLE customers; --", op: 'eq', value: 'x' })).toEqual(['c11']);
    expect(await selectChecked({ kind: 'attribute', key: 'tier', op: 'eq', value: 'O\'Brien "town" \\' })).toEqual(['c11']);
    expect(await selectChecked({ kind: 'attribute', key: 'nested', op: 'eq', value: '{"a": 1}' })).toEqual(['c12']);
  });
});

describe('first and last occurrence', () => {
  it('first login in a rolling window: the instant exactly N days ago is outside', async () => {
    expect(await selectChecked({ kind: 'event_time', event: 'login', which: 'first', window: rolling(30) })).toEqual(['c01', 'c03']);
    // c05's first login was exactly 30 days ago.
    expect(await selectChecked({ kind: 'event_time', event: 'login', which: 'first', window: rolling(31) })).toEqual(['c01', 'c03', 'c05']);
  });

  it('last login in a rolling window and in a calendar month (UTC)', async () => {
    expect(await selectChecked({ kind: 'event_time', event: 'login', which: 'last', window: rolling(30) })).toEqual(['c01', 'c03', 'c05', 'c07', 'c08', 'c09']);
    expect(await selectChecked({ kind: 'event_time', event: 'login', which: 'last', window: october })).toEqual(['c05', 'c06', 'c11', 'c12']);
  });

  it('first completed order: new customers; cancelled and returned orders do not count', async () => {
    // c03's cancelled order came first; c04's returned order does not make October its second.
    expect(await selectChecked({ kind: 'event_time', event: 'order', which: 'first', window: rolling(30) })).toEqual(['c03', 'c07']);
    expect(await selectChecked({ kind: 'event_time', event: 'order', which: 'first', window: october })).toEqual(['c01', 'c04', 'c07']);
  });

  it('ignores occurrences after as-of', async () => {
    const asOf = new Date('2026-10-20T00:00:00Z');
    expect(await selectChecked({ kind: 'event_time', event: 'order', which: 'last', window: rolling(30) }, { asOf })).toEqual(['c01', 'c02', 'c04', 'c05', 'c10']);
  });
});

describe('RFM scores', () => {
  it('quintiles among the buyers of the window, ties scored together', async () => {
    // 365 days, nine buyers. Monetary: c03 50 → 1, c12 60 → 1, c05 80 → 2, c07 120 → 2, c10 150 → 3, c02 200 → 3,
    // c01 and c04 400 → 4, c09 1000 → 5. Frequency: seven buyers with one order → 1, c01 and c09 with two → 4.
    expect(await selectChecked({ kind: 'rfm', monetary: [5, 5], window: year })).toEqual(['c09']);
    expect(await selectChecked({ kind: 'rfm', monetary: [1, 1], window: year })).toEqual(['c03', 'c12']);
    expect(await selectChecked({ kind: 'rfm', frequency: [4, 5], window: year })).toEqual(['c01', 'c09']);
    expect(await selectChecked({ kind: 'rfm', frequency: [5, 5], window: year })).toEqual([]);
    expect(await selectChecked({ kind: 'rfm', recency: [5, 5], window: year })).toEqual(['c03']);
    expect(await selectChecked({ kind: 'rfm', recency: [4, 5], monetary: [4, 5], window: year })).toEqual(['c01', 'c09']);
    // October: c04 (1 Oct) → 1, c01 (16 Oct 12:00) → 2, c02 (one second later) → 3, c07 (31 Oct) → 4.
    expect(await selectChecked({ kind: 'rfm', recency: [3, 5], window: october })).toEqual(['c02', 'c07']);
  });
});

describe('expected CLV', () => {
  it('follows the documented formula', () => {
    const clv = predictedClv(DATA, AS_OF);
    // c01: 400 over a 30-day tenure (first order exactly 30 days ago), last order 5 days ago < 15-day gap.
    expect(clv.get('c01')).toBeCloseTo((400 / 30) * 365, 9);
    // c09: 1000 over 100 days, last order 14.5 days ago < 50-day gap.
    expect(clv.get('c09')).toBe(3650);
    expect(clv.has('c06')).toBe(false);
  });

  it('top share and floor, ties and the exact floor included', async () => {
    // c01 4866.7, c09 3650, c04 3208.8, c02 2433.3, c07 1460, c10 1198.9, c05 641.8, c03 608.3, c12 109.5
    expect(await selectChecked({ kind: 'predicted_clv', topShare: 0.2 })).toEqual(['c01']);
    expect(await selectChecked({ kind: 'predicted_clv', topShare: 1 / 3 })).toEqual(['c01', 'c04', 'c09']);
    expect(await selectChecked({ kind: 'predicted_clv', min: 3650 })).toEqual(['c01', 'c09']);
    expect(await selectChecked({ kind: 'predicted_clv', min: 3000, topShare: 0.25 })).toEqual(['c01', 'c09']);
  });

  it('decays the value once a customer is past their usual gap between orders', async () => {
    // With a second order 300 days ago, c12 has 100 over 300 days, a 150-day gap and 200 days since the
    // last order: 100 / 300 × 365 × e^(−50/150) = 87.15.
    const extra = { id: 'o-extra', customer_id: 'c12', ordered_at: data.daysBefore(300), status: 'completed' as const, total: 40, discount: 0 };
    const expected = (100 / 300) * 365 * Math.exp(-1 / 3);
    expect(predictedClv({ ...DATA, orders: [...DATA.orders, extra] }, AS_OF).get('c12')).toBeCloseTo(expected, 9);
    const rollback = new Error('roll back');
    const found: string[][] = [];
    await test.db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO orders (id, customer_id, ordered_at, status, total) VALUES ('o-extra', 'c12', $1, 'completed', 40)", [extra.ordered_at.toISOString()]);
        found.push(await select({ kind: 'predicted_clv', min: 87.1 }, { db: tx }), await select({ kind: 'predicted_clv', min: 87.2 }, { db: tx }));
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(found[0]).toContain('c12');
    expect(found[1]).not.toContain('c12');
  });
});

describe('price sensitivity', () => {
  it('share of completed orders with a discount, bounds inclusive, buyers of the window only', async () => {
    expect(await selectChecked({ kind: 'price_sensitivity', min: 0.5, window: year })).toEqual(['c01', 'c02', 'c04', 'c09', 'c12']);
    expect(await selectChecked({ kind: 'price_sensitivity', min: 1, window: year })).toEqual(['c02', 'c04', 'c12']);
    expect(await selectChecked({ kind: 'price_sensitivity', max: 0, window: year })).toEqual(['c03', 'c05', 'c07', 'c10']);
    expect(await selectChecked({ kind: 'price_sensitivity', min: 0.5, max: 0.5, window: year })).toEqual(['c01', 'c09']);
    // c01's discounted order was exactly 30 days ago.
    expect(await selectChecked({ kind: 'price_sensitivity', min: 0.5, window: rolling(30) })).toEqual(['c02']);
    expect(await selectChecked({ kind: 'price_sensitivity', min: 0.5, window: rolling(31) })).toEqual(['c01', 'c02']);
  });
});

describe('category affinity', () => {
  it('co-purchase lift over the window, customers who have not bought the target yet', async () => {
    // 365 days: nine buyers; baby {c01, c04}, beauty {c01, c02, c10}, books {c02, c05, c12}.
    // lift(beauty, baby) = 1 × 9 / (3 × 2) = 1.5; lift(books, baby) = 0; lift(baby, beauty) = 1.5; lift(books, beauty) = 1.
    expect(await selectChecked({ kind: 'category_affinity', category: 'baby', minLift: 1.5, window: year })).toEqual(['c02', 'c10']);
    expect(await selectChecked({ kind: 'category_affinity', category: 'baby', minLift: 1.6, window: year })).toEqual([]);
    expect(await selectChecked({ kind: 'category_affinity', category: 'beauty', minLift: 1, window: year })).toEqual(['c04', 'c05', 'c12']);
    expect(await selectChecked({ kind: 'category_affinity', category: 'beauty', minLift: 1.5, window: year })).toEqual(['c04']);
    expect(await selectChecked({ kind: 'category_affinity', category: "baby' OR '1'='1", minLift: 0.1, window: year })).toEqual([]);
  });
});

describe('the new kinds under other time zones', () => {
  it('gives the same answers whatever the session time zone', async () => {
    const conditions: Condition[] = [
      { kind: 'event_time', event: 'order', which: 'first', window: october },
      { kind: 'rfm', recency: [3, 5], window: october },
      { kind: 'predicted_clv', topShare: 0.5 },
      { kind: 'price_sensitivity', min: 0.5, window: october },
      { kind: 'category_affinity', category: 'beauty', minLift: 1, window: october },
    ];
    const before = await Promise.all(conditions.map((condition) => select(condition)));
    const rollback = new Error('roll back');
    const during: string[][] = [];
    await test.db
      .transaction(async (tx) => {
        await tx.query("SET LOCAL TimeZone = 'Pacific/Kiritimati'");
        for (const condition of conditions) during.push(await select(condition, { db: tx }));
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(during).toEqual(before);
  });

  it('refuses incomplete conditions with the path of the problem', () => {
    const failure = (root: unknown) => {
      try {
        compileSegment({ version: 1, root } as never, { asOf: AS_OF });
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(failure({ kind: 'attribute', key: 'tier', op: 'eq' })).toMatch(/op "eq" needs a value/);
    expect(failure({ kind: 'attribute', key: 'tier', op: 'gt', value: true })).toMatch(/compares numbers or text/);
    expect(failure({ kind: 'rfm', window: year })).toMatch(/name at least one of recency, frequency or monetary/);
    expect(failure({ kind: 'rfm', recency: [5, 4], window: year })).toMatch(/lower score first/);
    expect(failure({ kind: 'predicted_clv' })).toMatch(/give topShare or min/);
  });
});
