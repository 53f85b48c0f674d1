// Keeps the activity summary fresh from a long-running process (the delivery worker): once a minute
// it checks whether the summary is missing, stale (data it counts changed) or older than
// `maxAgeMinutes`, and rebuilds it if so. Runs beside the delivery tick, never inside it, so a long
// rebuild on a large database does not hold up sends. Several workers may run: one rebuilds while
// the others skip (see refreshActivitySummaryIfDue).
import { createLogger } from '../logger.ts';
import { refreshActivitySummaryIfDue } from './activity-summary.ts';
import type { Database } from './database.ts';

const log = createLogger('activity-summary');
export interface SummaryRefresherOptions {
  /** Rebuild when the summary is older than this (default 60). */
  maxAgeMinutes?: number;
  /** How often to check (default 60 s). */
  checkIntervalSeconds?: number;
  now?: () => Date;
}

export interface RunningSummaryRefresher {
  /** Stops checking and waits for a rebuild in progress. */
  stop(): Promise<void>;
}

export function startSummaryRefresher(db: Database, options: SummaryRefresherOptions = {}): RunningSummaryRefresher {
  const maxAgeMinutes = options.maxAgeMinutes ?? 60;
  const now = options.now ?? (() => new Date());
  let inFlight: Promise<void> | null = null;
  const check = () => {
    if (inFlight) return;
    inFlight = refreshActivitySummaryIfDue(db, now(), maxAgeMinutes)
      .then(
        (state) => {
          if (state) log.info({ asOf: state.asOf.toISOString(), seconds: Math.round(state.seconds * 10) / 10 }, 'activity summary rebuilt');
        },
        (error: unknown) => log.error({ error: (error as Error).message }, 'activity summary rebuild failed; trying again at the next check'),
      )
      .finally(() => {
        inFlight = null;
      });
  };
  check();
  const timer = setInterval(check, (options.checkIntervalSeconds ?? 60) * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
