// The rate-limited fetch around a recording inner fetch, on the test's own database: requests start
// one slot apart, a cancel while waiting ends the wait at once, and a process that stalls past its
// slots takes new ones instead of sending everything it held back at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { localNowMs } from './database-clock.ts';
import { rateLimitedFetch, type Fetch } from './rate-limited-fetch.ts';
import { slotSpacingMs } from './request-slots.ts';

const RPS = 5;
const SPACING_MS = slotSpacingMs(RPS);
/**
 * Slots are one spacing apart, but a busy test machine fires timers late (a request up to
 * LATE_START_LIMIT_MS late is still sent), so observed gaps vary; requests sent without waiting for
 * their slots, or together after a stall, come out about 0 ms apart.
 */
const MIN_GAP_MS = SPACING_MS / 2;

let test: TestDatabase;
let started: number[];
let limited: Fetch;

const recordingFetch: Fetch = async function recordStart() {
  started.push(localNowMs());
  return new Response('{}', { status: 200 });
};

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - times[index]!);
}

beforeAll(async () => {
  test = await createTestDatabase();
});
beforeEach(async () => {
  started = [];
  // Each test gets a limit of its own, so slots left by the one before do not delay it.
  limited = rateLimitedFetch({ db: test.db, requestsPerSecond: RPS, key: `test-${Math.random()}`, fetch: recordingFetch });
});
afterAll(async () => {
  await test?.dispose();
});

describe('rateLimitedFetch', () => {
  it('starts concurrent requests one slot apart, the first at once', async () => {
    const before = localNowMs();
    await Promise.all(Array.from({ length: 4 }, () => limited('http://127.0.0.1/v1/embeddings')));
    expect(started).toHaveLength(4);
    expect(started[0]! - before).toBeLessThan(SPACING_MS / 2);
    for (const gap of gaps(started)) expect(gap).toBeGreaterThan(MIN_GAP_MS);
  });

  it('ends a wait at once when the request is cancelled, as an AbortError, without sending it', async () => {
    await limited('http://127.0.0.1/v1/chat/completions');
    const cancelled = limited('http://127.0.0.1/v1/chat/completions', { signal: AbortSignal.timeout(20) });
    const before = localNowMs();
    const failure = await cancelled.catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'AbortError' });
    expect(localNowMs() - before).toBeLessThan(SPACING_MS);
    expect(started).toHaveLength(1);
  });

  it('takes new slots for requests whose process stalled past their slots, instead of sending them together', async () => {
    const requests = Array.from({ length: 3 }, () => limited('http://127.0.0.1/v1/chat/completions'));
    while (started.length === 0) await sleep(5);
    await sleep(50); // all three slots are reserved by now: at once, one and two spacings later
    const stallUntil = localNowMs() + 2.4 * SPACING_MS;
    while (localNowMs() < stallUntil) {
      // a stalled event loop: no timer fires until this ends
    }
    await Promise.all(requests);
    expect(started).toHaveLength(3);
    for (const gap of gaps(started)) expect(gap).toBeGreaterThan(MIN_GAP_MS);
  });
});
