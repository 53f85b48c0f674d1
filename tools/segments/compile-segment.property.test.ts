import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Condition, LeafCondition, SegmentDefinition, Window } from '../../src/domain/segment.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { refreshActivitySummary } from '../../src/data/activity-summary.ts';
import { compileSegment } from './compile-segment.ts';
import { referenceSegment } from './reference-segment.ts';
import { definitionArbitrary, FIXTURE_VALUES, HOSTILE_VALUES } from './segment-arbitraries.ts';
import * as data from './segment-test-data.ts';

const blandWindow = (window: Window): Window =>
  window.type === 'rolling' ? { type: 'rolling', days: 7 } : { type: 'calendar', from: '2026-01-01', to: '2026-01-02' };
// Whether a lower bound is above zero is part of the shape: zero admits customers with nothing in the window.
const blandBounds = (bounds: { min?: number | undefined; max?: number | undefined }) => ({
  ...(bounds.min !== undefined ? { min: bounds.min > 0 ? 1 : 0 } : {}),
  ...(bounds.max !== undefined ? { max: 2 } : {}),
});

/**
 * The same shape with every value replaced by a bland one: kinds, fields, metrics, window types,
 * bounds present (and whether a lower bound is above zero) are kept.
 */
function blandLeaf(leaf: LeafCondition): LeafCondition {
  switch (leaf.kind) {
    case 'age':
      return { kind: 'age', ...blandBounds(leaf) };
    case 'gender':
      return { kind: 'gender', values: leaf.values.map(() => 'female' as const) };
    case 'profile':
      return { kind: 'profile', field: leaf.field, values: leaf.values.map(() => 'x') };
    case 'consent':
      return { kind: 'consent', channel: 'sms' };
    case 'event_count':
      return { kind: 'event_count', event: 'view', window: blandWindow(leaf.window), ...blandBounds(leaf) };
    case 'order_stat':
      return { kind: 'order_stat', metric: leaf.metric, window: blandWindow(leaf.window), ...blandBounds(leaf) };
    case 'sequence':
      return { kind: 'sequence', first: 'view', missing: 'view', withinMinutes: 1, window: blandWindow(leaf.window) };
    case 'spend_rank':
      return { kind: 'spend_rank', topShare: 0.5, window: blandWindow(leaf.window) };
    case 'churn_risk':
      return { kind: 'churn_risk', level: 'high' };
    case 'category_purchase':
      return { kind: 'category_purchase', category: 'x', window: blandWindow(leaf.window) };
    case 'attribute': {
      // The SQL compares numbers numerically and text as text, so the value's type is part of the shape.
      const value = leaf.value === undefined ? {} : { value: typeof leaf.value === 'string' ? 'x' : typeof leaf.value === 'number' ? 1 : true };
      return { kind: 'attribute', key: 'x', op: leaf.op, ...value, ...(leaf.values ? { values: leaf.values.map(() => 'x') } : {}) };
    }
    case 'event_time':
      return { kind: 'event_time', event: leaf.event === 'order' ? 'order' : 'view', which: leaf.which, window: blandWindow(leaf.window) };
    case 'rfm':
      return {
        kind: 'rfm',
        window: blandWindow(leaf.window),
        ...(leaf.recency ? { recency: [1, 2] as [number, number] } : {}),
        ...(leaf.frequency ? { frequency: [1, 2] as [number, number] } : {}),
        ...(leaf.monetary ? { monetary: [1, 2] as [number, number] } : {}),
      };
    case 'predicted_clv':
      return { kind: 'predicted_clv', ...(leaf.topShare !== undefined ? { topShare: 0.5 } : {}), ...(leaf.min !== undefined ? { min: 1 } : {}) };
    case 'price_sensitivity':
      return { kind: 'price_sensitivity', window: blandWindow(leaf.window), ...(leaf.min !== undefined ? { min: 0.5 } : {}), ...(leaf.max !== undefined ? { max: 0.5 } : {}) };
    case 'category_affinity':
      return { kind: 'category_affinity', category: 'x', minLift: 1, window: blandWindow(leaf.window) };
  }
}
function bland(condition: Condition): Condition {
  if (condition.kind === 'and' || condition.kind === 'or') return { kind: condition.kind, conditions: condition.conditions.map(bland) };
  if (condition.kind === 'not') return { kind: 'not', condition: bland(condition.condition) };
  return blandLeaf(condition);
}

const asOfArbitrary = fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true });

describe('compileSegment properties', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await data.insertSegmentTestData(test.db);
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('the SQL text depends on the shape only: hostile values and any as-of give the text of bland values', () => {
    fc.assert(
      fc.property(definitionArbitrary(HOSTILE_VALUES), asOfArbitrary, (definition, asOf) => {
        const hostile = compileSegment(definition, { asOf });
        const plain = compileSegment({ version: 1, root: bland(definition.root) }, { asOf: data.AS_OF });
        expect(hostile.sql).toBe(plain.sql);
        expect(hostile.params).toHaveLength(plain.params.length);
        expect(hostile.sql).not.toContain("'");
      }),
      { numRuns: 500 },
    );
  });

  it('hostile definitions run without error and leave every table in place', async () => {
    const tables = async () =>
      (await test.db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).rows;
    const tablesBefore = await tables();
    await fc.assert(
      fc.asyncProperty(definitionArbitrary(HOSTILE_VALUES), asOfArbitrary, async (definition: SegmentDefinition, asOf: Date) => {
        const compiled = compileSegment(definition, { asOf });
        const { rows } = await test.db.query<{ customer_id: string }>(compiled.sql, compiled.params);
        expect(rows.every((row) => typeof row.customer_id === 'string')).toBe(true);
      }),
      { numRuns: 60 },
    );
    const { rows } = await test.db.query<{ customers: number; orders: number; events: number }>(
      'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM events) AS events',
    );
    expect(rows[0]).toEqual({ customers: data.CUSTOMERS.length, orders: data.ORDERS.length, events: data.EVENTS.length });
    expect(await tables()).toEqual(tablesBefore);
  });

  it('selects exactly the customers the in-memory evaluation selects, for arbitrary nested definitions', async () => {
    await expectReferenceSelections(test.db);
  });

  it('selects the same with the activity summary refreshed a day before as-of (summarised conditions corrected)', async () => {
    await refreshActivitySummary(test.db, new Date(data.AS_OF.getTime() - 86_400_000));
    try {
      await expectReferenceSelections(test.db);
    } finally {
      await test.db.query('DELETE FROM activity_summary_state');
    }
  });
});

/** Arbitrary nested definitions on the fixture select what the in-memory evaluation selects. */
async function expectReferenceSelections(db: TestDatabase['db']): Promise<void> {
  {
    const reference = {
      customers: data.CUSTOMERS,
      consents: data.CONSENTS,
      suppressions: data.SUPPRESSIONS,
      products: data.PRODUCTS,
      orders: data.ORDERS,
      orderItems: data.ORDER_ITEMS,
      events: data.EVENTS,
    };
    await fc.assert(
      fc.asyncProperty(definitionArbitrary(FIXTURE_VALUES), async (definition: SegmentDefinition) => {
        const compiled = compileSegment(definition, { asOf: data.AS_OF });
        const { rows } = await db.query<{ customer_id: string }>(compiled.sql, compiled.params);
        expect(rows.map((row) => row.customer_id).sort()).toEqual(referenceSegment(definition, reference, data.AS_OF));
      }),
      { numRuns: 200 },
    );
  }
}
