// The optional bandit: for recurring campaigns whose first sends have results, the copy variants'
// buyers so far (arm-outcomes.ts) become Thompson-sampling shares (thompson-allocation.ts), and the
// later occurrences not yet handed to the queue are split between the variants by those shares. The
// split still hashes campaign and customer, so a re-run with the same results changes nothing, and
// the holdout is never touched. Each change is written to the audit log with the shares.
import { assignArm } from '../../../tools/schedule/assign-arm.ts';
import { appendAudit } from '../../data/campaigns.ts';
import type { Database } from '../../data/database.ts';
import { armOutcomes } from '../../outcomes/arm-outcomes.ts';
import { thompsonAllocation } from '../../outcomes/thompson-allocation.ts';

export interface RebalanceOptions {
  now: Date;
  /** A variant needs this many messaged customers before its results count; default 50. */
  minCustomersPerVariant?: number;
  /** Days after a send in which an order counts as a result; default 7. */
  windowDays?: number;
}

export interface Rebalanced {
  campaignId: string;
  shares: Record<string, number>;
  /** Queued sends whose variant changed. */
  moved: number;
}

interface PendingRow extends Record<string, unknown> {
  id: number;
  customer_id: string;
  channel: string;
  variant: string;
}

async function rebalanceCampaign(db: Database, campaignId: string, { now, minCustomersPerVariant = 50, windowDays = 7 }: RebalanceOptions): Promise<Rebalanced | null> {
  const arms = (await armOutcomes(db, campaignId, { now, windowDays })).filter((arm) => arm.arm !== 'holdout');
  if (arms.length < 2 || arms.some((arm) => arm.messaged < minCustomersPerVariant)) return null;
  const shares = thompsonAllocation(arms);
  const { rows } = await db.query<PendingRow>(
    `SELECT id, customer_id, channel, variant FROM sends
      WHERE campaign_id = $1 AND status = 'queued' AND enqueued_at IS NULL AND send_at > $2
        AND step > (SELECT coalesce(max(step), -1) FROM sends WHERE campaign_id = $1 AND status IN ('sent', 'suppressed', 'failed'))`,
    [campaignId, now.toISOString()],
  );
  const variantsByChannel = new Map<string, string[]>();
  for (const row of (await db.query<{ channel: string; variant: string }>('SELECT channel, variant FROM messages WHERE campaign_id = $1', [campaignId])).rows) {
    variantsByChannel.set(row.channel, [...(variantsByChannel.get(row.channel) ?? []), row.variant]);
  }
  const changes = rows.flatMap((row) => {
    const arm = assignArm({ campaignId, customerId: row.customer_id, variants: variantsByChannel.get(row.channel) ?? [], weights: shares });
    return arm?.kind === 'variant' && arm.variant !== row.variant ? [{ id: Number(row.id), variant: arm.variant }] : [];
  });
  if (changes.length === 0) return { campaignId, shares, moved: 0 };
  await db.transaction(async function moveVariants(tx) {
    await tx.query(
      `UPDATE sends SET variant = change.variant FROM unnest($1::bigint[], $2::text[]) AS change(id, variant)
        WHERE sends.id = change.id AND sends.status = 'queued' AND sends.enqueued_at IS NULL`,
      [changes.map((change) => change.id), changes.map((change) => change.variant)],
    );
    await appendAudit(tx, { actor: 'delivery', action: 'variants_rebalanced', campaignId, ruleIds: [], detail: { shares, moved: changes.length, arms } });
  });
  return { campaignId, shares, moved: changes.length };
}

/** Rebalances every live recurring campaign that has enough results; returns what changed. */
export async function rebalanceRecurringVariants(db: Database, options: RebalanceOptions): Promise<Rebalanced[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM campaigns WHERE status IN ('scheduled', 'running') AND plan->'schedule'->>'kind' = 'recurring' ORDER BY id`,
  );
  const done: Rebalanced[] = [];
  for (const { id } of rows) {
    const result = await rebalanceCampaign(db, id, options);
    if (result && result.moved > 0) done.push(result);
  }
  return done;
}
