import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/data/database.ts';
import type { Condition, SegmentDefinition } from '../../src/domain/segment.ts';
import { CodedError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { compileSegment } from './compile-segment.ts';
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
const ALL = data.CUSTOMERS.map((customer) => customer.id);
const except = (...ids: string[]) => ALL.filter((id) => !ids.includes(id));
const definition = (root: Condition): SegmentDefinition => ({ version: 1, root });
const rolling = (days: number) => ({ type: 'rolling' as const, days });
const october = { type: 'calendar' as const, from: '2026-10-01', to: '2026-10-31' };

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await data.insertSegmentTestData(test.db);
});
afterAll(async () => {
  await test.dispose();
});

async function select(root: Condition, db: Queryable = test.db): Promise<string[]> {
  const compiled = compileSegment(definition(root), { asOf: AS_OF });
  const { rows } = await db.query<{ customer_id: string }>(compiled.sql, compiled.params);
  return rows.map((row) => row.customer_id).sort();
}

/** Runs the condition on the database, checks it against the in-memory evaluation, returns the ids. */
async function selectChecked(root: Condition): Promise<string[]> {
  const ids = await select(root);
  expect(ids).toEqual(referenceSegment(definition(root), DATA, AS_OF));
  return ids;
}

describe('compileSegment on the hand-built data set', () => {
  it('age: whole years on the as-of date, birthdays today counted, unknown ages never match', async () => {
    expect(await selectChecked({ kind: 'age', min: 25, max: 30 })).toEqual(['c01', 'c04', 'c10', 'c12']);
    expect(await selectChecked({ kind: 'age', max: 17 })).toEqual(['c05', 'c08']);
    expect(await selectChecked({ kind: 'age', min: 18 })).toEqual(except('c05', 'c06', 'c08'));
    expect(await selectChecked({ kind: 'age', min: 25, max: 25 })).toEqual(['c01']); // c02 turns 25 tomorrow
    expect(await selectChecked({ kind: 'age' })).toEqual(except('c06'));
  });

  it('gender and profile fields: exact values, hostile text matched literally, missing values excluded', async () => {
    expect(await selectChecked({ kind: 'gender', values: ['female'] })).toEqual(['c01', 'c02', 'c04', 'c07', 'c08', 'c10']);
    expect(await selectChecked({ kind: 'gender', values: ['unknown'] })).toEqual(['c06']);
    expect(await selectChecked({ kind: 'profile', field: 'city', values: ['Shanghai', 'Beijing'] })).toEqual(['c01', 'c02', 'c04', 'c09']);
    expect(await selectChecked({ kind: 'profile', field: 'city', values: ['O\'Brien "town" \\'] })).toEqual(['c11']);
    expect(await selectChecked({ kind: 'profile', field: 'country', values: ['CN'] })).toEqual(['c01', 'c02', 'c04', 'c05', 'c08', 'c09']);
    expect(await selectChecked({ kind: 'profile', field: 'locale', values: ['zh'] })).toEqual(['c01', 'c02', 'c05', 'c08']);
    expect(await selectChecked({ kind: 'profile', field: 'time_zone', values: ['Asia/Shanghai'] })).toEqual(['c01', 'c02', 'c05', 'c08', 'c09']);
  });

  it('consent: granted and not suppressed on the channel or on every channel', async () => {
    expect(await selectChecked({ kind: 'consent', channel: 'sms' })).toEqual(['c01', 'c02', 'c05', 'c09']); // c04 suppressed, c10 withdrew
    expect(await selectChecked({ kind: 'consent', channel: 'email' })).toEqual(['c01', 'c03', 'c10']); // c02 withdrew, c07 and c12 suppressed
    expect(await selectChecked({ kind: 'consent', channel: 'push' })).toEqual(['c06', 'c09']);
    expect(await selectChecked({ kind: 'consent', channel: 'wecom' })).toEqual(['c08', 'c12']);
  });

  it('event_count: rolling window excludes the instant exactly N days ago and includes one second later', async () => {
    const loggedIn = await selectChecked({ kind: 'event_count', event: 'login', window: rolling(30), min: 1 });
    expect(loggedIn).toEqual(['c01', 'c03', 'c05', 'c07', 'c08', 'c09']); // c12's login exactly 30 days ago is out
    expect(await selectChecked({ kind: 'event_count', event: 'login', window: rolling(30) })).toEqual(loggedIn);
    expect(await selectChecked({ kind: 'event_count', event: 'login', window: rolling(31), min: 1 })).toEqual([...loggedIn, 'c12'].sort());
    expect(await selectChecked({ kind: 'event_count', event: 'login', window: rolling(30), min: 3 })).toEqual(['c01', 'c08']);
    expect(await selectChecked({ kind: 'event_count', event: 'login', window: rolling(30), min: 2, max: 2 })).toEqual(['c09']);
    // "at most 1" includes customers with no login at all.
    expect(await selectChecked({ kind: 'event_count', event: 'login', window: rolling(30), max: 1 })).toEqual(except('c01', 'c08', 'c09'));
  });

  it('event_count: calendar window is [from 00:00, to + 1 day 00:00) in UTC whatever the customer time zone', async () => {
    // c06 viewed at 1 Oct 00:00:00 and 31 Oct 23:59:59; c02 at 30 Sep 23:59:59 and 1 Nov 00:00; c10 on 1 Oct in Sydney only.
    expect(await selectChecked({ kind: 'event_count', event: 'view', window: october, min: 2 })).toEqual(['c06']);
    expect(await selectChecked({ kind: 'event_count', event: 'view', window: october })).toEqual(['c06']);
    expect(await selectChecked({ kind: 'event_count', event: 'view', window: { type: 'calendar', from: '2026-09-30', to: '2026-09-30' } })).toEqual(['c02', 'c10']);
  });

  it('order_stat: completed orders only, count and total, both window kinds', async () => {
    // October (UTC) holds c01's and c02's orders from 16 October, c04's at 1 Oct 00:00 and c07's at 31 Oct 23:59:59,
    // not c05's at 30 Sep 23:59:59, c09's at 1 Nov 00:00, nor c10's that was 1 October only in Sydney.
    expect(await selectChecked({ kind: 'order_stat', metric: 'count', window: october, min: 1 })).toEqual(['c01', 'c02', 'c04', 'c07']);
    expect(await selectChecked({ kind: 'order_stat', metric: 'count', window: rolling(30), min: 1 })).toEqual(['c01', 'c02', 'c03', 'c07', 'c09']);
    // c01's order of 100 exactly 30 days ago is out, their 300 five days ago is in; c03's cancelled 999 never counts.
    expect(await selectChecked({ kind: 'order_stat', metric: 'total', window: rolling(30), min: 300 })).toEqual(['c01', 'c09']);
    expect(await selectChecked({ kind: 'order_stat', metric: 'total', window: rolling(31), min: 400 })).toEqual(['c01']);
    expect(await selectChecked({ kind: 'order_stat', metric: 'total', window: rolling(30), max: 100 })).toEqual(except('c01', 'c02', 'c07', 'c09'));
    expect(await selectChecked({ kind: 'order_stat', metric: 'count', window: rolling(365), min: 2, max: 2 })).toEqual(['c01', 'c09']);
  });

  it('sequence: no follow-up in (t, t + withinMinutes], once that period has passed; at exactly the limit counts as a follow-up', async () => {
    const abandoned = { kind: 'sequence' as const, first: 'add_to_cart' as const, missing: 'purchase' as const, withinMinutes: 120 };
    // c10 added to cart an hour before as-of: with a 2-hour limit the cart is not abandoned yet...
    expect(await selectChecked({ ...abandoned, window: rolling(30) })).toEqual(['c02', 'c04', 'c09']);
    expect(await selectChecked({ ...abandoned, window: rolling(31) })).toEqual(['c02', 'c03', 'c04', 'c09']);
    expect(await selectChecked({ ...abandoned, withinMinutes: 121, window: rolling(30) })).toEqual(['c04', 'c09']);
    // ...with a 30-minute limit it is.
    expect(await selectChecked({ ...abandoned, withinMinutes: 30, window: rolling(30) })).toContain('c10');
  });

  it('spend_rank: cume_dist over customers with orders in the window, ties kept together', async () => {
    // 365-day totals: c09 1000, c01 400, c04 400, c02 200, c10 150, c07 120, c05 80, c12 60, c03 50.
    expect(await selectChecked({ kind: 'spend_rank', topShare: 0.2, window: rolling(365) })).toEqual(['c09']);
    expect(await selectChecked({ kind: 'spend_rank', topShare: 0.3, window: rolling(365) })).toEqual(['c09']);
    expect(await selectChecked({ kind: 'spend_rank', topShare: 1 / 3, window: rolling(365) })).toEqual(['c01', 'c04', 'c09']);
    expect(await selectChecked({ kind: 'spend_rank', topShare: 1, window: rolling(365) })).toEqual(except('c06', 'c08', 'c11'));
    // October totals: c04 400, c02 200, c07 120, c01 100.
    expect(await selectChecked({ kind: 'spend_rank', topShare: 0.5, window: october })).toEqual(['c02', 'c04']);
  });

  it('churn_risk: recent login rate against the 150 days before, at least 5 earlier logins', async () => {
    expect(await selectChecked({ kind: 'churn_risk', level: 'high' })).toEqual(['c06', 'c12']);
    // c07 halved their rate; c08 fell to exactly 30% (not below it); c11 has too few earlier logins.
    expect(await selectChecked({ kind: 'churn_risk', level: 'medium' })).toEqual(['c06', 'c07', 'c08', 'c12']);
  });

  it('category_purchase: a completed order with a product of the category in the window', async () => {
    expect(await selectChecked({ kind: 'category_purchase', category: 'beauty', window: rolling(30) })).toEqual(['c02']);
    expect(await selectChecked({ kind: 'category_purchase', category: 'beauty', window: rolling(31) })).toEqual(['c01', 'c02']);
    expect(await selectChecked({ kind: 'category_purchase', category: 'baby', window: october })).toEqual(['c04']);
    expect(await selectChecked({ kind: 'category_purchase', category: 'alcohol', window: rolling(365) })).toEqual(['c07']);
    expect(await selectChecked({ kind: 'category_purchase', category: "beauty' OR '1'='1", window: rolling(365) })).toEqual([]);
  });

  it('and / or / not, with NOT keeping customers whose field is unknown', async () => {
    expect(await selectChecked({ kind: 'not', condition: { kind: 'profile', field: 'city', values: ['Shanghai'] } })).toEqual(except('c01', 'c04'));
    expect(await selectChecked({ kind: 'not', condition: { kind: 'consent', channel: 'sms' } })).toEqual(except('c01', 'c02', 'c05', 'c09'));
    expect(await selectChecked({ kind: 'or', conditions: [{ kind: 'gender', values: ['unknown'] }, { kind: 'age', max: 17 }] })).toEqual(['c05', 'c06', 'c08']);
    expect(
      await selectChecked({
        kind: 'and',
        conditions: [
          { kind: 'age', min: 25, max: 30 },
          { kind: 'gender', values: ['female'] },
          { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 30, window: rolling(30) },
        ],
      }),
    ).toEqual(['c01', 'c04', 'c10']);
    expect(
      await selectChecked({ kind: 'not', condition: { kind: 'not', condition: { kind: 'profile', field: 'country', values: ['CN'] } } }),
    ).toEqual(['c01', 'c02', 'c04', 'c05', 'c08', 'c09']);
  });

  it('gives the same answers whatever the customers\' or the session\'s time zone', async () => {
    const conditions: Condition[] = [
      { kind: 'event_count', event: 'view', window: october },
      { kind: 'order_stat', metric: 'count', window: october, min: 1 },
      { kind: 'order_stat', metric: 'count', window: rolling(30), min: 1 },
      { kind: 'age', min: 25, max: 30 },
      { kind: 'churn_risk', level: 'medium' },
    ];
    const before = await Promise.all(conditions.map((condition) => select(condition)));
    const rollback = new Error('roll back the time zone changes');
    const during: string[][] = [];
    await test.db
      .transaction(async (tx) => {
        await tx.query("SET LOCAL TimeZone = 'Pacific/Kiritimati'");
        await tx.query("UPDATE customers SET time_zone = 'Pacific/Kiritimati'");
        for (const condition of conditions) during.push(await select(condition, tx));
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(during).toEqual(before);
  });
});

describe('compileSegment output and validation', () => {
  it('writes no literal into the SQL text and references every parameter', () => {
    const compiled = compileSegment(
      definition({
        kind: 'and',
        conditions: [
          { kind: 'profile', field: 'city', values: ["'; DROP TABLE customers; --"] },
          { kind: 'churn_risk', level: 'high' },
          { kind: 'order_stat', metric: 'total', window: october, min: 10, max: 20 },
        ],
      }),
      { asOf: AS_OF },
    );
    expect(compiled.sql.startsWith('SELECT c.id AS customer_id FROM customers c WHERE ')).toBe(true);
    expect(compiled.sql).not.toContain("'");
    expect(compiled.sql).not.toContain('DROP');
    const referenced = new Set([...compiled.sql.matchAll(/\$(\d+)::/g)].map((match) => Number(match[1])));
    expect([...referenced].sort((a, b) => a - b)).toEqual(compiled.params.map((_, index) => index + 1));
  });

  it('refuses invalid definitions with the path of the problem', () => {
    const failure = (root: unknown) => {
      try {
        compileSegment({ version: 1, root } as SegmentDefinition, { asOf: AS_OF });
      } catch (error) {
        expect(error).toBeInstanceOf(CodedError);
        return `${(error as CodedError).code}: ${(error as CodedError).message}`;
      }
      throw new Error('expected compileSegment to throw');
    };
    expect(failure({ kind: 'spend_rank', topShare: 0, window: rolling(30) })).toMatch(/^INVALID_INPUT: segment definition is invalid: root/);
    expect(failure({ kind: 'and', conditions: [{ kind: 'event_count', event: 'login', window: { type: 'calendar', from: '2026-02-30', to: '2026-03-01' } }] })).toBe(
      'INVALID_INPUT: root.conditions.0.window.from: "2026-02-30" is not a calendar date (YYYY-MM-DD)',
    );
    expect(failure({ kind: 'category_purchase', category: 'baby', window: { type: 'calendar', from: '2026-10-31', to: '2026-10-01' } })).toBe(
      'INVALID_INPUT: root.window: the window ends (2026-10-01) before it starts (2026-10-31); swap from and to',
    );
    expect(failure({ kind: 'profile', field: 'city', values: ['ok', 'bad\u0000'] })).toBe(
      'INVALID_INPUT: segment definition is invalid: root.values.1: text may not contain the NUL character',
    );
    expect(() => compileSegment(definition({ kind: 'churn_risk', level: 'high' }), { asOf: new Date('nope') })).toThrow(/asOf must be a valid date-time/);
  });
});
