// Segment engine benchmark: the demo data at scale, a dozen segment shapes, count and preview
// latency (p50 / p95 over repeated runs), printed as a table with the machine it ran on.
//
//   node bench/segments.ts [--customers N] [--embedded] [--runs R] [--fresh] [--json] [--only TEXT] [--explain] [--jit on|off]
//                          [--summary on|off] [--after-hours H]
//
// PostgreSQL (default): DATABASE_URL names the server; the data goes into a dedicated database
// `campaign_agent_bench_<N>` that is kept between runs (loading 1,000,000 customers, ~31M events,
// takes minutes) unless --fresh. Default N: 1,000,000.
// Embedded (--embedded): a fresh PGlite directory under the system temp dir. Default N: 10,000.
// Count = `SELECT count(*)` over the compiled segment; preview = previewSegment on all four channels
// (count, reachable per channel, 5 masked rows, city and age breakdown), as the CLI runs it.
// --only TEXT measures the shapes whose name contains TEXT; --explain prints each count query's plan;
// --jit off switches PostgreSQL's JIT compiler off for the bench database (its compile time alone is
// ~250 ms on these plans, more than most of the queries take); without it the server default applies.
// After loading, the tables are vacuumed and analysed so index-only scans work as in steady state.
// --summary on (default) rebuilds the activity summary as of the data's as-of (its time is printed:
// the maintenance cost) so conditions over standard rolling windows read it; off marks it stale, so
// every condition reads the events. --after-hours H evaluates the segments H hours after the refresh
// instant, so the summarised conditions also pay for their correction (events since the refresh).
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/data/database.ts';
import { refreshActivitySummary } from '../src/data/activity-summary.ts';
import { openDatabase } from '../src/data/open-database.ts';
import { seedDemoData } from '../src/data/seed/seed-demo-data.ts';
import type { Condition, SegmentDefinition } from '../src/domain/segment.ts';
import { compileSegment } from '../tools/segments/compile-segment.ts';
import { previewSegment } from '../tools/segments/preview-segment.ts';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const rolling = (days: number) => ({ type: 'rolling' as const, days });

/** The shapes measured, from a profile filter to predicted attributes and nested boolean logic. */
export const BENCH_SHAPES: ReadonlyArray<{ name: string; root: Condition }> = [
  { name: 'profile only', root: { kind: 'and', conditions: [{ kind: 'age', min: 25, max: 34 }, { kind: 'gender', values: ['female'] }, { kind: 'profile', field: 'city', values: ['Shanghai', 'Beijing'] }] } },
  { name: 'custom attribute', root: { kind: 'attribute', key: 'acquisition_channel', op: 'eq', value: 'referral' } },
  { name: 'rolling window count', root: { kind: 'event_count', event: 'view', window: rolling(30), min: 3 } },
  { name: 'calendar month spend', root: { kind: 'order_stat', metric: 'total', window: { type: 'calendar', from: '2026-04-01', to: '2026-04-30' }, min: 500 } },
  { name: 'sequence (cart, no purchase 2 h)', root: { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: rolling(7) } },
  { name: 'first order in 30 days', root: { kind: 'event_time', event: 'order', which: 'first', window: rolling(30) } },
  { name: 'RFM quantile (R 4-5, M 4-5)', root: { kind: 'rfm', recency: [4, 5], monetary: [4, 5], window: rolling(180) } },
  { name: 'top 20% by spend', root: { kind: 'spend_rank', topShare: 0.2, window: rolling(180) } },
  { name: 'churn risk high', root: { kind: 'churn_risk', level: 'high' } },
  { name: 'predicted CLV top 10%', root: { kind: 'predicted_clv', topShare: 0.1 } },
  { name: 'price sensitivity >= 50%', root: { kind: 'price_sensitivity', min: 0.5, window: rolling(180) } },
  { name: 'category affinity (baby, lift >= 1.2)', root: { kind: 'category_affinity', category: 'baby', minLift: 1.2, window: rolling(180) } },
  {
    name: 'nested boolean',
    root: {
      kind: 'and',
      conditions: [
        { kind: 'or', conditions: [{ kind: 'consent', channel: 'sms' }, { kind: 'consent', channel: 'wecom' }] },
        { kind: 'age', min: 18, max: 40 },
        { kind: 'order_stat', metric: 'count', window: rolling(180), min: 1 },
        { kind: 'not', condition: { kind: 'order_stat', metric: 'count', window: rolling(30), min: 1 } },
      ],
    },
  },
];

interface Options {
  customers: number;
  embedded: boolean;
  runs: number;
  fresh: boolean;
  json: boolean;
  only: string | null;
  explain: boolean;
  jit: 'on' | 'off' | null;
  summary: boolean;
  afterHours: number;
}

function readOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const embedded = argv.includes('--embedded');
  const customers = Number(value('--customers') ?? (embedded ? 10_000 : 1_000_000));
  const runs = Number(value('--runs') ?? 10);
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`--customers must be a whole number (got ${value('--customers')})`);
  if (!Number.isInteger(runs) || runs < 2) throw new Error(`--runs must be a whole number of at least 2 (got ${value('--runs')})`);
  const summary = value('--summary') ?? 'on';
  if (summary !== 'on' && summary !== 'off') throw new Error(`--summary must be on or off (got ${summary})`);
  const afterHours = Number(value('--after-hours') ?? 0);
  if (!Number.isFinite(afterHours) || afterHours < 0 || afterHours > 72) throw new Error(`--after-hours must be a number of hours from 0 to 72 (got ${value('--after-hours')})`);
  return {
    customers, embedded, runs, fresh: argv.includes('--fresh'), json: argv.includes('--json'), only: value('--only') ?? null,
    explain: argv.includes('--explain'), jit: jitOption(value('--jit')), summary: summary === 'on', afterHours,
  };
}

function jitOption(value: string | undefined): 'on' | 'off' | null {
  if (value === undefined) return null;
  if (value !== 'on' && value !== 'off') throw new Error(`--jit must be on or off (got ${value})`);
  return value;
}

/** Nearest-rank percentile of sorted milliseconds. */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work(); // warm-up: plans cached, pages in memory
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const progress = (done: number, total: number, stage: string) => process.stderr.write(`\rseeding ${stage} ${done}/${total}      `);

async function openPostgresBench(options: Options): Promise<{ db: Database; close(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to a PostgreSQL server (or pass --embedded)');
  const name = `campaign_agent_bench_${options.customers}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.query(options.jit === null ? `ALTER DATABASE ${name} RESET jit` : `ALTER DATABASE ${name} SET jit = ${options.jit}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', memory: false });
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  if ((rows[0]?.n ?? 0) === 0) {
    const report = await seedDemoData(db, { customers: options.customers, asOf: AS_OF, onProgress: progress });
    process.stderr.write(`\nseeded ${report.customers} customers, ${report.events} events in ${report.seconds} s\n`);
  }
  await db.query('VACUUM ANALYZE');
  return { db, close: () => db.close() };
}

async function openEmbeddedBench(options: Options): Promise<{ db: Database; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-agent-bench-'));
  const db = await openDatabase({ databaseUrl: null, dataDir: dir, memory: false });
  const report = await seedDemoData(db, { customers: options.customers, asOf: AS_OF, onProgress: progress });
  process.stderr.write(`\nseeded ${report.customers} customers, ${report.events} events in ${report.seconds} s\n`);
  await db.query('VACUUM ANALYZE');
  return {
    db,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rebuilds the activity summary as of the data's as-of (timed), or marks it stale with --summary off. */
async function prepareSummary(db: Database, options: Options): Promise<{ used: boolean; refreshSeconds: number; size: string }> {
  if (!options.summary) {
    await db.query('UPDATE activity_summary_state SET current = false');
    return { used: false, refreshSeconds: 0, size: '' };
  }
  process.stderr.write('refreshing the activity summary...\n');
  const state = await refreshActivitySummary(db, AS_OF);
  await db.query('VACUUM ANALYZE event_window_counts, order_window_totals');
  const { rows } = await db.query<{ size: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('event_window_counts') + pg_total_relation_size('order_window_totals')) AS size`,
  );
  return { used: true, refreshSeconds: state.seconds, size: rows[0]?.size ?? '' };
}

async function describeData(db: Database): Promise<Record<string, unknown>> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM orders)::int AS orders,
            (SELECT count(*) FROM events)::bigint AS events, pg_size_pretty(pg_database_size(current_database())) AS size,
            current_setting('server_version') AS server_version, current_setting('jit', true) AS jit`,
  );
  return rows[0] ?? {};
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const bench = options.embedded ? await openEmbeddedBench(options) : await openPostgresBench(options);
  try {
    const data = await describeData(bench.db);
    const summary = await prepareSummary(bench.db, options);
    const asOf = new Date(AS_OF.getTime() + options.afterHours * 3_600_000);
    const results = [];
    for (const shape of BENCH_SHAPES.filter((candidate) => options.only === null || candidate.name.includes(options.only))) {
      const definition: SegmentDefinition = { version: 1, root: shape.root };
      const compiled = compileSegment(definition, { asOf });
      const countSql = `SELECT count(*)::int AS n FROM (${compiled.sql}) segment`;
      if (options.explain) {
        const plan = await bench.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${countSql}`, compiled.params);
        process.stderr.write(`\n== ${shape.name}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
      }
      let members = 0;
      const count = await time(options.runs, async () => {
        members = (await bench.db.query<{ n: number }>(countSql, compiled.params)).rows[0]?.n ?? 0;
      });
      const preview = await time(Math.max(2, Math.ceil(options.runs / 2)), () =>
        previewSegment(bench.db, definition, { asOf, channels: ['sms', 'email', 'push', 'wecom'] }),
      );
      results.push({ shape: shape.name, members, count, preview });
      process.stderr.write(`${shape.name}: ${members} members, count p50 ${ms(count.p50)} ms, preview p50 ${ms(preview.p50)} ms\n`);
    }
    const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${osType()} ${release()}`, node: process.version };
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ database: options.embedded ? 'embedded (PGlite)' : 'PostgreSQL', asOf: asOf.toISOString(), summary, data, machine, runs: options.runs, results }, null, 2)}\n`);
      return;
    }
    const lines = [
      `${options.embedded ? 'Embedded (PGlite)' : `PostgreSQL ${data.server_version} (jit ${data.jit})`}: ${data.customers} customers, ${data.orders} orders, ${data.events} events, ${data.size}; as of ${asOf.toISOString()}`,
      summary.used
        ? `Activity summary refreshed as of ${AS_OF.toISOString()} in ${summary.refreshSeconds.toFixed(1)} s (${summary.size}); segments evaluated ${options.afterHours} h after it`
        : 'Activity summary off: every condition reads the events',
      `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; ${options.runs} runs per count, ${Math.max(2, Math.ceil(options.runs / 2))} per preview (after one warm-up)`,
      '',
      `| ${pad('shape', 38)} | ${pad('members', 8)} | count p50 ms | count p95 ms | preview p50 ms | preview p95 ms |`,
      `|${'-'.repeat(40)}|${'-'.repeat(10)}|--------------|--------------|----------------|----------------|`,
      ...results.map(
        (row) =>
          `| ${pad(row.shape, 38)} | ${pad(String(row.members), 8)} | ${pad(ms(row.count.p50), 12)} | ${pad(ms(row.count.p95), 12)} | ${pad(ms(row.preview.p50), 14)} | ${pad(ms(row.preview.p95), 14)} |`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await bench.close();
  }
}

await main();
