// The delivery job queue (pg-boss) on either backend. On PostgreSQL pg-boss gets its own small pool
// from the database URL, so several worker processes can share the queue. On the embedded database
// it runs through the app's single serialised connection (see boss-database.ts); that connection
// belongs to one process (the data directory is locked), so there the worker runs in-process or alone.
import { randomUUID } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import type { ConstructorOptions, JobInsert } from 'pg-boss';
import type { Database } from '../../data/database.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import { createLogger } from '../../logger.ts';
import type { DeliveryConfig } from '../delivery-config.ts';
import { bossDatabaseFor } from './boss-database.ts';
import { sendJobKey } from './job-keys.ts';

export const SEND_QUEUE = 'campaign-send';
export const DEAD_LETTER_QUEUE = 'campaign-send-dead';

/** What a send job carries: the send row, and its (campaign, customer, step) key for people reading the queue. */
export interface SendJobData {
  sendId: number;
  campaignId: string;
  customerId: string;
  step: number;
}

export interface DeliveryQueueOptions {
  db: Database;
  /** PostgreSQL URL for the queue's own connections; required when `db` is PostgreSQL. */
  databaseUrl: string | null;
  config: Pick<DeliveryConfig, 'retries' | 'jobTimeoutSeconds'>;
  /** Background upkeep: expiring jobs whose worker died, retention. On for long-running workers. */
  supervise?: boolean;
  /** Record this process in pg-boss's instance registry. */
  registerInstance?: boolean;
  maxConnections?: number;
  /** How often, at most, a queue's jobs are checked for expiry (pg-boss's monitor pass). */
  monitorIntervalSeconds?: number;
}

export interface DeliveryQueue {
  boss: PgBoss;
  /** Adds one job per send; a send that already has a waiting or running job is not added again. Returns the send ids added. */
  enqueueSends(sends: ReadonlyArray<SendJobData & { delaySeconds: number }>): Promise<number[]>;
  /** Returns jobs whose worker died (running longer than the job timeout) to the queue to be tried again. */
  recoverAbandonedJobs(): Promise<void>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

const log = createLogger('delivery-queue');

function bossOptions(options: DeliveryQueueOptions): ConstructorOptions {
  const { db, databaseUrl, supervise = false, registerInstance = false, maxConnections = 4, monitorIntervalSeconds = 60 } = options;
  // Upkeep passes (expiring jobs of dead workers among them) as often as the monitor checks.
  const common: ConstructorOptions = { supervise, schedule: false, registerInstance, migrate: true, monitorIntervalSeconds, superviseIntervalSeconds: monitorIntervalSeconds };
  if (db.kind === 'embedded') return { ...common, db: bossDatabaseFor(db), backend: 'pglite' };
  if (!databaseUrl) {
    throw new CodedError(ErrorCode.InvalidInput, 'the delivery queue on PostgreSQL needs DATABASE_URL to open its own connections');
  }
  return { ...common, connectionString: databaseUrl, max: maxConnections, application_name: 'campaign-agent-delivery' };
}

/** Starts pg-boss (installing its schema on first use) and makes sure both delivery queues exist. */
export async function openDeliveryQueue(options: DeliveryQueueOptions): Promise<DeliveryQueue> {
  const boss = new PgBoss(bossOptions(options));
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  const { retries, jobTimeoutSeconds } = options.config;
  try {
    await boss.createQueue(DEAD_LETTER_QUEUE, { policy: 'standard' });
    // `exclusive`: at most one waiting or running job per singleton key, i.e. per send.
    await boss.createQueue(SEND_QUEUE, { policy: 'exclusive', deadLetter: DEAD_LETTER_QUEUE });
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw error;
  }

  const jobOptions: Omit<JobInsert, 'data'> = {
    retryLimit: retries.limit,
    retryDelay: retries.delaySeconds,
    retryBackoff: retries.delaySeconds > 0,
    retryDelayMax: retries.delayMaxSeconds,
    expireInSeconds: jobTimeoutSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  };

  return {
    boss,
    async enqueueSends(sends) {
      if (sends.length === 0) return [];
      const sendIdByJobId = new Map<string, number>();
      const jobs: JobInsert<SendJobData>[] = sends.map(({ delaySeconds, ...data }) => {
        const id = randomUUID();
        sendIdByJobId.set(id, data.sendId);
        return { ...jobOptions, id, data, singletonKey: sendJobKey(data), startAfter: Math.max(0, Math.round(delaySeconds)) };
      });
      const inserted = (await boss.insert(SEND_QUEUE, jobs, { returnId: true })) ?? [];
      return inserted.map((id) => sendIdByJobId.get(id)).filter((id): id is number => id !== undefined);
    },
    async recoverAbandonedJobs() {
      await boss.supervise(SEND_QUEUE);
    },
    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      await boss.stop({ graceful, timeout: timeoutMs, close: true });
    },
  };
}
