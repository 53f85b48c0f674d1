// What a delivery worker runs on: the job queue, the channel adapters, the shared throttle, and one
// "tick" that scans trigger campaigns, hands due sends to the queue and moves campaigns along. Both
// the long-running worker and `worker --once` are built from it.
import type { Job, JobWithMetadata } from 'pg-boss';
import type { Database } from '../../data/database.ts';
import type { Policy } from '../../domain/policy.ts';
import { createLogger } from '../../logger.ts';
import { createChannelAdapters, type ChannelAdapters } from '../channels/channel-adapters.ts';
import type { DeliveryConfig } from '../delivery-config.ts';
import { updateCampaignProgress } from '../dispatch/campaign-progress.ts';
import { dispatchDueSends } from '../dispatch/dispatch-due-sends.ts';
import { rebalanceRecurringVariants } from '../dispatch/rebalance-variants.ts';
import { openDeliveryQueue, type DeliveryQueue, type SendJobData } from '../queue/delivery-queue.ts';
import { markSendFailed, type DeliverContext, type SendOutcome } from '../send/deliver-send.ts';
import { deliverSends } from '../send/deliver-sends.ts';
import { scanTriggerCampaigns } from '../triggers/scan-triggers.ts';
import { createChannelThrottle } from '../throttle/channel-throttle.ts';

export interface DeliveryWorkerOptions {
  db: Database;
  /** PostgreSQL URL for the queue's own connections (null on the embedded database). */
  databaseUrl: string | null;
  policy: Policy;
  config: DeliveryConfig;
  /** Adapters to use instead of those the configuration names (tests, embedding apps); the caller closes them. */
  adapters?: ChannelAdapters;
  /** The business clock (due times, quiet hours, caps); fixed in tests and demos. */
  now?: () => Date;
  /** Sends processed at the same time by this process. */
  concurrency?: number;
}

export type SendJobResult = { job: Job<SendJobData>; outcome: SendOutcome; error?: undefined } | { job: Job<SendJobData>; error: Error; outcome?: undefined };

export interface TickReport {
  triggered: number;
  enqueued: number;
  started: string[];
  completed: string[];
}

export interface DeliveryRuntime {
  queue: DeliveryQueue;
  context: DeliverContext;
  /** One round of upkeep; `horizonSeconds` overrides the configured look-ahead. */
  tick(options?: { horizonSeconds?: number }): Promise<TickReport>;
  /** Handles a batch of send jobs: per job, the outcome, or the error for the queue to retry it with. */
  handleSendJobs(jobs: ReadonlyArray<Job<SendJobData>>): Promise<SendJobResult[]>;
  /** Records a dead-lettered send as failed with the error it last gave. */
  handleDeadLetter(job: JobWithMetadata<SendJobData>): Promise<boolean>;
  /** Stops the queue (gracefully: after the jobs in hand finish), brings campaign states up to date, closes the adapters it opened. */
  close(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

const log = createLogger('delivery');

function lastError(job: JobWithMetadata<SendJobData>): string {
  const output = job.sourceOutput as { message?: unknown } | null;
  return typeof output?.message === 'string' ? output.message : 'no error recorded';
}

export async function openDeliveryRuntime(
  options: DeliveryWorkerOptions,
  queueOptions: { supervise?: boolean; registerInstance?: boolean; monitorIntervalSeconds?: number } = {},
): Promise<DeliveryRuntime> {
  const { db, policy, config } = options;
  const now = options.now ?? (() => new Date());
  const queue = await openDeliveryQueue({ db, databaseUrl: options.databaseUrl, config, ...queueOptions });
  const adapters = options.adapters ?? createChannelAdapters(config);
  const throttle = createChannelThrottle(db, { ratePerSecond: config.ratePerSecond });
  const context: DeliverContext = { db, policy, adapters, links: config.links, throttle, now };
  let ticks = 0;

  return {
    queue,
    context,
    async tick({ horizonSeconds = config.dispatch.horizonSeconds } = {}) {
      const at = now();
      const triggered = await scanTriggerCampaigns(db, { now: at, policy, overlapMinutes: config.triggerOverlapMinutes });
      // Before due sends are handed over, so a rebalanced split applies to them.
      if (config.bandit?.enabled && ticks % 60 === 0) {
        for (const change of await rebalanceRecurringVariants(db, { now: at, minCustomersPerVariant: config.bandit.minCustomersPerVariant })) {
          log.info(change, 'variants rebalanced');
        }
      }
      const enqueued = await dispatchDueSends(db, queue, { now: at, horizonSeconds, requeueAfterSeconds: config.dispatch.requeueAfterSeconds });
      const { started, completed } = await updateCampaignProgress(db, { now: at });
      if (ticks % 100 === 0) await throttle.prune();
      ticks += 1;
      if (triggered + enqueued + started.length + completed.length > 0) {
        log.info({ triggered, enqueued, started, completed }, 'delivery tick');
      }
      return { triggered, enqueued, started, completed };
    },
    async handleSendJobs(jobs) {
      const results = await deliverSends(context, jobs.map((job) => job.data.sendId));
      return jobs.map((job, index): SendJobResult => {
        const result = results[index]!;
        if (result.ok) {
          log.debug({ sendId: job.data.sendId, outcome: result.outcome.status }, 'send handled');
          return { job, outcome: result.outcome };
        }
        log.warn({ sendId: job.data.sendId, retry: job.retryCount, error: result.error.message }, 'send failed; the queue will retry it');
        return { job, error: result.error };
      });
    },
    async handleDeadLetter(job) {
      const attempts = (job.sourceRetryCount ?? 0) + 1;
      const reason = `delivery: gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastError(job)}`;
      const marked = await markSendFailed(db, job.data.sendId, reason);
      log.warn({ sendId: job.data.sendId, reason }, 'send dead-lettered');
      return marked;
    },
    async close({ graceful = true, timeoutMs = 30_000 } = {}) {
      try {
        await queue.stop({ graceful, timeoutMs });
        if (graceful) await updateCampaignProgress(db, { now: now() });
      } finally {
        if (!options.adapters) await adapters.close();
      }
    },
  };
}
