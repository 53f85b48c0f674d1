// Delivery inside the server process: on the embedded database no other process may open the data
// directory, so `serve` delivers approved campaigns itself (unless --no-worker); on PostgreSQL it
// does so only with --worker (separate `campaign-agent worker` processes are the usual way there).
// The worker starts after the server listens, so readiness does not wait for the queue; /health
// reports its state.
import type { App } from '../../app/open-app.ts';
import { describeDeliveryConfig, loadDeliveryConfig } from '../../delivery/delivery-config.ts';
import { startDeliveryWorker, type RunningDeliveryWorker } from '../../delivery/worker/start-worker.ts';
import { createLogger } from '../../logger.ts';
import type { QueueState } from '../web/info-routes.ts';

const log = createLogger('serve');

export interface InProcessDelivery {
  /** For /health. */
  state(): QueueState;
  /** Lines saying where messages go, for the start-up banner. */
  describe(): string[];
  /** Finishes the messages in hand and closes the queue. */
  stop(): Promise<void>;
}

export function startInProcessDelivery(app: App, { concurrency = 4 }: { concurrency?: number } = {}): InProcessDelivery {
  const config = loadDeliveryConfig(process.env, { dataDir: app.config.dataDir });
  let state: QueueState = { state: 'starting', detail: 'the delivery worker in this process is starting' };
  const started: Promise<RunningDeliveryWorker | null> = startDeliveryWorker({ db: app.db, databaseUrl: app.config.databaseUrl, policy: app.policy, config, concurrency }).then(
    (worker) => {
      state = { state: 'running', detail: 'approved campaigns are delivered by this server process' };
      return worker;
    },
    (error: unknown) => {
      const message = (error as Error).message;
      state = { state: 'failed', detail: `the delivery worker could not start: ${message}` };
      log.error({ error: message }, 'the in-process delivery worker could not start');
      return null;
    },
  );
  return {
    state: () => state,
    describe: () => describeDeliveryConfig(config),
    async stop() {
      const worker = await started;
      await worker?.stop();
      state = { state: 'stopped' };
    },
  };
}
