// Reading the audit log: the entries of one campaign (or the whole log, page by page), with the
// hash-chain columns and the detail as PostgreSQL prints it, which the chain's hashes cover.
import type { Queryable } from '../data/database.ts';
import type { HashedAuditFields } from './audit-hash.ts';

export interface AuditLogEntry extends HashedAuditFields {
  detail: unknown;
  prevHash: string | null;
  hash: string | null;
}

interface AuditRow extends Record<string, unknown> {
  id: number | string;
  at: Date | string;
  actor: string;
  action: string;
  campaign_id: string | null;
  thread_id: string | null;
  rule_ids: string[] | null;
  detail: unknown;
  detail_text: string;
  prev_hash: string | null;
  hash: string | null;
}

export const AUDIT_COLUMNS =
  'a.id, a.at, a.actor, a.action, a.campaign_id, a.thread_id, a.rule_ids, a.detail, a.detail::text AS detail_text, a.prev_hash, a.hash';

export function toAuditLogEntry(row: AuditRow): AuditLogEntry {
  return {
    id: Number(row.id),
    at: row.at instanceof Date ? row.at : new Date(row.at),
    actor: row.actor,
    action: row.action,
    campaignId: row.campaign_id,
    threadId: row.thread_id,
    ruleIds: row.rule_ids ?? [],
    detail: row.detail,
    detailText: row.detail_text,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface ListAuditEntriesOptions {
  /** Only this campaign's entries; the whole log otherwise. */
  campaignId?: string;
  /** Entries with an id above this one (for paging); from the start otherwise. */
  afterId?: number;
  limit?: number;
}

/** Entries in id order, which is the order of the chain. */
export async function listAuditEntries(db: Queryable, options: ListAuditEntriesOptions = {}): Promise<AuditLogEntry[]> {
  const { campaignId, afterId = 0, limit = 1000 } = options;
  const { rows } = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log a
      WHERE ($1::text IS NULL OR a.campaign_id = $1) AND a.id > $2
      ORDER BY a.id LIMIT $3`,
    [campaignId ?? null, afterId, limit],
  );
  return rows.map(toAuditLogEntry);
}

/** Every entry of one campaign, in id order. */
export async function readCampaignAuditLog(db: Queryable, campaignId: string, { pageSize = 1000 } = {}): Promise<AuditLogEntry[]> {
  const entries: AuditLogEntry[] = [];
  for (;;) {
    const page = await listAuditEntries(db, { campaignId, afterId: entries.at(-1)?.id ?? 0, limit: pageSize });
    entries.push(...page);
    if (page.length < pageSize) return entries;
  }
}
