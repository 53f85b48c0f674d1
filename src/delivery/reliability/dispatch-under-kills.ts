// Dispatch under kills: a campaign of `sends` messages goes out through a real `campaign-agent
// worker` process to a real SMTP server and a real webhook (both in this process, recording every
// message by its idempotency key), and the worker is killed with SIGKILL `kills` times at evenly
// spread points of the campaign and restarted each time. When every send is settled, the sinks say
// what arrived: `lost` sends never reached a sink, `duplicated` deliveries came beyond a send's first.
//
// What a kill can and cannot do. A send is claimed, checked, handed to its provider and recorded in
// one transaction; a kill before the provider accepted the message rolls the claim back and the
// retry sends it once. A kill after the provider accepted it but before the commit (one round trip)
// also rolls it back, and the retry sends it again, with the same idempotency key (webhook
// `Idempotency-Key`, e-mail `Message-ID`). That window cannot be closed from this side: the provider
// and the database do not commit together. So right after each kill the run records which sends the
// sinks already hold but the database still has queued ("in doubt"); each duplicate should be one of
// those. `duplicatesOutsideKills` counts the others, which would mean a send claimed twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../data/database.ts';
import { openDatabase } from '../../data/open-database.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import { createPostgresDatabase } from '../../testing/test-database.ts';
import { startSmtpCapture, type SmtpCapture } from '../testing/smtp-capture.ts';
import { startWebhookCapture, type WebhookCapture } from '../testing/webhook-capture.ts';
import { insertBenchCampaigns } from './bench-campaign.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
/** The job timeout the workers run with: a job held by a killed worker is tried again after it. */
const JOB_TIMEOUT_SECONDS = 5;

export interface DispatchUnderKillsOptions {
  sends: number;
  kills: number;
  /** The worker's --concurrency. */
  concurrency?: number;
  /** A PostgreSQL server: the run creates a database of its own on it and drops it afterwards. Null: a fresh embedded directory. */
  serverUrl: string | null;
  onProgress?: (line: string) => void;
  /** The whole run fails after this long. */
  timeoutMs?: number;
}

export interface DispatchUnderKillsReport {
  backend: 'embedded' | 'postgres';
  sends: number;
  kills: number;
  concurrency: number;
  /** Send rows by final status (all `sent` when nothing went wrong). */
  statuses: Record<string, number>;
  /** Deliveries the sinks received, repeats included. */
  received: number;
  /** Sends no sink ever received. */
  lost: number;
  /** Deliveries beyond the first for one send. */
  duplicated: number;
  /** Sends received more than once. */
  duplicatedSends: number;
  /** Per kill: sends a sink held while the database still had them queued, right after the worker died (not counting those already in doubt at an earlier kill and not delivered since). */
  inDoubtAtKills: number[];
  /** Duplicates of sends that were not in doubt at any kill (a send claimed twice). */
  duplicatesOutsideKills: number;
  /** Deliveries whose key belongs to no send of the campaign. */
  unexpected: number;
  seconds: number;
}

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<void>;
  stopping: boolean;
  stderr: () => string;
}

interface Store {
  kind: 'embedded' | 'postgres';
  env: NodeJS.ProcessEnv;
  /** Runs `work` on the database; on the embedded one only while no worker runs (it belongs to one process). */
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function openStore(serverUrl: string | null): Promise<Store> {
  if (serverUrl) {
    const created = await createPostgresDatabase(serverUrl, 'ca_dispatch');
    const db = await openDatabase({ databaseUrl: created.url, dataDir: '', memory: false }).catch(async (error: unknown) => {
      await created.drop();
      throw error;
    });
    return {
      kind: 'postgres',
      env: { DATABASE_URL: created.url },
      use: (work) => work(db),
      async dispose() {
        await db.close();
        await created.drop();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-dispatch-'));
  return {
    kind: 'embedded',
    env: { CAMPAIGN_AGENT_DATA_DIR: dataDir },
    async use(work) {
      const db = await openDatabase({ databaseUrl: null, dataDir, memory: false });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every delivery the two sinks received, counted per idempotency key as they arrive. */
class SinkTally {
  readonly counts = new Map<string, number>();
  received = 0;
  private seenMails = 0;
  private seenRequests = 0;

  private readonly smtp: SmtpCapture;
  private readonly webhook: WebhookCapture;

  constructor(smtp: SmtpCapture, webhook: WebhookCapture) {
    this.smtp = smtp;
    this.webhook = webhook;
  }

  update(): this {
    const add = (key: string | null | undefined) => {
      const name = key ?? '(no key)';
      this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
      this.received += 1;
    };
    for (; this.seenMails < this.smtp.mails.length; this.seenMails += 1) add(this.smtp.mails[this.seenMails]!.headers['x-campaign-agent-send']);
    for (; this.seenRequests < this.webhook.keys.length; this.seenRequests += 1) add(this.webhook.keys[this.seenRequests]);
    return this;
  }
}

function startWorker(env: NodeJS.ProcessEnv, concurrency: number): WorkerProcess {
  const child = spawn(process.execPath, [CLI, 'worker', '--concurrency', String(concurrency)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { child, exited, stopping: false, stderr: () => stderr };
}

async function until(condition: () => Promise<boolean> | boolean, { deadline, worker, what }: { deadline: number; worker: WorkerProcess | null; what: string }): Promise<void> {
  while (!(await condition())) {
    if (worker && worker.child.exitCode !== null && !worker.stopping) {
      throw new CodedError(ErrorCode.Internal, `the worker exited on its own (code ${worker.child.exitCode}) while waiting for ${what}:\n${worker.stderr()}`);
    }
    if (Date.now() > deadline) throw new CodedError(ErrorCode.Internal, `dispatch bench timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Waits until the killed worker's database sessions are gone (their transactions rolled back). */
async function waitForDeadSessions(db: Database, deadline: number): Promise<void> {
  if (db.kind !== 'postgres') return;
  await until(
    async () => {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
      );
      return rows[0]!.n === 0;
    },
    { deadline, worker: null, what: 'the killed worker\'s database sessions to end' },
  );
}

async function queuedKeys(db: Database, campaignIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ key: string }>(
    "SELECT campaign_id || ':' || customer_id || ':' || step AS key FROM sends WHERE campaign_id = ANY($1::text[]) AND status = 'queued'",
    [campaignIds],
  );
  return new Set(rows.map((row) => row.key));
}

async function statusCounts(db: Database, campaignIds: readonly string[]): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM sends WHERE campaign_id = ANY($1::text[]) GROUP BY status ORDER BY status',
    [campaignIds],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

function validate({ sends, kills, concurrency }: { sends: number; kills: number; concurrency: number }): void {
  if (!Number.isInteger(sends) || sends < 10) throw new CodedError(ErrorCode.InvalidInput, `--sends must be a whole number of at least 10 (got ${sends})`);
  if (!Number.isInteger(kills) || kills < 0 || kills >= sends) {
    throw new CodedError(ErrorCode.InvalidInput, `--kill must be a whole number from 0 to fewer than the sends (got ${kills})`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new CodedError(ErrorCode.InvalidInput, `--concurrency must be a whole number from 1 to 64 (got ${concurrency})`);
  }
}

export async function runDispatchUnderKills(options: DispatchUnderKillsOptions): Promise<DispatchUnderKillsReport> {
  const { sends, kills, concurrency = 16, serverUrl } = options;
  validate({ sends, kills, concurrency });
  const started = Date.now();
  const onProgress = (line: string) => options.onProgress?.(`${((Date.now() - started) / 1000).toFixed(1)} s: ${line}`);
  const deadline = started + (options.timeoutMs ?? 120_000 + sends * 50);
  const store = await openStore(serverUrl);
  const smtp = await startSmtpCapture();
  const webhook = await startWebhookCapture();
  const tally = new SinkTally(smtp, webhook);
  let worker: WorkerProcess | null = null;
  try {
    const { campaignIds, sendKeys } = await store.use((db) => insertBenchCampaigns(db, { prefix: `dispatch-${started.toString(36)}`, sends }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...store.env,
      CAMPAIGN_AGENT_MEMORY: 'off',
      LOG_LEVEL: 'error',
      SMTP_URL: smtp.url,
      CAMPAIGN_AGENT_EMAIL: 'smtp',
      CAMPAIGN_AGENT_EMAIL_FROM: 'Lumen <news@lumen.test>',
      CAMPAIGN_AGENT_SMS: 'webhook',
      CAMPAIGN_AGENT_SMS_WEBHOOK_URL: webhook.url,
      CAMPAIGN_AGENT_WEBHOOK_SECRET: 'dispatch-bench-webhook-secret',
      CAMPAIGN_AGENT_EMAIL_RATE: '100000',
      CAMPAIGN_AGENT_SMS_RATE: '100000',
      CAMPAIGN_AGENT_SEND_TIMEOUT_SECONDS: String(JOB_TIMEOUT_SECONDS),
      CAMPAIGN_AGENT_SEND_RETRY_DELAY_SECONDS: '0',
      CAMPAIGN_AGENT_DISPATCH_INTERVAL_SECONDS: '1',
    };
    if (store.kind === 'postgres') delete env.CAMPAIGN_AGENT_DATA_DIR;
    else delete env.DATABASE_URL;

    // Per send: how many times it was in doubt at a kill, and how many deliveries the sinks held the
    // last time (a send still in doubt at the next kill, its job not yet retried, counts once).
    const inDoubtTimes = new Map<string, number>();
    const deliveriesWhenInDoubt = new Map<string, number>();
    const inDoubtAtKills: number[] = [];
    onProgress(`${sends} sends queued; starting the worker`);
    worker = startWorker(env, concurrency);
    for (let kill = 1; kill <= kills; kill += 1) {
      const threshold = Math.floor((kill * sends) / (kills + 1));
      await until(() => tally.update().counts.size >= threshold, { deadline, worker, what: `${threshold} sends to arrive` });
      worker.stopping = true;
      worker.child.kill('SIGKILL');
      await worker.exited;
      await sleep(300); // what the dead worker had already written reaches the sinks
      const inDoubt = await store.use(async (db) => {
        await waitForDeadSessions(db, deadline);
        const queued = await queuedKeys(db, campaignIds);
        return [...tally.update().counts.keys()].filter((key) => queued.has(key));
      });
      const newlyInDoubt = inDoubt.filter((key) => tally.counts.get(key)! > (deliveriesWhenInDoubt.get(key) ?? 0));
      for (const key of newlyInDoubt) {
        inDoubtTimes.set(key, (inDoubtTimes.get(key) ?? 0) + 1);
        deliveriesWhenInDoubt.set(key, tally.counts.get(key)!);
      }
      inDoubtAtKills.push(newlyInDoubt.length);
      onProgress(`kill ${kill}/${kills} at ${tally.counts.size}/${sends} sends received: ${newlyInDoubt.length} newly in doubt; restarting the worker`);
      worker = startWorker(env, concurrency);
    }

    // Settle: run until no send is queued. On the embedded database that can only be read with the
    // worker stopped, so there the worker is stopped once every send has arrived, and started again
    // (after the job timeout) while some are still queued.
    for (let round = 0; ; round += 1) {
      if (store.kind === 'postgres') {
        await until(async () => (await store.use((db) => queuedKeys(db, campaignIds))).size === 0, { deadline, worker, what: 'every send to be settled' });
      } else {
        await until(() => tally.update().counts.size >= sends, { deadline, worker, what: 'every send to arrive' });
        if (round > 0) await sleep((JOB_TIMEOUT_SECONDS + 4) * 1000);
      }
      onProgress('stopping the worker to count what is still queued');
      worker.stopping = true;
      worker.child.kill('SIGTERM');
      await worker.exited;
      const queued = await store.use((db) => queuedKeys(db, campaignIds));
      if (queued.size === 0) break;
      if (round >= 5) throw new CodedError(ErrorCode.Internal, `${queued.size} sends still queued after ${round + 1} rounds`);
      onProgress(`${queued.size} sends still queued (held by a killed worker until the job timeout): running the worker again`);
      worker = startWorker(env, concurrency);
    }
    worker = null;
    await sleep(300);
    tally.update();

    const expected = new Set(sendKeys);
    let duplicated = 0;
    let duplicatedSends = 0;
    let duplicatesOutsideKills = 0;
    let unexpected = 0;
    for (const [key, count] of tally.counts) {
      if (!expected.has(key)) {
        unexpected += count;
        continue;
      }
      if (count > 1) {
        duplicated += count - 1;
        duplicatedSends += 1;
        duplicatesOutsideKills += Math.max(0, count - 1 - (inDoubtTimes.get(key) ?? 0));
      }
    }
    return {
      backend: store.kind,
      sends,
      kills,
      concurrency,
      statuses: await store.use((db) => statusCounts(db, campaignIds)),
      received: tally.received,
      lost: sendKeys.filter((key) => !tally.counts.has(key)).length,
      duplicated,
      duplicatedSends,
      inDoubtAtKills,
      duplicatesOutsideKills,
      unexpected,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await smtp.close();
    await webhook.close();
    await store.dispose();
  }
}
