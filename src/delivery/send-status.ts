// Where a campaign's sends stand: how many are queued, sent, failed, suppressed, cancelled or held
// out, and why the ones that did not go out did not.
import type { Queryable } from '../data/database.ts';

/** `holdout`: a control-group recipient, never messaged (see tools/schedule/assign-arm.ts). */
export const SEND_STATUSES = ['queued', 'sent', 'failed', 'suppressed', 'cancelled', 'holdout'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

export type SendStatusCounts = Record<SendStatus, number>;

export async function sendStatusCounts(db: Queryable, campaignId: string): Promise<SendStatusCounts> {
  const { rows } = await db.query<{ status: SendStatus; n: number }>(
    'SELECT status, count(*) AS n FROM sends WHERE campaign_id = $1 GROUP BY status',
    [campaignId],
  );
  const counts = Object.fromEntries(SEND_STATUSES.map((status) => [status, 0])) as SendStatusCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export interface SendReason {
  status: SendStatus;
  /** The rule or cause, the part of the reason before its first colon (`consent.channel`, `frequency.cap`...). */
  rule: string;
  count: number;
  /** One full reason as recorded, for the person reading. */
  example: string;
}

/** Sends that were held back or failed (and queued ones with a note, e.g. moved out of quiet hours), grouped by cause. */
export async function sendReasons(db: Queryable, campaignId: string): Promise<SendReason[]> {
  const { rows } = await db.query<{ status: SendStatus; rule: string; n: number; example: string }>(
    `SELECT status, split_part(reason, ':', 1) AS rule, count(*) AS n, min(reason) AS example
       FROM sends WHERE campaign_id = $1 AND reason IS NOT NULL
      GROUP BY status, split_part(reason, ':', 1) ORDER BY count(*) DESC, status, rule`,
    [campaignId],
  );
  return rows.map((row) => ({ status: row.status, rule: row.rule, count: Number(row.n), example: row.example }));
}
