// The activity summary stands in for the events only where it gives the exact answer: with a
// summary refreshed at T and a segment evaluated at as-of A (on both sides of T, on window edges),
// every summarised condition selects what the in-memory reference selects from the raw rows; a change
// to data before T makes the summary stale and conditions read the events again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readActivitySummaryState, refreshActivitySummary } from '../../src/data/activity-summary.ts';
import type { Condition } from '../../src/domain/segment.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { compileSegment } from './compile-segment.ts';
import { referenceSegment, type ReferenceData } from './reference-segment.ts';
import * as data from './segment-test-data.ts';

const { AS_OF, daysBefore } = data;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
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

/** Conditions with a summarised form, as the root (grouped) and under NOT (per customer). */
const SUMMARISED: Array<{ name: string; root: Condition }> = [
  { name: 'logins >= 2 in 30 days', root: { kind: 'event_count', event: 'login', window: rolling(30), min: 2 } },
  { name: 'logins 1-3 in 7 days', root: { kind: 'event_count', event: 'login', window: rolling(7), min: 1, max: 3 } },
  { name: 'add to cart >= 1 in 30 days', root: { kind: 'event_count', event: 'add_to_cart', window: rolling(30), min: 1 } },
  { name: 'at most 1 login in 180 days', root: { kind: 'event_count', event: 'login', window: rolling(180), max: 1 } },
  { name: 'orders >= 1 in 30 days', root: { kind: 'order_stat', metric: 'count', window: rolling(30), min: 1 } },
  { name: 'spend >= 200 in 365 days', root: { kind: 'order_stat', metric: 'total', window: rolling(365), min: 200 } },
  { name: 'spend <= 100 in 90 days', root: { kind: 'order_stat', metric: 'total', window: rolling(90), max: 100 } },
  { name: 'churn risk high', root: { kind: 'churn_risk', level: 'high' } },
  { name: 'churn risk medium', root: { kind: 'churn_risk', level: 'medium' } },
  { name: 'top 30% by spend in 365 days', root: { kind: 'spend_rank', topShare: 0.3, window: rolling(365) } },
  { name: 'top 50% by spend in 30 days', root: { kind: 'spend_rank', topShare: 0.5, window: rolling(30) } },
  { name: 'price sensitivity >= 50% in 365 days', root: { kind: 'price_sensitivity', min: 0.5, window: rolling(365) } },
  { name: 'price sensitivity <= 0% in 180 days', root: { kind: 'price_sensitivity', max: 0, window: rolling(180) } },
  {
    name: 'nested: orders in 180 days, none in 30, or 2+ logins in 7',
    root: {
      kind: 'and',
      conditions: [
        { kind: 'order_stat', metric: 'count', window: rolling(180), min: 1 },
        { kind: 'or', conditions: [{ kind: 'not', condition: { kind: 'order_stat', metric: 'count', window: rolling(30), min: 1 } }, { kind: 'event_count', event: 'login', window: rolling(7), min: 2 }] },
      ],
    },
  },
];

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await data.insertSegmentTestData(test.db);
});
afterAll(async () => {
  await test.dispose();
});

async function select(root: Condition, asOf: Date): Promise<string[]> {
  const compiled = compileSegment({ version: 1, root }, { asOf });
  const { rows } = await test.db.query<{ customer_id: string }>(compiled.sql, compiled.params);
  return rows.map((row) => row.customer_id).sort();
}

const expected = (root: Condition, asOf: Date) => referenceSegment({ version: 1, root }, DATA, asOf);
const negated = (root: Condition): Condition => ({ kind: 'not', condition: root });

describe('segments over the activity summary', () => {
  // Refresh instants relative to the as-of of the data set: the same instant, a second, an hour and
  // a day before it, two days after it (as-of before the refresh), and just past the lag limit.
  const refreshes = [
    { name: 'at as-of', at: AS_OF },
    { name: '1 s before as-of', at: new Date(AS_OF.getTime() - 1000) },
    { name: '1 h before as-of', at: new Date(AS_OF.getTime() - HOUR) },
    { name: '1 day before as-of', at: new Date(AS_OF.getTime() - DAY) },
    { name: '2 days after as-of', at: new Date(AS_OF.getTime() + 2 * DAY) },
    { name: '30 days before (beyond the lag: events read)', at: daysBefore(30) },
  ];
  for (const refresh of refreshes) {
    it(`selects exactly what the raw rows give, summary refreshed ${refresh.name}`, async () => {
      await refreshActivitySummary(test.db, refresh.at);
      for (const { name, root } of SUMMARISED) {
        for (const asOf of [AS_OF, new Date(AS_OF.getTime() + 1000)]) {
          expect(await select(root, asOf), `${name} as of ${asOf.toISOString()}`).toEqual(expected(root, asOf));
          expect(await select(negated(root), asOf), `not (${name}) as of ${asOf.toISOString()}`).toEqual(expected(negated(root), asOf));
        }
      }
    });
  }

  it('reads the summary when it is usable: a tampered summary changes the answer, a stale one does not', async () => {
    const root: Condition = { kind: 'event_count', event: 'login', window: rolling(30), min: 2 };
    await refreshActivitySummary(test.db, new Date(AS_OF.getTime() - HOUR));
    const truth = expected(root, AS_OF);
    expect(await select(root, AS_OF)).toEqual(truth);
    // c06 logged in 40+ days ago only; pretend the summary counted 5 logins in 30 days for them.
    await test.db.query(`UPDATE event_window_counts SET counts[3] = 5 WHERE type = 'login' AND customer_id = 'c06'`);
    expect(await select(root, AS_OF)).toEqual([...truth, 'c06'].sort());
    // The summary is not used far from its refresh instant: the events give the truth again.
    expect(await select(root, new Date(AS_OF.getTime() + 10 * DAY))).toEqual(expected(root, new Date(AS_OF.getTime() + 10 * DAY)));
    // An event written before the refresh instant marks the summary stale; the events are read.
    await test.db.query(`INSERT INTO events (customer_id, type, occurred_at) VALUES ('c11', 'login', $1)`, [daysBefore(2).toISOString()]);
    expect((await readActivitySummaryState(test.db))?.current).toBe(false);
    const withNewLogin: ReferenceData = { ...DATA, events: [...DATA.events, { customer_id: 'c11', type: 'login', occurred_at: daysBefore(2) }] };
    expect(await select(root, AS_OF)).toEqual(referenceSegment({ version: 1, root }, withNewLogin, AS_OF));
    expect(await select(root, AS_OF)).not.toContain('c06');
    await test.db.query(`DELETE FROM events WHERE customer_id = 'c11' AND occurred_at = $1`, [daysBefore(2).toISOString()]);
  });

  it('stays current when only later rows arrive, and they are counted through the correction', async () => {
    const root: Condition = { kind: 'order_stat', metric: 'count', window: rolling(7), min: 1 };
    const refreshedAt = new Date(AS_OF.getTime() - DAY);
    await refreshActivitySummary(test.db, refreshedAt);
    const lateOrder = { id: 'o-late', customer_id: 'c06', ordered_at: new Date(AS_OF.getTime() - HOUR), status: 'completed' as const, total: 10, discount: 0 };
    await test.db.query(`INSERT INTO orders (id, customer_id, ordered_at, status, total, discount) VALUES ($1, $2, $3, $4, $5, $6)`, [
      lateOrder.id, lateOrder.customer_id, lateOrder.ordered_at.toISOString(), lateOrder.status, lateOrder.total, lateOrder.discount,
    ]);
    try {
      expect((await readActivitySummaryState(test.db))?.current).toBe(true);
      const withLateOrder: ReferenceData = { ...DATA, orders: [...DATA.orders, lateOrder] };
      const ids = await select(root, AS_OF);
      expect(ids).toEqual(referenceSegment({ version: 1, root }, withLateOrder, AS_OF));
      expect(ids).toContain('c06');
      // Cancelling an order placed before the refresh instant changes what the summary counted.
      await test.db.query(`UPDATE orders SET status = 'cancelled' WHERE id = 'o13'`);
      expect((await readActivitySummaryState(test.db))?.current).toBe(false);
      await test.db.query(`UPDATE orders SET status = 'completed' WHERE id = 'o13'`);
    } finally {
      await test.db.query(`DELETE FROM orders WHERE id = 'o-late'`);
    }
  });
});
