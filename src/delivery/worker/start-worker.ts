// The long-running delivery worker: every few seconds a tick scans trigger campaigns and hands due
// sends to the queue; pg-boss feeds send jobs in batches to one or two fetch loops (together
// `concurrency` sends in hand), fetching again at once while batches come back full, and
// dead-lettered ones to the failure recorder. Each job of a batch is completed or failed on its
// own. Beside the ticks it keeps the segments' activity summary fresh (activity-summary-refresher.ts). On PostgreSQL any number of these can run side by side; on the embedded database one runs
// inside the process that owns the data directory.
import type { JobResult, JobWithMetadata, WorkOptions } from 'pg-boss';
import { startSummaryRefresher, type RunningSummaryRefresher } from '../../data/activity-summary-refresher.ts';
import { createLogger } from '../../logger.ts';
import { DEAD_LETTER_QUEUE, SEND_QUEUE, type SendJobData } from '../queue/delivery-queue.ts';
import { openDeliveryRuntime, type DeliveryWorkerOptions } from './delivery-runtime.ts';

export interface RunningDeliveryWorker {
  /** Stops taking jobs, lets the ones in hand finish (up to `timeoutMs`), and closes the queue and adapters. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const log = createLogger('delivery-worker');

/**
 * How the send queue is worked: `concurrency` sends in hand, from two fetch loops when it splits
 * evenly (one fetches while the other's batch finishes), else from one.
 */
export function sendWorkOptions(concurrency: number): WorkOptions & { perJobResults: true } {
  const loops = concurrency >= 4 && concurrency % 2 === 0 ? 2 : 1;
  return {
    batchSize: Math.ceil(concurrency / loops),
    localConcurrency: loops,
    // Idle polling; while the queue has work a full batch is followed by the next fetch at once
    // (for batches of one, which pg-boss never counts as full, while its cached backlog says so).
    pollingIntervalSeconds: 0.5,
    burstWhenBatchFull: true,
    burstWhenReadyExceeds: 1,
    perJobResults: true,
  };
}

export async function startDeliveryWorker(options: DeliveryWorkerOptions): Promise<RunningDeliveryWorker> {
  const concurrency = options.concurrency ?? 4;
  // A job whose worker died is retried once it is older than the job timeout: look for such jobs at
  // least twice per timeout (at most once a minute), so the retry is not a minute or two late.
  const monitorIntervalSeconds = Math.min(60, Math.max(1, Math.ceil(options.config.jobTimeoutSeconds / 2)));
  const runtime = await openDeliveryRuntime(options, { supervise: true, registerInstance: true, monitorIntervalSeconds });
  const { boss } = runtime.queue;
  let stopping = false;
  let ticking = false;
  let tickInFlight: Promise<void> = Promise.resolve();

  // One tick at a time: when one runs long, the next interval is skipped rather than stacked on it.
  const runTick = () => {
    if (stopping || ticking) return;
    ticking = true;
    tickInFlight = runtime
      .tick()
      .then(
        () => undefined,
        (error: unknown) => log.error({ error: (error as Error).message }, 'delivery tick failed; trying again next interval'),
      )
      .finally(() => {
        ticking = false;
      });
  };
  let timer: NodeJS.Timeout | null = null;
  let summaryRefresher: RunningSummaryRefresher | null = null;
  try {
    await boss.work<SendJobData>(SEND_QUEUE, sendWorkOptions(concurrency), async function deliverSendBatch(jobs): Promise<JobResult[]> {
      const results = await runtime.handleSendJobs(jobs);
      return results.map(({ job, outcome, error }) =>
        error ? { id: job.id, status: 'failed', output: { message: error.message } } : { id: job.id, status: 'completed', output: outcome },
      );
    });
    await boss.work<SendJobData>(DEAD_LETTER_QUEUE, { batchSize: 20, includeMetadata: true, pollingIntervalSeconds: 5 }, async (jobs) => {
      for (const job of jobs as JobWithMetadata<SendJobData>[]) await runtime.handleDeadLetter(job);
    });
    runTick();
    timer = setInterval(runTick, options.config.dispatch.intervalSeconds * 1000);
    summaryRefresher = startSummaryRefresher(options.db);
  } catch (error) {
    await runtime.close({ graceful: false });
    throw error;
  }

  return {
    async stop({ timeoutMs = 30_000 } = {}) {
      if (stopping) return;
      stopping = true;
      if (timer) clearInterval(timer);
      await Promise.all([tickInFlight, summaryRefresher?.stop()]);
      await runtime.close({ graceful: true, timeoutMs });
    },
  };
}
