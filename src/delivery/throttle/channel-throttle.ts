// Per-channel throttling, shared by every worker process: each channel may hand at most its rate of
// messages to its provider per wall-clock second (or one per several seconds for rates below one).
// The count lives in the database, so two workers together stay within the limit.
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
  /** Drops counters older than an hour. */
  prune(): Promise<void>;
}

/** Window length in seconds and messages allowed per window for a rate: 2.5/s -> 2 per 1 s; 0.2/s -> 1 per 5 s. */
export function throttleWindow(ratePerSecond: number): { seconds: number; capacity: number } {
  const seconds = Math.max(1, Math.ceil(1 / ratePerSecond));
  return { seconds, capacity: Math.max(1, Math.floor(ratePerSecond * seconds)) };
}

export function createChannelThrottle(db: Queryable, { ratePerSecond, clock = Date.now, wait = sleep }: ChannelThrottleOptions): ChannelThrottle {
  return {
    async acquire(channel) {
      const { seconds, capacity } = throttleWindow(ratePerSecond[channel]);
      for (;;) {
        const nowMs = clock();
        const windowStart = Math.floor(nowMs / 1000 / seconds) * seconds;
        const { rows } = await db.query(
          `INSERT INTO delivery_throttle (channel, second, used) VALUES ($1, $2, 1)
           ON CONFLICT (channel, second) DO UPDATE SET used = delivery_throttle.used + 1 WHERE delivery_throttle.used < $3
           RETURNING used`,
          [channel, windowStart, capacity],
        );
        if (rows.length > 0) return;
        await wait(Math.max(1, (windowStart + seconds) * 1000 - nowMs));
      }
    },
    async prune() {
      await db.query('DELETE FROM delivery_throttle WHERE second < $1', [Math.floor(clock() / 1000) - 3600]);
    },
  };
}
