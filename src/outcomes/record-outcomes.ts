// Records what campaigns actually did: the outcome rows go into campaign_outcomes (replacing any
// earlier figures), each campaign is marked completed with the time it ended, and its memory entry
// is marked stale so the next memory sync re-reads it. All in one transaction: a file imports
// completely or not at all.
import { appendAudit } from '../data/campaigns.ts';
import type { Database, Queryable } from '../data/database.ts';
import type { OutcomeRow } from './outcome-csv.ts';
import { throwProblems } from './outcome-csv.ts';

/** Campaigns that were sent (or started sending) and so can have outcomes. */
const SENT_STATUSES = ['scheduled', 'running', 'completed', 'cancelled'];

export interface RecordOutcomesOptions {
  /** Who imports them (recorded in the audit log). */
  actor: string;
  /** When the import happens: the end time of campaigns with no ended_at in the file or on record. */
  now: Date;
}

export interface RecordedOutcome {
  campaignId: string;
  name: string;
  /** Status before and after the import (cancelled campaigns stay cancelled). */
  previousStatus: string;
  status: string;
  endedAt: Date;
  /** True when figures recorded earlier were replaced. */
  replaced: boolean;
}

interface CampaignState {
  id: string;
  name: string;
  status: string;
  ended_at: Date | null;
  has_outcome: boolean;
  [key: string]: unknown;
}

async function campaignStates(tx: Queryable, ids: readonly string[]): Promise<Map<string, CampaignState>> {
  const { rows } = await tx.query<CampaignState>(
    `SELECT c.id, c.name, c.status, c.ended_at, (o.campaign_id IS NOT NULL) AS has_outcome
       FROM campaigns c LEFT JOIN campaign_outcomes o ON o.campaign_id = c.id
      WHERE c.id = ANY($1::text[])
      FOR UPDATE OF c`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

function checkCampaigns(rows: readonly OutcomeRow[], states: Map<string, CampaignState>): void {
  const problems: string[] = [];
  for (const row of rows) {
    const state = states.get(row.campaignId);
    if (!state) problems.push(`line ${row.line}: there is no campaign ${row.campaignId}`);
    else if (!SENT_STATUSES.includes(state.status)) {
      problems.push(`line ${row.line}: campaign ${row.campaignId} is ${state.status.replace('_', ' ')} and was never sent, so it has no outcome`);
    }
  }
  throwProblems(problems, 'the outcomes do not match the campaigns, nothing was imported');
}

export async function recordOutcomes(db: Database, rows: readonly OutcomeRow[], options: RecordOutcomesOptions): Promise<RecordedOutcome[]> {
  return db.transaction(async (tx) => {
    const states = await campaignStates(tx, rows.map((row) => row.campaignId));
    checkCampaigns(rows, states);
    const recorded: RecordedOutcome[] = [];
    for (const row of rows) {
      const state = states.get(row.campaignId)!;
      const endedAt = row.endedAt ?? (state.ended_at ? new Date(state.ended_at) : options.now);
      await tx.query(
        `INSERT INTO campaign_outcomes (campaign_id, sent, delivered, converted, revenue, holdout_size, holdout_converted, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (campaign_id) DO UPDATE SET
           sent = EXCLUDED.sent, delivered = EXCLUDED.delivered, converted = EXCLUDED.converted, revenue = EXCLUDED.revenue,
           holdout_size = EXCLUDED.holdout_size, holdout_converted = EXCLUDED.holdout_converted, recorded_at = EXCLUDED.recorded_at`,
        [row.campaignId, row.sent, row.delivered, row.converted, row.revenue, row.holdoutSize, row.holdoutConverted, options.now],
      );
      const status = state.status === 'cancelled' ? 'cancelled' : 'completed';
      await tx.query('UPDATE campaigns SET status = $2, ended_at = $3 WHERE id = $1', [row.campaignId, status, endedAt]);
      await appendAudit(tx, {
        actor: options.actor,
        action: 'outcome_recorded',
        campaignId: row.campaignId,
        detail: { sent: row.sent, delivered: row.delivered, converted: row.converted, revenue: row.revenue, holdoutSize: row.holdoutSize, holdoutConverted: row.holdoutConverted, replaced: state.has_outcome },
      });
      recorded.push({ campaignId: row.campaignId, name: state.name, previousStatus: state.status, status, endedAt, replaced: state.has_outcome });
    }
    // Memory entries whose figures differ from the recorded outcome are refreshed by the next syncCampaignMemory.
    return recorded;
  });
}
