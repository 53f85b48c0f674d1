// Verifies the audit log's hash chain: every entry's hash must match its content, and its
// prev_hash the hash of the entry before it. The whole log is checked in id order, page by page;
// for one campaign, each of its entries is checked against its content and the entry just before it.
import type { Queryable } from '../data/database.ts';
import { auditEntryHash } from './audit-hash.ts';
import { AUDIT_COLUMNS, listAuditEntries, toAuditLogEntry } from './read-audit-log.ts';
import type { AuditLogEntry } from './read-audit-log.ts';

export interface AuditChainVerification {
  ok: boolean;
  /** Entries examined, up to and including the first broken one. */
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

export interface VerifyAuditChainOptions {
  /** Only this campaign's entries; the whole log otherwise. */
  campaignId?: string;
  /** Entries read per query. */
  batchSize?: number;
}

interface Predecessor {
  id: number;
  hash: string | null;
}

/** Why an entry breaks the chain, or null when it is intact. */
export function chainBreak(entry: AuditLogEntry, predecessor: Predecessor | null): string | null {
  if (entry.hash === null) return `entry ${entry.id} has no hash`;
  if (auditEntryHash(entry.prevHash, entry) !== entry.hash) {
    return `entry ${entry.id} was changed after it was written: its content no longer matches its hash`;
  }
  if (predecessor === null) {
    return entry.prevHash === null ? null : `entry ${entry.id} points at an earlier entry, but no entry comes before it`;
  }
  if (entry.prevHash !== predecessor.hash) {
    return `entry ${entry.id} does not follow entry ${predecessor.id}: its prev_hash is not that entry's hash (an entry between them was removed, or entry ${predecessor.id} was rewritten)`;
  }
  return null;
}

interface CampaignRow extends Record<string, unknown> {
  previous_id: number | string | null;
  previous_hash: string | null;
}

async function campaignPage(db: Queryable, campaignId: string, afterId: number, limit: number) {
  const { rows } = await db.query<CampaignRow & Parameters<typeof toAuditLogEntry>[0]>(
    `SELECT ${AUDIT_COLUMNS}, previous.id AS previous_id, previous.hash AS previous_hash
       FROM audit_log a
       LEFT JOIN LATERAL (SELECT p.id, p.hash FROM audit_log p WHERE p.id < a.id ORDER BY p.id DESC LIMIT 1) previous ON true
      WHERE a.campaign_id = $1 AND a.id > $2
      ORDER BY a.id LIMIT $3`,
    [campaignId, afterId, limit],
  );
  return rows.map((row) => ({
    entry: toAuditLogEntry(row),
    predecessor: row.previous_id === null ? null : { id: Number(row.previous_id), hash: row.previous_hash },
  }));
}

export async function verifyAuditChain(db: Queryable, options: VerifyAuditChainOptions = {}): Promise<AuditChainVerification> {
  const { campaignId, batchSize = 1000 } = options;
  let checked = 0;
  let afterId = 0;
  let previous: Predecessor | null = null;
  for (;;) {
    const page =
      campaignId === undefined
        ? (await listAuditEntries(db, { afterId, limit: batchSize })).map((entry) => ({ entry, predecessor: null as Predecessor | null }))
        : await campaignPage(db, campaignId, afterId, batchSize);
    for (const { entry, predecessor } of page) {
      checked += 1;
      const reason = chainBreak(entry, campaignId === undefined ? previous : predecessor);
      if (reason) return { ok: false, checked, firstBrokenId: entry.id, reason };
      previous = { id: entry.id, hash: entry.hash };
    }
    if (page.length < batchSize) return { ok: true, checked, firstBrokenId: null, reason: null };
    afterId = page[page.length - 1]!.entry.id;
  }
}
