// `campaign-agent worker --once`: delivers everything due now and returns. In rounds: queue trigger
// sends and hand due sends to the queue (no look-ahead), then take jobs until none is ready, retrying
// what can be retried at once and recording dead-lettered sends as failed; stop when a round finds
// nothing. Jobs waiting out a retry delay are left for the next run.
import type { JobWithMetadata } from 'pg-boss';
import { DEAD_LETTER_QUEUE, SEND_QUEUE, type SendJobData } from '../queue/delivery-queue.ts';
import { openDeliveryRuntime, type DeliveryRuntime, type DeliveryWorkerOptions } from './delivery-runtime.ts';

export interface DrainReport {
  sent: number;
  suppressed: number;
  cancelled: number;
  failed: number;
  rescheduled: number;
  /** Jobs whose send was already settled (a repeat): nothing sent. */
  skipped: number;
  /** Attempts that failed and went back to the queue to be tried again. */
  retried: number;
  /** Sends the queue gave up on, now recorded as failed. */
  deadLettered: number;
  /** Trigger sends queued by the scanner during the run. */
  triggered: number;
  completedCampaigns: string[];
}

const MAX_ROUNDS = 50;

function emptyReport(): DrainReport {
  return { sent: 0, suppressed: 0, cancelled: 0, failed: 0, rescheduled: 0, skipped: 0, retried: 0, deadLettered: 0, triggered: 0, completedCampaigns: [] };
}

async function drainSendJobs(runtime: DeliveryRuntime, concurrency: number, report: DrainReport): Promise<number> {
  const { boss } = runtime.queue;
  let handled = 0;
  for (;;) {
    const jobs = await boss.fetch<SendJobData>(SEND_QUEUE, { batchSize: concurrency });
    if (jobs.length === 0) return handled;
    handled += jobs.length;
    const completed: string[] = [];
    for (const { job, outcome, error } of await runtime.handleSendJobs(jobs)) {
      if (error) {
        report.retried += 1;
        await boss.fail(SEND_QUEUE, job.id, { message: error.message });
      } else {
        report[outcome.status] += 1;
        completed.push(job.id);
      }
    }
    if (completed.length > 0) await boss.complete(SEND_QUEUE, completed);
  }
}

async function drainDeadLetters(runtime: DeliveryRuntime, report: DrainReport): Promise<number> {
  const { boss } = runtime.queue;
  let handled = 0;
  for (;;) {
    const jobs = (await boss.fetch<SendJobData>(DEAD_LETTER_QUEUE, { batchSize: 50, includeMetadata: true })) as JobWithMetadata<SendJobData>[];
    if (jobs.length === 0) return handled;
    for (const job of jobs) {
      if (await runtime.handleDeadLetter(job)) report.deadLettered += 1;
    }
    await boss.complete(DEAD_LETTER_QUEUE, jobs.map((job) => job.id));
    handled += jobs.length;
  }
}

/** Delivers everything due now (by `options.now`) and stops. */
export async function runDeliveryOnce(options: DeliveryWorkerOptions): Promise<DrainReport> {
  const concurrency = options.concurrency ?? 4;
  // No background upkeep, but one expiry check now (claims older than a second), so jobs a dead
  // worker was holding past their timeout are tried again in this run.
  const runtime = await openDeliveryRuntime(options, { supervise: false, monitorIntervalSeconds: 1 });
  const report = emptyReport();
  try {
    await runtime.queue.recoverAbandonedJobs();
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const tick = await runtime.tick({ horizonSeconds: 0 });
      report.triggered += tick.triggered;
      report.completedCampaigns.push(...tick.completed);
      const handled = (await drainSendJobs(runtime, concurrency, report)) + (await drainDeadLetters(runtime, report));
      if (handled === 0 && tick.enqueued === 0) break;
    }
    return report;
  } finally {
    await runtime.close({ graceful: false });
  }
}
