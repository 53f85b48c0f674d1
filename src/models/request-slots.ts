// Start times for model requests, handed out from one row in the database every process shares,
// so a requests-per-second limit holds across the server, workers and CLI processes together.
//
// Each request reserves the next free start time with a single upsert: the row moves forward by one
// spacing and the statement returns the reserved time. PostgreSQL's row lock serialises concurrent
// reservations (under READ COMMITTED the update is re-applied to the newest row version), so two
// processes never get the same slot and nobody polls; on the embedded database the single
// connection serialises them. Times are on the database clock, the one clock all processes share.
//
// This is a thin adapter rather than a library: rate-limiter-flexible, the well-kept option with a
// PostgreSQL store, counts fixed windows (up to twice the limit across a window boundary) and its
// waiting queue lives in one process and retries on rejection; pg-boss throttles jobs, not requests.
import type { Queryable } from '../data/database.ts';

/** The limit all model requests (chat and embeddings, retries included) share. */
export const MODEL_RATE_LIMIT_KEY = 'model';

/**
 * Slots are spaced this much wider than 1/RPS, so that a request that reaches the provider up to a
 * quarter of a second later than planned, relative to the ones after it, still leaves the provider
 * seeing no more than RPS requests in any one-second window. Such delays are real: a process's first
 * request loads the HTTP client and opens a connection (about 150 ms on a loaded test machine), and
 * a busy event loop answers timers late. It costs a fifth of the throughput (at most RPS / 1.25
 * requests per second).
 */
export const SLOT_HEADROOM = 0.25;

/** Milliseconds between consecutive request starts for a limit of `requestsPerSecond`. */
export function slotSpacingMs(requestsPerSecond: number): number {
  return (1000 / requestsPerSecond) * (1 + SLOT_HEADROOM);
}

export interface ReserveRequestSlotOptions {
  key?: string;
  spacingMs: number;
}

export interface ReservedSlot {
  /** When the request may start, in milliseconds since the epoch on the database clock. */
  startAtMs: number;
  /** The database clock when the slot was reserved, to relate it to this process's clock. */
  databaseNowMs: number;
}

/**
 * Reserves the next free start time for one request. An idle limit saves up no burst: a slot is
 * never earlier than the moment it is reserved.
 */
export async function reserveRequestSlot(db: Queryable, { key = MODEL_RATE_LIMIT_KEY, spacingMs }: ReserveRequestSlotOptions): Promise<ReservedSlot> {
  const { rows } = await db.query<{ start_at_ms: number; database_now_ms: number }>(
    `INSERT INTO model_request_slots AS slots (limit_key, next_slot_at)
       VALUES ($1, clock_timestamp() + $2::float8 * interval '1 millisecond')
     ON CONFLICT (limit_key) DO UPDATE
       SET next_slot_at = GREATEST(slots.next_slot_at, clock_timestamp()) + $2::float8 * interval '1 millisecond'
     RETURNING (EXTRACT(EPOCH FROM next_slot_at) * 1000)::float8 - $2::float8 AS start_at_ms,
               (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::float8 AS database_now_ms`,
    [key, spacingMs],
  );
  const row = rows[0]!;
  return { startAtMs: row.start_at_ms, databaseNowMs: row.database_now_ms };
}
