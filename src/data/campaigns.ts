// Campaigns, their copy and their sends, and the audit log: the rows a plan becomes.
import type { Database, Queryable } from './database.ts';

export type CampaignStatus = 'needs_approval' | 'scheduled' | 'running' | 'completed' | 'cancelled' | 'blocked' | 'rejected';

export interface CampaignRow {
  id: string;
  threadId: string | null;
  name: string;
  status: CampaignStatus;
  objective: string;
  channels: string[];
  brief: unknown;
  segmentDefinition: unknown;
  plan: unknown;
  createdBy: string;
  approvedBy?: string | null;
  startsAt?: Date | null;
}

/** Creates the campaign or moves it to its new state; safe to repeat. */
export async function saveCampaign(tx: Queryable, campaign: CampaignRow): Promise<void> {
  await tx.query(
    `INSERT INTO campaigns (id, thread_id, name, status, objective, channels, brief, segment_definition, plan, created_by, approved_by, approved_at, starts_at)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, CASE WHEN $11::text IS NULL THEN NULL ELSE now() END, $12)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, status = EXCLUDED.status, objective = EXCLUDED.objective, channels = EXCLUDED.channels,
       brief = EXCLUDED.brief, segment_definition = EXCLUDED.segment_definition, plan = EXCLUDED.plan,
       approved_by = coalesce(EXCLUDED.approved_by, campaigns.approved_by),
       approved_at = coalesce(campaigns.approved_at, EXCLUDED.approved_at),
       starts_at = coalesce(EXCLUDED.starts_at, campaigns.starts_at)`,
    [
      campaign.id,
      campaign.threadId,
      campaign.name,
      campaign.status,
      campaign.objective,
      campaign.channels,
      JSON.stringify(campaign.brief),
      JSON.stringify(campaign.segmentDefinition),
      JSON.stringify(campaign.plan),
      campaign.createdBy,
      campaign.approvedBy ?? null,
      campaign.startsAt ?? null,
    ],
  );
}

/** Moves an existing campaign to a new status, keeping the plan shown for it current. */
export async function setCampaignStatus(
  tx: Queryable,
  id: string,
  status: CampaignStatus,
  { plan, approvedBy = null }: { plan: unknown; approvedBy?: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE campaigns SET status = $2, plan = $3::jsonb,
            approved_by = coalesce($4, approved_by), approved_at = CASE WHEN $4::text IS NULL THEN approved_at ELSE coalesce(approved_at, now()) END
      WHERE id = $1`,
    [id, status, JSON.stringify(plan), approvedBy],
  );
}

export interface MessageRow {
  channel: string;
  variant: string;
  title: string | null;
  text: string;
}

export async function saveMessages(tx: Queryable, campaignId: string, messages: readonly MessageRow[]): Promise<void> {
  await tx.query('DELETE FROM messages WHERE campaign_id = $1', [campaignId]);
  if (messages.length === 0) return;
  await tx.query(
    `INSERT INTO messages (campaign_id, channel, variant, title, body)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
    [campaignId, messages.map((m) => m.channel), messages.map((m) => m.variant), messages.map((m) => m.title), messages.map((m) => m.text)],
  );
}

export interface SendRow {
  customerId: string;
  channel: string;
  variant: string;
  sendAt: Date;
  /** The send's step when it differs per row (recurring occurrences); default the `step` argument. */
  step?: number;
  /** `holdout`: a control-group recipient who is never messaged; default `queued`. */
  status?: 'queued' | 'holdout';
}

/** Queues one send per recipient and step; a send that exists already is left as it is. Returns how many were added. */
export async function queueSends(tx: Queryable, campaignId: string, step: number, sends: readonly SendRow[]): Promise<number> {
  let added = 0;
  const batch = 10_000;
  for (let start = 0; start < sends.length; start += batch) {
    const slice = sends.slice(start, start + batch);
    const result = await tx.query(
      `INSERT INTO sends (campaign_id, customer_id, step, channel, variant, send_at, status)
       SELECT $1, customer_id, step, channel, variant, send_at, status
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::text[]) AS s(customer_id, channel, variant, send_at, step, status)
       ON CONFLICT (campaign_id, customer_id, step) DO NOTHING`,
      [
        campaignId,
        slice.map((s) => s.customerId),
        slice.map((s) => s.channel),
        slice.map((s) => s.variant),
        slice.map((s) => s.sendAt.toISOString()),
        slice.map((s) => s.step ?? step),
        slice.map((s) => s.status ?? 'queued'),
      ],
    );
    added += result.affectedRows;
  }
  return added;
}

export interface AuditEntry {
  actor: string;
  action: string;
  campaignId?: string | null;
  threadId?: string | null;
  ruleIds?: string[];
  detail?: unknown;
}

export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    'INSERT INTO audit_log (actor, action, campaign_id, thread_id, rule_ids, detail) VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb)',
    [entry.actor, entry.action, entry.campaignId ?? null, entry.threadId ?? null, entry.ruleIds ?? [], JSON.stringify(entry.detail ?? {})],
  );
}

export interface CampaignListItem {
  id: string;
  name: string;
  status: CampaignStatus;
  createdAt: Date;
  sends: { queued: number; sent: number; failed: number; suppressed: number; cancelled: number };
  /** True once `outcomes import` recorded what the campaign did. */
  outcomeRecorded: boolean;
}

interface CampaignListRow {
  id: string;
  name: string;
  status: CampaignStatus;
  created_at: Date;
  counts: Record<string, number> | null;
  outcome_recorded: boolean;
  [key: string]: unknown;
}

const CAMPAIGN_LIST_COLUMNS = `c.id, c.name, c.status, c.created_at,
            (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM sends s WHERE s.campaign_id = c.id GROUP BY status) t) AS counts,
            EXISTS (SELECT 1 FROM campaign_outcomes o WHERE o.campaign_id = c.id) AS outcome_recorded`;

function toListItem(row: CampaignListRow): CampaignListItem {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    createdAt: row.created_at,
    sends: {
      queued: Number(row.counts?.queued ?? 0),
      sent: Number(row.counts?.sent ?? 0),
      failed: Number(row.counts?.failed ?? 0),
      suppressed: Number(row.counts?.suppressed ?? 0),
      cancelled: Number(row.counts?.cancelled ?? 0),
    },
    outcomeRecorded: Boolean(row.outcome_recorded),
  };
}

export async function listCampaigns(db: Database, { limit = 50, includeHistory = false } = {}): Promise<CampaignListItem[]> {
  const { rows } = await db.query<CampaignListRow>(
    `SELECT ${CAMPAIGN_LIST_COLUMNS}
       FROM campaigns c
      WHERE $2::boolean OR c.created_by <> 'demo-seed'
      ORDER BY c.created_at DESC
      LIMIT $1`,
    [limit, includeHistory],
  );
  return rows.map(toListItem);
}

/** One campaign as the list shows it, with the plan stored for it (unparsed); null when there is none. */
export async function findCampaign(db: Database, id: string): Promise<{ campaign: CampaignListItem; plan: unknown } | null> {
  const { rows } = await db.query<CampaignListRow & { plan: unknown }>(`SELECT ${CAMPAIGN_LIST_COLUMNS}, c.plan FROM campaigns c WHERE c.id = $1`, [id]);
  const row = rows[0];
  return row ? { campaign: toListItem(row), plan: row.plan ?? null } : null;
}
