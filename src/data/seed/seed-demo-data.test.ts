import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brief } from '../../domain/brief.ts';
import { SegmentDefinition } from '../../domain/segment.ts';
import { CodedError } from '../../errors.ts';
import type { Database } from '../database.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import { pastCampaignsForSeed } from './past-campaigns.ts';
import { seedDemoData } from './seed-demo-data.ts';
import type { SeedReport } from './seed-demo-data.ts';

const asOf = new Date('2026-11-20T15:00:00Z');
const CUSTOMERS = 2000;
const TABLES = ['customers', 'consents', 'suppressions', 'products', 'orders', 'order_items', 'events', 'campaigns', 'campaign_outcomes'];

async function counts(db: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = ((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0] as { n: number }).n;
  return result;
}

async function firstRows(db: Database): Promise<{ customers: unknown[]; consents: unknown[]; orders: unknown[]; events: unknown[] }> {
  return {
    customers: (await db.query('SELECT * FROM customers ORDER BY id LIMIT 3')).rows,
    consents: (await db.query('SELECT * FROM consents ORDER BY customer_id, channel LIMIT 5')).rows,
    orders: (await db.query('SELECT * FROM orders ORDER BY id LIMIT 3')).rows,
    events: (await db.query('SELECT * FROM events ORDER BY id LIMIT 5')).rows,
  };
}

const indexNames = async (db: Database): Promise<string[]> =>
  (await db.query<{ name: string }>('SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1')).rows.map((row) => row.name);

describe('seedDemoData', () => {
  let first: TestDatabase;
  let report: SeedReport;
  const progress: Array<[number, number, string]> = [];

  beforeAll(async () => {
    first = await createTestDatabase();
    report = await seedDemoData(first.db, { customers: CUSTOMERS, asOf, onProgress: (...call) => progress.push(call) });
  });
  afterAll(async () => {
    await first.dispose();
  });

  it('reports what it wrote', async () => {
    const stored = await counts(first.db);
    expect(report).toEqual({
      customers: CUSTOMERS,
      orders: stored.orders,
      events: stored.events,
      pastCampaigns: 160,
      asOf: '2026-11-20T15:00:00.000Z',
      seconds: expect.any(Number),
    });
    expect(stored.customers).toBe(CUSTOMERS);
    expect(stored.events).toBeGreaterThan(20 * CUSTOMERS);
    expect(stored.campaign_outcomes).toBe(160);
  });

  it('reports progress stage by stage, customers counting up to the total', () => {
    const stages = [...new Set(progress.map(([, , stage]) => stage))];
    expect(stages).toEqual(['products', 'customers', 'past_campaigns', 'indexes']);
    const customerCalls = progress.filter(([, , stage]) => stage === 'customers');
    const done = customerCalls.map(([value]) => value);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(customerCalls.at(-1)).toEqual([CUSTOMERS, CUSTOMERS, 'customers']);
    expect(customerCalls.length).toBeGreaterThan(2);
  });

  it('records where the data came from', async () => {
    const { rows } = await first.db.query("SELECT value FROM settings WHERE key = 'data_origin'");
    expect(rows).toEqual([{ value: { kind: 'demo', seed: 42, customers: CUSTOMERS, asOf: '2026-11-20T15:00:00.000Z' } }]);
  });

  it('stores exactly the past campaigns generatePastCampaigns gives for the seed, with valid briefs and audiences', async () => {
    const { rows } = await first.db.query<Record<string, unknown>>(
      `SELECT c.id, c.name, c.objective, c.channels, c.status, c.created_by, c.brief, c.segment_definition, c.ended_at,
              o.sent, o.delivered, o.converted, o.revenue, o.holdout_size, o.holdout_converted
         FROM campaigns c JOIN campaign_outcomes o ON o.campaign_id = c.id ORDER BY c.id`,
    );
    const expected = pastCampaignsForSeed({ seed: 42, asOf });
    expect(rows.map((row) => ({ ...row, brief: undefined, segment_definition: undefined }))).toEqual(
      expected.map((record) => ({
        id: record.id,
        name: record.name,
        objective: record.objective,
        channels: record.channels,
        status: 'completed',
        created_by: 'demo-seed',
        brief: undefined,
        segment_definition: undefined,
        ended_at: record.endedAt,
        sent: record.sent,
        delivered: record.delivered,
        converted: record.converted,
        revenue: record.revenue,
        holdout_size: record.holdoutSize,
        holdout_converted: record.holdoutConverted,
      })),
    );
    for (const row of rows) {
      const brief = Brief.parse(row.brief);
      SegmentDefinition.parse(row.segment_definition);
      expect(brief.goal).toBe(expected.find((record) => record.id === row.id)?.summary);
    }
  });

  it('refuses a database that already has customers, and changes nothing', async () => {
    const before = await counts(first.db);
    const failure = await seedDemoData(first.db, { customers: 10, asOf }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CodedError);
    expect((failure as CodedError).code).toBe('CONFLICT');
    expect((failure as CodedError).message).toMatch(/^the database already has customers: 2,000 in /);
    expect(await counts(first.db)).toEqual(before);
  });

  it('refuses options it cannot use', async () => {
    for (const options of [{ customers: 0 }, { customers: 1.5 }, { customers: 6_000_000 }, { seed: -1 }, { seed: Number.NaN }, { asOf: new Date('nonsense') }]) {
      const failure = await seedDemoData(first.db, options).catch((error: unknown) => error);
      expect((failure as CodedError).code).toBe('INVALID_INPUT');
    }
  });

  describe('determinism and atomicity', () => {
    let second: TestDatabase;
    let third: TestDatabase;
    beforeAll(async () => {
      second = await createTestDatabase();
      third = await createTestDatabase();
    });
    afterAll(async () => {
      await second.dispose();
      await third.dispose();
    });

    it('writes the same data for the same seed', async () => {
      await seedDemoData(second.db, { customers: CUSTOMERS, asOf });
      expect(await counts(second.db)).toEqual(await counts(first.db));
      expect(await firstRows(second.db)).toEqual(await firstRows(first.db));
    });

    it('leaves nothing behind when it fails half-way, and the database stays usable', async () => {
      const indexesBefore = await indexNames(third.db);
      const failure = await seedDemoData(third.db, {
        customers: CUSTOMERS,
        seed: 7,
        asOf,
        onProgress: (done, _total, stage) => {
          if (stage === 'customers' && done > 0) throw new Error('stopped mid-way');
        },
      }).catch((error: unknown) => error);
      expect((failure as Error).message).toBe('stopped mid-way');
      expect(Object.values(await counts(third.db))).toEqual(TABLES.map(() => 0));
      expect((await third.db.query("SELECT * FROM settings WHERE key = 'data_origin'")).rows).toEqual([]);
      expect(await indexNames(third.db)).toEqual(indexesBefore);
    });

    it('writes different data for a different seed, with every index back in place', async () => {
      const indexesBefore = await indexNames(third.db);
      await seedDemoData(third.db, { customers: CUSTOMERS, seed: 7, asOf });
      expect(await indexNames(third.db)).toEqual(indexesBefore);
      const [a, b] = [await firstRows(first.db), await firstRows(third.db)];
      expect(b.customers.map((row) => (row as { id: string }).id)).toEqual(a.customers.map((row) => (row as { id: string }).id));
      expect(b.customers).not.toEqual(a.customers);
      expect(b.events).not.toEqual(a.events);
      expect((await counts(third.db)).events).not.toBe((await counts(first.db)).events);
    });
  });

  it('ends the history at the last full hour when no as-of is given', async () => {
    const small = await createTestDatabase();
    try {
      const before = Date.now();
      const result = await seedDemoData(small.db, { customers: 20 });
      const end = Date.parse(result.asOf);
      expect(end % 3_600_000).toBe(0);
      expect(end).toBeLessThanOrEqual(before);
      expect(end).toBeGreaterThan(before - 3_600_000 - 60_000);
    } finally {
      await small.dispose();
    }
  });
});
