// The activity summary (migrations/0013_activity_summary.sql): per customer, events of each type and
// completed orders counted over standard rolling windows ending at one refresh instant. Rebuilt
// whole by `refreshActivitySummary`; segment conditions use it while it is current and their as-of
// lies within SUMMARY_MAX_LAG_DAYS of the refresh instant (tools/segments/summary-conditions-sql.ts).
import type { Database, Queryable } from './database.ts';

/** The rolling windows (days) the summary counts; a condition over another window reads the events. */
export const SUMMARY_WINDOW_DAYS = [7, 14, 30, 60, 90, 180, 365] as const;

/** How far a segment's as-of may lie from the refresh instant for the summary to be used (both ways). */
export const SUMMARY_MAX_LAG_DAYS = 3;

/** The completed-order status, the only one the summary counts. */
const COMPLETED = 'completed';

export interface ActivitySummaryState {
  asOf: Date;
  current: boolean;
  refreshedAt: Date;
  seconds: number;
}

export async function readActivitySummaryState(db: Queryable): Promise<ActivitySummaryState | null> {
  const { rows } = await db.query<{ as_of: Date | string; current: boolean; refreshed_at: Date | string; seconds: number }>(
    'SELECT as_of, current, refreshed_at, seconds FROM activity_summary_state',
  );
  const row = rows[0];
  return row ? { asOf: new Date(row.as_of), current: row.current, refreshedAt: new Date(row.refreshed_at), seconds: Number(row.seconds) } : null;
}

/** `ARRAY[coalesce(aggregate FILTER (time in window 1), 0), ...]::type` over every summary window ending at `$1`. */
function perWindow(aggregate: string, type: 'int[]' | 'numeric[]', timeColumn: string, extraFilter = ''): string {
  const windows = SUMMARY_WINDOW_DAYS.map(
    (_, index) => `coalesce(${aggregate} FILTER (WHERE ${timeColumn} > $1::timestamptz - make_interval(days => $${index + 2}::int)${extraFilter}), 0)`,
  );
  return `ARRAY[${windows.join(', ')}]::${type}`;
}

const longestWindowDays = SUMMARY_WINDOW_DAYS[SUMMARY_WINDOW_DAYS.length - 1];

const REFRESH_LOCK_KEY = 726_100_418;

/**
 * Rebuilds the summary as of `asOf` (now by default) in one transaction. Writers to events and orders
 * wait until it commits (a SHARE lock), so no change can slip between the counts and the state row;
 * readers keep using the previous summary meanwhile. Returns the new state.
 */
export async function refreshActivitySummary(db: Database, asOf: Date = new Date()): Promise<ActivitySummaryState> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK_KEY]);
    await rebuild(tx, asOf);
  });
  return (await readActivitySummaryState(db))!;
}

/**
 * Rebuilds the summary as of `now` when it is missing, stale or older than `maxAgeMinutes`; returns
 * the new state, or null when it was not due or another process is rebuilding it right now.
 */
export async function refreshActivitySummaryIfDue(db: Database, now: Date, maxAgeMinutes: number): Promise<ActivitySummaryState | null> {
  if (!activitySummaryDue(await readActivitySummaryState(db), now, maxAgeMinutes)) return null;
  const rebuilt = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [REFRESH_LOCK_KEY]);
    if (!rows[0]?.locked) return false;
    // Checked again under the lock: another process may have just rebuilt it.
    if (!activitySummaryDue(await readActivitySummaryState(tx), now, maxAgeMinutes)) return false;
    await rebuild(tx, now);
    return true;
  });
  return rebuilt ? readActivitySummaryState(db) : null;
}

async function rebuild(tx: Queryable, asOf: Date): Promise<void> {
  const started = performance.now();
  const windowParams = [asOf.toISOString(), ...SUMMARY_WINDOW_DAYS];
  const inLongestWindow = (column: string) => `${column} > $1::timestamptz - make_interval(days => ${longestWindowDays}) AND ${column} <= $1::timestamptz`;
  await tx.query('LOCK TABLE events, orders IN SHARE MODE');
  await tx.query('DELETE FROM event_window_counts');
  await tx.query(
    `INSERT INTO event_window_counts (type, customer_id, counts)
     SELECT event.type, event.customer_id, ${perWindow('count(*)', 'int[]', 'event.occurred_at')}
       FROM events event WHERE ${inLongestWindow('event.occurred_at')}
      GROUP BY event.type, event.customer_id ORDER BY event.type, event.customer_id`,
    windowParams,
  );
  await tx.query('DELETE FROM order_window_totals');
  await tx.query(
    `INSERT INTO order_window_totals (customer_id, orders, totals, discounted, last_ordered_at)
     SELECT purchase.customer_id, ${perWindow('count(*)', 'int[]', 'purchase.ordered_at')},
            ${perWindow('sum(purchase.total)', 'numeric[]', 'purchase.ordered_at')},
            ${perWindow('count(*)', 'int[]', 'purchase.ordered_at', ' AND purchase.discount > 0')},
            max(purchase.ordered_at)
       FROM orders purchase WHERE purchase.status = '${COMPLETED}' AND ${inLongestWindow('purchase.ordered_at')}
      GROUP BY purchase.customer_id ORDER BY purchase.customer_id`,
    windowParams,
  );
  const seconds = (performance.now() - started) / 1000;
  await tx.query(
    `INSERT INTO activity_summary_state (id, as_of, current, refreshed_at, seconds) VALUES (true, $1, true, now(), $2)
     ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, current = true, refreshed_at = excluded.refreshed_at, seconds = excluded.seconds`,
    [asOf.toISOString(), seconds],
  );
}

/** Whether a refresh is due: no summary, a stale one, or one older than `maxAgeMinutes` at `now`. */
export function activitySummaryDue(state: ActivitySummaryState | null, now: Date, maxAgeMinutes: number): boolean {
  if (!state || !state.current) return true;
  return now.getTime() - state.asOf.getTime() > maxAgeMinutes * 60_000;
}
