// The long-running delivery worker: every few seconds a tick scans trigger campaigns and hands due
// sends to the queue; pg-boss feeds send jobs to `concurrency` handlers and dead-lettered ones to
// the failure recorder. On PostgreSQL any number of these can run side by side; on the embedded
// database one runs inside the process that owns the data directory.
import type { JobWithMetadata } from 'pg-boss';
import { createLogger } from '../../logger.ts';
import { DEAD_LETTER_QUEUE, SEND_QUEUE, type SendJobData } from '../queue/delivery-queue.ts';
import { openDeliveryRuntime, type DeliveryWorkerOptions } from './delivery-runtime.ts';

export interface RunningDeliveryWorker {
  /** Stops taking jobs, lets the ones in hand finish (up to `timeoutMs`), and closes the queue and adapters. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const log = createLogger('delivery-worker');

export async function startDeliveryWorker(options: DeliveryWorkerOptions): Promise<RunningDeliveryWorker> {
  const concurrency = options.concurrency ?? 4;
  const runtime = await openDeliveryRuntime(options, { supervise: true, registerInstance: true });
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
  try {
    await boss.work<SendJobData>(SEND_QUEUE, { batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds: 1 }, async ([job]) =>
      job ? runtime.handleSendJob(job) : null,
    );
    await boss.work<SendJobData>(DEAD_LETTER_QUEUE, { batchSize: 20, includeMetadata: true, pollingIntervalSeconds: 5 }, async (jobs) => {
      for (const job of jobs as JobWithMetadata<SendJobData>[]) await runtime.handleDeadLetter(job);
    });
    runTick();
    timer = setInterval(runTick, options.config.dispatch.intervalSeconds * 1000);
  } catch (error) {
    await runtime.close({ graceful: false });
    throw error;
  }

  return {
    async stop({ timeoutMs = 30_000 } = {}) {
      if (stopping) return;
      stopping = true;
      if (timer) clearInterval(timer);
      await tickInFlight;
      await runtime.close({ graceful: true, timeoutMs });
    },
  };
}
