// The shared per-channel throttle on a real database with a hand-moved clock: no channel gets more
// than its rate per window, even when two workers draw from it at once, and channels do not share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { createChannelThrottle, throttleWindow } from './channel-throttle.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.dispose();
});

/** A clock that only moves when someone waits on it. */
function handClock(startMs: number) {
  let nowMs = startMs;
  return { clock: () => nowMs, wait: async (ms: number) => void (nowMs += ms) };
}

describe('channel throttle', () => {
  it('turns a rate into a window and a capacity', () => {
    expect([throttleWindow(20), throttleWindow(2.5), throttleWindow(0.5), throttleWindow(0.3)]).toEqual([
      { seconds: 1, capacity: 20 },
      { seconds: 1, capacity: 2 },
      { seconds: 2, capacity: 1 },
      { seconds: 4, capacity: 1 },
    ]);
  });

  it('lets a channel through at its rate, across two workers, without slowing other channels', async () => {
    const time = handClock(Date.UTC(2026, 10, 24, 2, 0, 0, 300));
    const rates = { email: 2, sms: 0.5, push: 100, wecom: 100 };
    const workerA = createChannelThrottle(test.db, { ratePerSecond: rates, ...time });
    const workerB = createChannelThrottle(test.db, { ratePerSecond: rates, ...time });
    const grantedAt: Array<[string, number]> = [];
    for (const [worker, channel] of [[workerA, 'email'], [workerB, 'email'], [workerA, 'email'], [workerB, 'email'], [workerA, 'email'], [workerB, 'sms'], [workerA, 'sms']] as const) {
      await worker.acquire(channel);
      grantedAt.push([channel, time.clock()]);
    }
    const start = Date.UTC(2026, 10, 24, 2, 0, 0);
    expect(grantedAt.map(([channel, at]) => [channel, Math.floor((at - start) / 1000)])).toEqual([
      ['email', 0],
      ['email', 0],
      ['email', 1],
      ['email', 1],
      ['email', 2],
      ['sms', 2], // sms has its own budget: 1 per 2-second window
      ['sms', 4],
    ]);
    await workerA.prune();
    const { rows } = await test.db.query<{ channel: string; used: number }>('SELECT channel, used FROM delivery_throttle ORDER BY channel, second');
    expect(rows.map((row) => `${row.channel}:${row.used}`)).toEqual(['email:2', 'email:2', 'email:1', 'sms:1', 'sms:1']);
  });

  it('hands out tokens for a batch in one go, only what the window has left, and waits for the next window when none is', async () => {
    const time = handClock(Date.UTC(2026, 10, 24, 3, 0, 0, 100));
    const rates = { email: 1, sms: 1, push: 10, wecom: 1 };
    const workerA = createChannelThrottle(test.db, { ratePerSecond: rates, ...time });
    const workerB = createChannelThrottle(test.db, { ratePerSecond: rates, ...time });
    const start = Date.UTC(2026, 10, 24, 3, 0, 0);
    const grants: Array<[number, number]> = [];
    for (const [worker, wanted] of [[workerA, 4], [workerB, 4], [workerA, 4], [workerB, 30]] as const) {
      const granted = await worker.acquireMany('push', wanted);
      grants.push([granted, Math.floor((time.clock() - start) / 1000)]);
    }
    expect(grants).toEqual([
      [4, 0],
      [4, 0],
      [2, 0], // 10 per second: only 2 left in this window
      [10, 1], // none left: waited for the next window, and never more than its capacity
    ]);
    const { rows } = await test.db.query<{ used: number }>("SELECT used FROM delivery_throttle WHERE channel = 'push' ORDER BY second");
    expect(rows.map((row) => row.used)).toEqual([10, 10]);
    await expect(workerA.acquireMany('push', 0)).rejects.toThrow('acquireMany needs a whole number of messages >= 1 (got 0)');
  });
});
