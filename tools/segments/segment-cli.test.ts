// `campaign-agent segment` as a user runs it, on a UCI Online Retail-layout file imported with
// `campaign-agent import orders --map ...` into a fresh database: RFM-style questions with --as-of
// give the exact counts worked out by hand in the fixture; saved segments are reused and compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/data/database.ts';
import { UCI_ANSWERS, UCI_AS_OF, UCI_RETAIL_ROWS, UCI_TOTALS } from '../../src/data/import/uci-retail-fixture.ts';
import { openDatabase } from '../../src/data/open-database.ts';
import type { Condition } from '../../src/domain/segment.ts';
import { createTestDatabase, memoryEnabledInTests, type TestDatabase } from '../../src/testing/test-database.ts';
import { compileSegment } from './compile-segment.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'campaign-agent.mjs');
let dir: string;
let postgres: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-agent-segment-cli-'));
  const file = join(dir, 'online_retail.csv');
  writeFileSync(file, `${UCI_RETAIL_ROWS.join('\n')}\n`);
  env = { ...process.env, LOG_LEVEL: 'silent', CAMPAIGN_AGENT_MEMORY: memoryEnabledInTests ? 'on' : 'off', CAMPAIGN_AGENT_DATA_DIR: join(dir, 'data') };
  delete env.OPENAI_API_KEY;
  if (process.env.DATABASE_URL) {
    postgres = await createTestDatabase();
    env.DATABASE_URL = postgres.env.DATABASE_URL;
  } else {
    delete env.DATABASE_URL;
  }
  const imported = runCli(['import', 'orders', file, '--map', 'order_id=InvoiceNo,customer_id=CustomerID,ordered_at=InvoiceDate', '--skip-bad-rows', '--json']);
  expect(imported.code).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ imported: UCI_TOTALS.imported, written: { ordersCreated: UCI_TOTALS.orders, customersCreated: UCI_TOTALS.customers } });
});
afterAll(async () => {
  await postgres?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `work` on the imported database (the test's PostgreSQL database, or the embedded one the CLI wrote). */
async function inDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  if (postgres) return work(postgres.db);
  const db = await openDatabase({ databaseUrl: null, dataDir: env.CAMPAIGN_AGENT_DATA_DIR!, memory: memoryEnabledInTests });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The ids of the customers matching `root` as of UCI_AS_OF, in id order. */
function membersAsOf(root: Condition): Promise<string[]> {
  const compiled = compileSegment({ version: 1, root }, { asOf: new Date(UCI_AS_OF) });
  return inDatabase(async (db) => (await db.query<{ customer_id: string }>(`${compiled.sql} ORDER BY c.id`, compiled.params)).rows.map((row) => row.customer_id));
}

function segmentJson(args: string[]) {
  const { code, stdout, stderr } = runCli(['segment', ...args, '--as-of', UCI_AS_OF, '--json', '--sample', '10']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

const NOBODY_REACHABLE = { sms: 0, email: 0, push: 0, wecom: 0 };
const HOSTILE_NAME = "recent'); DROP TABLE saved_segments; --";

describe('campaign-agent segment on imported retail data', () => {
  it('"customers who bought in the last 30 days" as of a date: exact count, plan field names, saved by name', () => {
    const segment = segmentJson(['customers who bought in the last 30 days', '--save', HOSTILE_NAME]);
    expect(Object.keys(segment)).toEqual(['definition', 'description', 'assumptions', 'count', 'reachable', 'sample', 'breakdown', 'asOf', 'saved']);
    expect(segment).toMatchObject({
      definition: { version: 1, root: { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 30 }, min: 1 } },
      description: 'customers with at least 1 completed order in the last 30 days (rolling)',
      assumptions: [],
      count: UCI_ANSWERS.boughtLast30Days.length,
      reachable: NOBODY_REACHABLE,
      asOf: '2011-12-10T00:00:00.000Z',
      saved: { name: HOSTILE_NAME, created: true },
    });
    expect(segment.sample.map((row: { id: string }) => row.id)).toEqual(UCI_ANSWERS.boughtLast30Days);
  });

  it('"top 20% by spend" says what it assumed and compares with the saved segment', () => {
    const segment = segmentJson(['top 20% by spend', '--diff', HOSTILE_NAME]);
    expect(segment).toMatchObject({
      assumptions: ['high-value = top 20% by 12-month spend'],
      count: UCI_ANSWERS.top20PercentBySpend.length,
      diff: { name: HOSTILE_NAME, a: 2, b: 5, overlap: 1, onlyA: 1, onlyB: 4 },
    });
    expect(segment.sample.map((row: { id: string }) => row.id)).toEqual(UCI_ANSWERS.top20PercentBySpend);
  });

  it('"haven\'t bought in 90 days" counts lapsed buyers, the order exactly 90 days back included', () => {
    const segment = segmentJson(["haven't bought in 90 days"]);
    expect(segment.count).toBe(UCI_ANSWERS.lapsed90Days.length);
    expect(segment.sample.map((row: { id: string }) => row.id)).toEqual(UCI_ANSWERS.lapsed90Days);
    expect(segment.assumptions).toEqual(['win-back audience = customers who bought in the last 12 months']);
  });

  it('reuses a saved segment by name in readable form', () => {
    const { code, stdout } = runCli(['segment', '--use', HOSTILE_NAME, '--as-of', '2011-12-10T00:00:00Z']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'customers with at least 1 completed order in the last 30 days (rolling)',
      '5 customers (As of 2011-12-10T00:00:00.000Z)',
      'Reachable: sms 0, email 0, push 0, wecom 0',
    ]);
  });

  it('RFM quintile scores over the last 365 days as of the date: the buyers worked out by hand', async () => {
    const window = { type: 'rolling' as const, days: 365 };
    expect({
      recent: await membersAsOf({ kind: 'rfm', recency: [4, 5], window }),
      recentAndValuable: await membersAsOf({ kind: 'rfm', recency: [4, 5], monetary: [4, 5], window }),
      frequent: await membersAsOf({ kind: 'rfm', frequency: [4, 5], window }),
    }).toEqual({ recent: UCI_ANSWERS.rfmRecent, recentAndValuable: UCI_ANSWERS.rfmRecentAndValuable, frequent: UCI_ANSWERS.rfmFrequent });
  });

  it('names the --as-of flag when its value is not an ISO date or date-time', () => {
    const { code, stderr } = runCli(['segment', 'customers', '--as-of', '2011-02-30']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^campaign-agent: .*--as-of must be an ISO date \(2011-12-10\) or date-time \(2011-12-10T12:00:00Z\), got "2011-02-30"\n$/);
  });
});
