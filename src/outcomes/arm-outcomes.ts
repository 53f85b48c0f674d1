// How each arm of a campaign did: the copy variants and the holdout, each with its recipients and
// how many of them bought (a completed order) within a window after their planned send time. The
// holdout was never messaged, so the variants' rate above it is the campaign's lift; with send
// rows recorded at scheduling this needs no import. Rates per arm feed the bandit (thompson-allocation.ts).
import { z } from 'zod';
import type { Queryable } from '../data/database.ts';

/** One arm of a campaign and its buyers. */
export const ArmOutcome = z.object({
  /** The variant (`A`, `B`...) or `holdout`. */
  arm: z.string(),
  /** Customers in the arm (a recurring campaign counts each customer once, from their first step). */
  customers: z.number().int(),
  /** Of those, messaged at least once (status sent); 0 for the holdout. */
  messaged: z.number().int(),
  /** Customers with a completed order within `windowDays` after their first planned send. */
  converted: z.number().int(),
  conversionRate: z.number(),
});
export type ArmOutcome = z.infer<typeof ArmOutcome>;

export interface ArmOutcomesOptions {
  /** Days after the planned send in which an order counts; default 7. */
  windowDays?: number;
  /** Orders after this instant are not counted yet (the business clock). */
  now: Date;
}

export async function armOutcomes(db: Queryable, campaignId: string, { windowDays = 7, now }: ArmOutcomesOptions): Promise<ArmOutcome[]> {
  const { rows } = await db.query<{ arm: string; customers: number; messaged: number; converted: number }>(
    `WITH member AS (
       SELECT customer_id, min(variant) AS arm, min(send_at) AS first_send_at, bool_or(status = 'sent') AS messaged
         FROM sends WHERE campaign_id = $1 AND status IN ('sent', 'queued', 'holdout')
        GROUP BY customer_id)
     SELECT m.arm, count(*) AS customers, count(*) FILTER (WHERE m.messaged) AS messaged,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM orders o WHERE o.customer_id = m.customer_id AND o.status = 'completed'
                 AND o.ordered_at > m.first_send_at AND o.ordered_at <= least(m.first_send_at + make_interval(days => $2), $3::timestamptz))) AS converted
       FROM member m GROUP BY m.arm ORDER BY (m.arm = 'holdout'), m.arm`,
    [campaignId, windowDays, now.toISOString()],
  );
  return rows.map((row) => {
    const customers = Number(row.customers);
    const converted = Number(row.converted);
    return { arm: row.arm, customers, messaged: Number(row.messaged), converted, conversionRate: customers > 0 ? converted / customers : 0 };
  });
}
