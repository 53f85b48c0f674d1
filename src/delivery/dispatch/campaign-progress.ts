// Moves campaigns along as their sends settle: queued sends of a campaign that was cancelled (or
// rejected) are cancelled; a scheduled campaign whose first send has settled is running; a one-off
// campaign with nothing left queued is completed, with its final counts in the audit log. Trigger
// campaigns keep running until someone stops them.
import { appendAudit } from '../../data/campaigns.ts';
import type { Database } from '../../data/database.ts';
import { sendStatusCounts } from '../send-status.ts';

export interface CampaignProgress {
  started: string[];
  completed: string[];
  /** Sends cancelled because their campaign was stopped. */
  cancelledSends: number;
}

export async function updateCampaignProgress(db: Database, { now }: { now: Date }): Promise<CampaignProgress> {
  const at = now.toISOString();
  const cancelled = await db.query(
    `UPDATE sends s SET status = 'cancelled', reason = 'campaign.status: the campaign is ' || c.status
       FROM campaigns c
      WHERE c.id = s.campaign_id AND s.status = 'queued' AND c.status IN ('cancelled', 'rejected', 'blocked')`,
  );
  const started = await db.query<{ id: string }>(
    `UPDATE campaigns c SET status = 'running', starts_at = coalesce(c.starts_at, $1::timestamptz)
      WHERE c.status = 'scheduled' AND EXISTS (SELECT 1 FROM sends s WHERE s.campaign_id = c.id AND s.status NOT IN ('queued', 'holdout'))
      RETURNING c.id`,
    [at],
  );
  const completed = await db.query<{ id: string; thread_id: string | null }>(
    `UPDATE campaigns c SET status = 'completed', ended_at = $1::timestamptz
      WHERE c.status = 'running' AND coalesce(c.plan->'schedule'->>'kind', '') <> 'trigger'
        AND NOT EXISTS (SELECT 1 FROM sends s WHERE s.campaign_id = c.id AND s.status = 'queued')
      RETURNING c.id, c.thread_id`,
    [at],
  );
  for (const campaign of completed.rows) {
    const counts = await sendStatusCounts(db, campaign.id);
    await appendAudit(db, { actor: 'delivery', action: 'completed', campaignId: campaign.id, threadId: campaign.thread_id, detail: { sends: counts, at } });
  }
  return { started: started.rows.map((row) => row.id), completed: completed.rows.map((row) => row.id), cancelledSends: cancelled.affectedRows };
}
