// Delivery benchmark: sends per second through the pg-boss queue to an SMTP sink (smtp-server, in
// this process) and a webhook sink (a local HTTP server answering 200) with 1, 2 and 4
// `campaign-agent worker` processes, on PostgreSQL. Goal: >= 2,000 sends/s.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bin/with-node.mjs bench/delivery.ts [--sends N] [--workers 1,2,4] [--concurrency C] [--json]
//
// Each round gets its own customers (consenting, in a zone where it is about noon, so no quiet hours)
// and two one-off campaigns due a minute ago, half the sends by e-mail and half by SMS webhook; the
// workers start, and the round ends when no send is left queued. Sends/s = sends settled between the
// first and the last settled one / that time (steady state: worker start-up is left out; the first
// dispatch tick runs at start-up). Channel rate limits are raised to 100,000/s so they do not bind.
// The data lives in a dedicated database `campaign_agent_bench_delivery`, recreated on every run;
// campaign memory is off (this server has no pgvector). Default: 10,000 sends per round (enough for
// several seconds of steady sending), worker --concurrency 16 (the CLI default is 4). Each row also
// gives the 1-minute load average when the round ended.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from '../src/data/database.ts';
import { openDatabase } from '../src/data/open-database.ts';
import { insertBenchCampaigns } from '../src/delivery/reliability/bench-campaign.ts';
import { startSmtpCapture } from '../src/delivery/testing/smtp-capture.ts';
import { startWebhookCapture } from '../src/delivery/testing/webhook-capture.ts';
import { describeMachine, finishMachine, formatTable, machineLine, progress, readFlags } from './bench-kit.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'bin', 'campaign-agent.mjs');
const BENCH_DB = 'campaign_agent_bench_delivery';
const ROUND_TIMEOUT_MS = 15 * 60_000;

async function recreateDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

function startWorker(env: NodeJS.ProcessEnv, concurrency: number): { child: ChildProcess; exited: Promise<void>; stderr: () => string } {
  const child = spawn(process.execPath, [cli, 'worker', '--concurrency', String(concurrency)], { env, cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { child, exited, stderr: () => stderr };
}

interface RoundResult {
  workers: number;
  sends: number;
  settled: Record<string, number>;
  seconds: number;
  sendsPerSecond: number;
  /** From starting the worker processes to the last settled send. */
  wallSeconds: number;
  /** 1-minute load average when the round ended. */
  loadAtEnd: number;
}

async function runRound(db: Database, env: NodeJS.ProcessEnv, round: number, workers: number, sends: number, concurrency: number): Promise<RoundResult> {
  progress(`round ${round}: preparing ${sends} sends`, true);
  const { campaignIds } = await insertBenchCampaigns(db, { prefix: `bench-r${round}`, sends });
  const started = performance.now();
  const processes = Array.from({ length: workers }, () => startWorker(env, concurrency));
  let firstAt: number | null = null;
  let firstCount = 0;
  let lastAt = started;
  let settledCount = 0;
  try {
    for (;;) {
      const { rows } = await db.query<{ open: number; settled: number }>(
        "SELECT count(*) FILTER (WHERE status = 'queued')::int AS open, count(*) FILTER (WHERE status <> 'queued')::int AS settled FROM sends WHERE campaign_id = ANY($1)",
        [campaignIds],
      );
      const { open, settled } = rows[0]!;
      const now = performance.now();
      if (settled > settledCount) lastAt = now;
      if (firstAt === null && settled > 0) ((firstAt = now), (firstCount = settled));
      settledCount = settled;
      progress(`round ${round} (${workers} workers): ${settled}/${sends} settled`);
      if (open === 0) break;
      if (now - started > ROUND_TIMEOUT_MS) throw new Error(`round ${round}: ${open} sends still queued after ${ROUND_TIMEOUT_MS / 1000} s`);
      if (processes.every((worker) => worker.child.exitCode !== null)) throw new Error(`workers exited:\n${processes[0]!.stderr()}`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  } finally {
    for (const worker of processes) if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
    await Promise.all(processes.map((worker) => worker.exited));
  }
  const { rows } = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM sends WHERE campaign_id = ANY($1) GROUP BY status', [campaignIds]);
  const seconds = ((lastAt - (firstAt ?? started)) / 1000) || Number.NaN;
  return {
    workers,
    sends,
    settled: Object.fromEntries(rows.map((row) => [row.status, row.n])),
    seconds,
    sendsPerSecond: (settledCount - firstCount) / seconds,
    wallSeconds: (lastAt - started) / 1000,
    loadAtEnd: loadavg()[0]!,
  };
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2));
  const sends = flags.integer('--sends', 10_000, 10);
  const concurrency = flags.integer('--concurrency', 16);
  const workerCounts = (flags.text('--workers') ?? '1,2,4').split(',').map(Number);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const machine = describeMachine();
  const databaseUrl = await recreateDatabase(serverUrl);
  const db = await openDatabase({ databaseUrl, dataDir: '', memory: false });
  const smtp = await startSmtpCapture();
  const webhook = await startWebhookCapture();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CAMPAIGN_AGENT_MEMORY: 'off',
    LOG_LEVEL: 'warn',
    SMTP_URL: smtp.url,
    CAMPAIGN_AGENT_EMAIL_FROM: 'news@lumen.test',
    CAMPAIGN_AGENT_SMS_WEBHOOK_URL: webhook.url,
    CAMPAIGN_AGENT_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
    CAMPAIGN_AGENT_EMAIL_RATE: '100000',
    CAMPAIGN_AGENT_SMS_RATE: '100000',
    CAMPAIGN_AGENT_DISPATCH_INTERVAL_SECONDS: '1',
    CAMPAIGN_AGENT_DISPATCH_HORIZON_SECONDS: '60',
  };
  const results: RoundResult[] = [];
  try {
    for (const [index, workers] of workerCounts.entries()) results.push(await runRound(db, env, index + 1, workers, sends, concurrency));
  } finally {
    await db.close();
    await smtp.close();
    await webhook.close();
  }
  process.stderr.write('\n');
  const finished = finishMachine(machine);
  if (flags.has('--json')) {
    process.stdout.write(`${JSON.stringify({ machine: finished, sendsPerRound: sends, concurrency, mailsReceived: smtp.mails.length, webhooksReceived: webhook.keys.length, results }, null, 2)}\n`);
    return;
  }
  const table = formatTable(
    ['worker processes', 'sends', 'settled', 'steady s', 'sends/s', 'start to last send s', 'load at end'],
    results.map((row) => [String(row.workers), String(row.sends), Object.entries(row.settled).map(([status, n]) => `${status} ${n}`).join(', '), row.seconds.toFixed(1), row.sendsPerSecond.toFixed(0), row.wallSeconds.toFixed(1), row.loadAtEnd.toFixed(1)]),
  );
  const lines = [
    machineLine(finished),
    `PostgreSQL (${BENCH_DB}), pg-boss queue; half e-mail to an in-process SMTP server, half SMS to a local webhook; worker --concurrency ${concurrency}; goal >= 2000 sends/s`,
    '',
    table,
    '',
    `SMTP sink received ${smtp.mails.length} messages, webhook sink ${webhook.keys.length} requests.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
