// Hands queued sends that are due (or due within the horizon) to the job queue, one job per send,
// each held until its send time. A send already handed over is not handed over again unless it has
// been waiting suspiciously long; the queue itself refuses a second live job for one send.
import type { Database } from '../../data/database.ts';
import type { DeliveryQueue } from '../queue/delivery-queue.ts';

export interface DispatchOptions {
  now: Date;
  /** Sends due up to this many seconds after `now` are handed over now, held until their time. */
  horizonSeconds: number;
  /** A send handed over this long ago and still queued is handed over again. */
  requeueAfterSeconds: number;
  /** Sends per round trip. */
  batchSize?: number;
}

interface DueRow extends Record<string, unknown> {
  id: number;
  campaign_id: string;
  customer_id: string;
  step: number;
  send_at: Date;
}

/** Returns how many sends were handed to the queue. */
export async function dispatchDueSends(
  db: Database,
  queue: Pick<DeliveryQueue, 'enqueueSends'>,
  { now, horizonSeconds, requeueAfterSeconds, batchSize = 2000 }: DispatchOptions,
): Promise<number> {
  const dueBy = new Date(now.getTime() + horizonSeconds * 1000).toISOString();
  const staleBefore = new Date(now.getTime() - requeueAfterSeconds * 1000).toISOString();
  let handedOver = 0;
  let lastId = 0;
  for (;;) {
    const { rows } = await db.query<DueRow>(
      `SELECT s.id, s.campaign_id, s.customer_id, s.step, s.send_at FROM sends s JOIN campaigns c ON c.id = s.campaign_id
        WHERE s.status = 'queued' AND c.status IN ('scheduled', 'running') AND s.send_at <= $1
          AND (s.enqueued_at IS NULL OR s.enqueued_at <= $2) AND s.id > $3
        ORDER BY s.id LIMIT $4`,
      [dueBy, staleBefore, lastId, batchSize],
    );
    if (rows.length === 0) return handedOver;
    lastId = Number(rows[rows.length - 1]!.id);
    const added = await queue.enqueueSends(
      rows.map((row) => ({
        sendId: Number(row.id),
        campaignId: row.campaign_id,
        customerId: row.customer_id,
        step: Number(row.step),
        delaySeconds: (new Date(row.send_at).getTime() - now.getTime()) / 1000,
      })),
    );
    if (added.length > 0) {
      await db.query('UPDATE sends SET enqueued_at = $2 WHERE id = ANY($1::bigint[])', [added, now.toISOString()]);
      handedOver += added.length;
    }
    if (rows.length < batchSize) return handedOver;
  }
}
