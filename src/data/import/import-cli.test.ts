// The import as a user runs it: `campaign-agent init --no-demo`, then `campaign-agent import orders`
// on a UCI Online Retail-layout file, as real processes on a real database (embedded, or PostgreSQL
// when DATABASE_URL is set).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.ts';
import { createTestDatabase, memoryEnabledInTests, type TestDatabase } from '../../testing/test-database.ts';
import { UCI_BAD_ROWS, UCI_RETAIL_ROWS, UCI_TOTALS } from './uci-retail-fixture.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
let dir: string;
let postgres: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let retailFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-agent-import-cli-'));
  retailFile = join(dir, 'online_retail.csv');
  writeFileSync(retailFile, `${UCI_RETAIL_ROWS.join('\r\n')}\r\n`);
  env = { ...process.env, LOG_LEVEL: 'silent', CAMPAIGN_AGENT_MEMORY: memoryEnabledInTests ? 'on' : 'off', CAMPAIGN_AGENT_DATA_DIR: join(dir, 'data') };
  delete env.OPENAI_API_KEY;
  if (process.env.DATABASE_URL) {
    postgres = await createTestDatabase();
    env.DATABASE_URL = postgres.env.DATABASE_URL;
  } else {
    delete env.DATABASE_URL;
  }
});
afterAll(async () => {
  await postgres?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function inDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = postgres ? postgres.db : await openDatabase({ databaseUrl: null, dataDir: env.CAMPAIGN_AGENT_DATA_DIR!, memory: memoryEnabledInTests });
  try {
    return await work(db);
  } finally {
    if (!postgres) await db.close();
  }
}

describe('campaign-agent init --no-demo and import orders (UCI Online Retail layout)', () => {
  it('prepares an empty database for the user\'s own data', () => {
    const { code, stdout } = runCli(['init', '--no-demo']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/is ready for your own data \(no demo data\)/);
  });

  it('rejects the file without --skip-bad-rows, listing every bad row with its line and column', () => {
    const { code, stdout, stderr } = runCli(['import', 'orders', retailFile]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual(UCI_BAD_ROWS.map((row) => `  line ${row.line}, column ${row.column}: ${row.message}`));
    expect(lines[4]).toMatch(/^campaign-agent: .*online_retail\.csv: 4 bad rows, nothing was imported: line 28, column CustomerID: is empty; .*--skip-bad-rows/);
    expect(lines).toHaveLength(5);
  });

  it('imports with --map and --skip-bad-rows: line items grouped, cancellations and returns recognised', async () => {
    expect(await inDatabase(async (db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')).rows[0]?.n)).toBe(0);
    const { code, stdout, stderr } = runCli([
      'import', 'orders', retailFile, '--map', 'customer_id=CustomerID,ordered_at=InvoiceDate', '--currency', 'GBP', '--skip-bad-rows', '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('Skipped 4 bad rows:\n  line 28, column CustomerID: is empty\n');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      kind: 'orders',
      rows: UCI_TOTALS.rows,
      imported: UCI_TOTALS.imported,
      skipped: UCI_BAD_ROWS,
      mapping: { order_id: 'InvoiceNo', customer_id: 'CustomerID', ordered_at: 'InvoiceDate', product_id: 'StockCode', product_name: 'Description', quantity: 'Quantity', unit_price: 'UnitPrice', country: 'Country' },
      dateFormats: { ordered_at: 'mdy' },
      written: { customersCreated: UCI_TOTALS.customers, ordersCreated: UCI_TOTALS.orders, ordersUpdated: 0, orderLines: UCI_TOTALS.imported, productsCreated: 31 },
      dataOrigin: { kind: 'own' },
    });
    const facts = await inDatabase(async (db) => ({
      statuses: (await db.query('SELECT status, count(*)::int AS orders FROM orders GROUP BY status ORDER BY status')).rows,
      invoice: (await db.query("SELECT customer_id, ordered_at, status, total, currency FROM orders WHERE id = '581180'")).rows,
      lines: (await db.query("SELECT line_no, product_id, quantity, unit_price FROM order_items WHERE order_id = '581180' ORDER BY line_no")).rows,
      customer: (await db.query("SELECT country FROM customers WHERE id = '12347'")).rows,
      hostile: (await db.query("SELECT name, category FROM products WHERE id = '22556'")).rows,
    }));
    expect(facts).toEqual({
      statuses: [{ status: 'cancelled', orders: 3 }, { status: 'completed', orders: 21 }, { status: 'returned', orders: 1 }],
      invoice: [{ customer_id: '12347', ordered_at: new Date('2011-12-07T15:52:00Z'), status: 'completed', total: 45.18, currency: 'GBP' }],
      lines: [
        { line_no: 1, product_id: '20719', quantity: 10, unit_price: 0.85 },
        { line_no: 2, product_id: '21265', quantity: 12, unit_price: 1.95 },
        { line_no: 3, product_id: '23271', quantity: 16, unit_price: 0.83 },
      ],
      customer: [{ country: 'Iceland' }],
      hostile: [{ name: "PLASTERS IN TIN '); DROP TABLE orders; --", category: 'uncategorised' }],
    });
  });

  it('importing the same file again duplicates nothing', async () => {
    const { code, stdout } = runCli(['import', 'orders', retailFile, '--skip-bad-rows', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).written).toMatchObject({ customersCreated: 0, ordersCreated: 0, ordersUpdated: UCI_TOTALS.orders, orderLines: UCI_TOTALS.imported, productsCreated: 0 });
    const counts = await inDatabase(
      async (db) =>
        (await db.query('SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_items)::int AS lines')).rows[0],
    );
    expect(counts).toEqual({ customers: UCI_TOTALS.customers, orders: UCI_TOTALS.orders, lines: UCI_TOTALS.imported });
  });

  it('names what is wrong with the command in one line, exit code 1', () => {
    const { code, stderr } = runCli(['import', 'invoices', 'x.csv']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^campaign-agent: .*what to import must be customers, orders or events \(got "invoices"\)\n$/);
  });
});
