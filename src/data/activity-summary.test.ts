// When the activity summary is rebuilt: missing, stale after a change to rows it counts, or older
// than the maximum age; not otherwise. The refresher of a long-running worker does it by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { activitySummaryDue, readActivitySummaryState, refreshActivitySummaryIfDue } from './activity-summary.ts';
import { startSummaryRefresher } from './activity-summary-refresher.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const MINUTE = 60_000;

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await test.db.query(`INSERT INTO customers (id) VALUES ('a'), ('b')`);
  await test.db.query(`INSERT INTO events (customer_id, type, occurred_at) VALUES ('a', 'view', $1), ('b', 'view', $2)`, [
    new Date(NOW.getTime() - 5 * MINUTE).toISOString(),
    new Date(NOW.getTime() - 40 * 24 * 60 * MINUTE).toISOString(),
  ]);
});
afterAll(async () => {
  await test.dispose();
});

describe('activity summary refresh', () => {
  it('builds a missing summary, then waits until it is stale or too old', async () => {
    expect(await readActivitySummaryState(test.db)).toBeNull();
    const built = await refreshActivitySummaryIfDue(test.db, NOW, 60);
    expect(built).toMatchObject({ asOf: NOW, current: true });
    const { rows } = await test.db.query<{ customer_id: string; counts: number[] }>(`SELECT customer_id, counts FROM event_window_counts ORDER BY customer_id`);
    expect(rows).toEqual([
      { customer_id: 'a', counts: [1, 1, 1, 1, 1, 1, 1] },
      { customer_id: 'b', counts: [0, 0, 0, 1, 1, 1, 1] },
    ]);
    expect(await refreshActivitySummaryIfDue(test.db, new Date(NOW.getTime() + 59 * MINUTE), 60)).toBeNull();
    expect(activitySummaryDue(await readActivitySummaryState(test.db), new Date(NOW.getTime() + 61 * MINUTE), 60)).toBe(true);

    // A late event after the refresh instant leaves it current; one before it makes it stale.
    await test.db.query(`INSERT INTO events (customer_id, type, occurred_at) VALUES ('b', 'login', $1)`, [new Date(NOW.getTime() + MINUTE).toISOString()]);
    expect((await readActivitySummaryState(test.db))?.current).toBe(true);
    await test.db.query(`INSERT INTO events (customer_id, type, occurred_at) VALUES ('b', 'login', $1)`, [new Date(NOW.getTime() - MINUTE).toISOString()]);
    expect((await readActivitySummaryState(test.db))?.current).toBe(false);
    const rebuilt = await refreshActivitySummaryIfDue(test.db, new Date(NOW.getTime() + 2 * MINUTE), 60);
    expect(rebuilt).toMatchObject({ current: true, asOf: new Date(NOW.getTime() + 2 * MINUTE) });
  });

  it('the refresher rebuilds a stale summary without being asked, and stops cleanly', async () => {
    await test.db.query(`DELETE FROM events WHERE type = 'login'`);
    expect((await readActivitySummaryState(test.db))?.current).toBe(false);
    const refresher = startSummaryRefresher(test.db, { checkIntervalSeconds: 0.05, now: () => new Date(NOW.getTime() + 3 * MINUTE) });
    try {
      const deadline = Date.now() + 10_000;
      while (!(await readActivitySummaryState(test.db))?.current && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await readActivitySummaryState(test.db)).toMatchObject({ current: true, asOf: new Date(NOW.getTime() + 3 * MINUTE) });
    } finally {
      await refresher.stop();
    }
  });
});
