// A `fetch` for the OpenAI client that waits for a slot of the shared model rate limit before each
// HTTP request. The client calls it for every attempt, so its own retries are limited too.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../data/database.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { DatabaseClock, localNowMs } from './database-clock.ts';
import { MODEL_RATE_LIMIT_KEY, reserveRequestSlot, slotSpacingMs, type ReservedSlot } from './request-slots.ts';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A request that would start this much after its slot (its process stalled: a long GC pause, a
 * starved CPU, a suspended machine) takes a new slot instead: sent late, it and the requests of
 * later slots would reach the provider closer together than the spacing allows.
 */
export const LATE_START_LIMIT_MS = 50;

export interface RateLimitedFetchOptions {
  /** The database every process of this installation shares; it keeps the schedule of slots. */
  db: Queryable;
  requestsPerSecond: number;
  key?: string;
  fetch?: Fetch;
}

export function rateLimitedFetch({ db, requestsPerSecond, key = MODEL_RATE_LIMIT_KEY, fetch = globalThis.fetch }: RateLimitedFetchOptions): Fetch {
  const spacingMs = slotSpacingMs(requestsPerSecond);
  const clock = new DatabaseClock();

  async function reserve(): Promise<ReservedSlot> {
    const sentAtMs = localNowMs();
    try {
      const slot = await reserveRequestSlot(db, { key, spacingMs });
      clock.observe({ sentAtMs, receivedAtMs: localNowMs(), databaseNowMs: slot.databaseNowMs });
      return slot;
    } catch (error) {
      throw new CodedError(
        ErrorCode.ModelFailed,
        `the model rate limit (CAMPAIGN_AGENT_MODEL_RPS) could not reserve a request slot in the database: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  return async function fetchWithinRateLimit(input, init) {
    const signal = init?.signal ?? undefined;
    for (;;) {
      signal?.throwIfAborted();
      const startAtMs = clock.toLocalMs((await reserve()).startAtMs);
      const waitMs = startAtMs - localNowMs();
      // A timeout or cancel while waiting gives up the slot; the client sees an AbortError as from fetch.
      if (waitMs > 0) await sleep(waitMs, undefined, { signal });
      if (localNowMs() - startAtMs <= LATE_START_LIMIT_MS + clock.uncertaintyMs()) return fetch(input, init);
    }
  };
}
