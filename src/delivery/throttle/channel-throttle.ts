// Per-channel throttling, shared by every worker process: each channel may hand at most its rate of
// messages to its provider per wall-clock second (or one per several seconds for rates below one).
// The count lives in the database, so two workers together stay within the limit. A worker asks for
// tokens for a whole batch of sends at once (one statement), and gets what the window has left.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../../data/database.ts';
import type { Channel } from '../../domain/vocabulary.ts';

export interface ChannelThrottleOptions {
  /** Messages per second per channel. */
  ratePerSecond: Record<Channel, number>;
  /** Wall clock in epoch milliseconds (throttling is about real throughput, not the business clock). */
  clock?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

export interface ChannelThrottle {
  /** Resolves when a message may go out on `channel`, having counted it. */
  acquire(channel: Channel): Promise<void>;
  /**
   * Resolves with how many of `wanted` messages may go out on `channel` now (at least one, at most
   * `wanted`), having counted them; waits for the next window when this one is used up. Tokens are
   * for the current window: use them at once.
   */
  acquireMany(channel: Channel, wanted: number): Promise<number>;
  /** Drops counters older than an hour. */
  prune(): Promise<void>;
}

/** Window length in seconds and messages allowed per window for a rate: 2.5/s -> 2 per 1 s; 0.2/s -> 1 per 5 s. */
export function throttleWindow(ratePerSecond: number): { seconds: number; capacity: number } {
  const seconds = Math.max(1, Math.ceil(1 / ratePerSecond));
  return { seconds, capacity: Math.max(1, Math.floor(ratePerSecond * seconds)) };
}

export function createChannelThrottle(db: Queryable, { ratePerSecond, clock = Date.now, wait = sleep }: ChannelThrottleOptions): ChannelThrottle {
  async function acquireMany(channel: Channel, wanted: number): Promise<number> {
    if (!Number.isInteger(wanted) || wanted < 1) throw new RangeError(`acquireMany needs a whole number of messages >= 1 (got ${wanted})`);
    const { seconds, capacity } = throttleWindow(ratePerSecond[channel]);
    let asking = Math.min(wanted, capacity);
    for (;;) {
      const nowMs = clock();
      const windowStart = Math.floor(nowMs / 1000 / seconds) * seconds;
      // All of `asking` or nothing, so the window never goes past its capacity.
      const { rows } = await db.query(
        `INSERT INTO delivery_throttle (channel, second, used) VALUES ($1, $2, $3)
         ON CONFLICT (channel, second) DO UPDATE SET used = delivery_throttle.used + $3 WHERE delivery_throttle.used + $3 <= $4
         RETURNING used`,
        [channel, windowStart, asking, capacity],
      );
      if (rows.length > 0) return asking;
      // Not that many left: ask for what the window still has, or wait for the next one.
      const used = (await db.query<{ used: number }>('SELECT used FROM delivery_throttle WHERE channel = $1 AND second = $2', [channel, windowStart])).rows[0]?.used ?? 0;
      const left = capacity - Number(used);
      if (left > 0) {
        asking = Math.min(asking, left);
        continue;
      }
      await wait(Math.max(1, (windowStart + seconds) * 1000 - nowMs));
      asking = Math.min(wanted, capacity);
    }
  }

  return {
    async acquire(channel) {
      await acquireMany(channel, 1);
    },
    acquireMany,
    async prune() {
      await db.query('DELETE FROM delivery_throttle WHERE second < $1', [Math.floor(clock() / 1000) - 3600]);
    },
  };
}
