// The audit log's hash chain computed in TypeScript, independently of the database trigger that
// writes it (migrations/0005_audit_chain.sql): the canonical JSON of an entry and its hash.
import { createHash } from 'node:crypto';

/** The fields an entry's hash covers. `detailText` is the jsonb value as PostgreSQL prints it (detail::text). */
export interface HashedAuditFields {
  id: number;
  at: Date;
  actor: string;
  action: string;
  campaignId: string | null;
  threadId: string | null;
  ruleIds: readonly string[];
  detailText: string;
}

/**
 * `{"action":…,"actor":…,"at":"2026-11-23T08:00:00.000Z","campaign_id":…,"detail":…,"id":…,"rule_ids":[…],"thread_id":…}`:
 * keys in order, no spaces, strings escaped as JSON does, the time in UTC to the millisecond.
 */
export function canonicalAuditJson(fields: HashedAuditFields): string {
  const string = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  return (
    `{"action":${string(fields.action)},"actor":${string(fields.actor)},"at":${string(fields.at.toISOString())}` +
    `,"campaign_id":${string(fields.campaignId)},"detail":${fields.detailText},"id":${String(fields.id)}` +
    `,"rule_ids":[${fields.ruleIds.map((ruleId) => string(ruleId)).join(',')}],"thread_id":${string(fields.threadId)}}`
  );
}

/** hex(sha256(prevHash + canonical JSON)), with no previous hash for the first entry. */
export function auditEntryHash(prevHash: string | null, fields: HashedAuditFields): string {
  return createHash('sha256')
    .update(`${prevHash ?? ''}${canonicalAuditJson(fields)}`, 'utf8')
    .digest('hex');
}
