// Fills an empty database with the bilingual demo: the product catalogue, N customers with 180 days
// of behaviour ending at as-of, and the past campaigns with their outcomes, all in one transaction
// (nothing is half-written if it fails or is stopped). Customers are generated and written in
// chunks, so a million of them never sit in memory at once.
import { CodedError, ErrorCode } from '../../errors.ts';
import type { Database, Queryable } from '../database.ts';
import { ColumnarRows, createInsertPipeline } from './bulk-insert.ts';
import type { InsertPipeline } from './bulk-insert.ts';
import { CATALOGUE } from './catalogue.ts';
import { generateCustomerBatch } from './customer-batch.ts';
import { DEFAULT_SEED, generatePastCampaignDetails } from './past-campaigns.ts';
import type { PastCampaign } from './past-campaigns.ts';
import { tuneForBulkLoad } from './load-tuning.ts';
import { refreshActivitySummary } from '../activity-summary.ts';
import { createSeedCalendar } from './seasonality.ts';
import {
  CAMPAIGN_OUTCOMES_TABLE,
  CAMPAIGNS_TABLE,
  PRODUCTS_TABLE,
  createCustomerRows,
  customerRowsInWriteOrder,
  isoTime,
} from './seed-tables.ts';
import type { CustomerRows } from './seed-tables.ts';

export interface SeedOptions {
  /** Default 10,000. */
  customers?: number;
  /** Default 42. */
  seed?: number;
  /** End of the 180-day history; default: now rounded down to the hour. */
  asOf?: Date;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface SeedReport {
  customers: number;
  orders: number;
  events: number;
  pastCampaigns: number;
  asOf: string;
  seconds: number;
}

export const DEFAULT_CUSTOMERS = 10_000;
/** Phone numbers stay unique up to here (see places.ts). */
const MAX_CUSTOMERS = 5_000_000;
/** Customers generated between two looks at the buffers. */
const CHUNK_CUSTOMERS = 250;
/** Rows per INSERT statement. */
const BATCH_ROWS = 10_000;
export const DEMO_CREATED_BY = 'demo-seed';
const DEMO_APPROVER = 'demo-approver';

function validated(options: SeedOptions): { customers: number; seed: number; asOf: Date } {
  const customers = options.customers ?? DEFAULT_CUSTOMERS;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
    throw new CodedError(ErrorCode.InvalidInput, `customers must be a whole number from 1 to ${MAX_CUSTOMERS.toLocaleString('en')} (got ${customers})`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new CodedError(ErrorCode.InvalidInput, `seed must be a whole number from 0 to 4,294,967,295 (got ${seed})`);
  }
  const asOf = options.asOf ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  if (Number.isNaN(asOf.getTime())) throw new CodedError(ErrorCode.InvalidInput, 'asOf must be a valid date');
  return { customers, seed, asOf };
}

async function assertEmpty(tx: Queryable, location: string, campaignIds: string[]): Promise<void> {
  // Two seeders at once would both see an empty table; the lock makes the second wait and then refuse.
  await tx.query('LOCK TABLE customers IN SHARE ROW EXCLUSIVE MODE');
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  const existing = rows[0]?.n ?? 0;
  if (existing > 0) {
    throw new CodedError(
      ErrorCode.Conflict,
      `the database already has customers: ${existing.toLocaleString('en')} in ${location}. ` +
        'Demo data is only loaded into an empty database: use a new data directory (CAMPAIGN_AGENT_DATA_DIR) or an empty PostgreSQL database (DATABASE_URL)',
    );
  }
  const clashes = await tx.query<{ kind: string; id: string }>(
    `SELECT 'product' AS kind, id FROM products WHERE id = ANY($1::text[])
     UNION ALL SELECT 'campaign', id FROM campaigns WHERE id = ANY($2::text[]) LIMIT 1`,
    [CATALOGUE.map((product) => product.id), campaignIds],
  );
  const clash = clashes.rows[0];
  if (clash) {
    throw new CodedError(
      ErrorCode.Conflict,
      `the database already has demo rows: ${clash.kind} ${clash.id} exists in ${location}. Load the demo into an empty database`,
    );
  }
}

function productRows(): ColumnarRows {
  const rows = new ColumnarRows(PRODUCTS_TABLE);
  for (const product of CATALOGUE) rows.push([product.id, product.name, product.category, product.price, product.cost, product.currency]);
  return rows;
}

function campaignRows(campaigns: readonly PastCampaign[]): { campaigns: ColumnarRows; outcomes: ColumnarRows } {
  const campaignTable = new ColumnarRows(CAMPAIGNS_TABLE);
  const outcomeTable = new ColumnarRows(CAMPAIGN_OUTCOMES_TABLE);
  for (const { record, brief, segment, createdAt, approvedAt, startsAt } of campaigns) {
    campaignTable.push([
      record.id,
      record.name,
      'completed',
      record.objective,
      record.channels.join(','),
      JSON.stringify(brief),
      JSON.stringify(segment),
      DEMO_CREATED_BY,
      DEMO_APPROVER,
      createdAt.toISOString(),
      approvedAt.toISOString(),
      startsAt.toISOString(),
      record.endedAt.toISOString(),
    ]);
    outcomeTable.push([
      record.id,
      record.sent,
      record.delivered,
      record.converted,
      record.revenue,
      record.holdoutSize,
      record.holdoutConverted,
      isoTime(record.endedAt.getTime() + 86_400_000),
    ]);
  }
  return { campaigns: campaignTable, outcomes: outcomeTable };
}

async function flushCustomerRows(pipeline: InsertPipeline, rows: CustomerRows): Promise<void> {
  for (const table of customerRowsInWriteOrder(rows)) await pipeline.flush(table);
}

/** Tables the seed fills, loaded with their secondary indexes rebuilt once at the end. */
const LOADED_TABLES = ['customers', 'consents', 'suppressions', 'orders', 'order_items', 'events'];

/** Lets queued statements go out to the server while the next customers are generated. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const { customers, seed, asOf } = validated(options);
  const startedAt = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const calendar = createSeedCalendar(asOf);
  const pastCampaigns = generatePastCampaignDetails({ seed, asOf });
  const totals = { orders: 0, events: 0 };

  await db.transaction(async (tx) => {
    await assertEmpty(tx, db.location, pastCampaigns.map((campaign) => campaign.record.id));
    // Foreign keys may go unchecked row by row (see load-tuning.ts): every reference written here
    // points at a row written before it, which the tests verify.
    const tuning = await tuneForBulkLoad(tx, LOADED_TABLES);
    const pipeline = createInsertPipeline(tx, { batchSize: BATCH_ROWS });
    try {
      progress(0, 1, 'products');
      await pipeline.flush(productRows());
      progress(1, 1, 'products');

      progress(0, customers, 'customers');
      const rows = createCustomerRows();
      for (let from = 0; from < customers; from += CHUNK_CUSTOMERS) {
        const count = Math.min(CHUNK_CUSTOMERS, customers - from);
        const batch = generateCustomerBatch({ seed, calendar }, from, count, rows);
        totals.orders += batch.orders;
        totals.events += batch.events;
        const last = from + count >= customers;
        if (last || rows.events.length >= BATCH_ROWS) {
          await flushCustomerRows(pipeline, rows);
          progress(from + count, customers, 'customers');
        }
        await yieldToEventLoop();
      }

      progress(0, pastCampaigns.length, 'past_campaigns');
      const campaignTables = campaignRows(pastCampaigns);
      await pipeline.flush(campaignTables.campaigns);
      await pipeline.flush(campaignTables.outcomes);
      await pipeline.drain();
      progress(pastCampaigns.length, pastCampaigns.length, 'past_campaigns');

      progress(0, tuning.droppedIndexes.length, 'indexes');
      await tuning.finish((done, total) => progress(done, total, 'indexes'));

      const origin = { kind: 'demo', seed, customers, asOf: asOf.toISOString() };
      await tx.query(
        `INSERT INTO settings (key, value, updated_at) VALUES ('data_origin', $1::jsonb, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
        [JSON.stringify(origin)],
      );
      // The activity summary's triggers may have been skipped with the row triggers: mark it stale.
      await tx.query('UPDATE activity_summary_state SET current = false');
    } catch (error) {
      // Nothing may still be running on the connection when the transaction rolls back.
      await pipeline.drain().catch(() => undefined);
      throw error;
    }
  });

  // Segments over the demo data read the activity summary from the start.
  await refreshActivitySummary(db, asOf);

  return {
    customers,
    orders: totals.orders,
    events: totals.events,
    pastCampaigns: pastCampaigns.length,
    asOf: asOf.toISOString(),
    seconds: Math.round((performance.now() - startedAt) / 10) / 100,
  };
}
