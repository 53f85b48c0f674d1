// The audit log as a person reads it: one line per entry (when, who, what, which rules, a short
// summary of the detail) and whether the hash chain verifies.
import type { AuditChainVerification } from './verify-audit-chain.ts';
import type { AuditLogEntry } from './read-audit-log.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function verdictCounts(verdicts: readonly unknown[]): string {
  const counts = new Map<string, number>();
  for (const verdict of verdicts) {
    const status = isRecord(verdict) && typeof verdict.status === 'string' ? verdict.status : 'other';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const parts = [...counts].map(([status, count]) => `${count} ${status}`);
  return `${verdicts.length} verdicts (${parts.join(', ')})`;
}

function summariseValue(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'guardrails' && Array.isArray(value)) return `guardrails: ${verdictCounts(value)}`;
  if (Array.isArray(value)) {
    return value.every((item) => typeof item === 'string') ? `${key}: ${value.join('; ')}` : `${key}: ${value.length} items`;
  }
  if (isRecord(value)) return `${key}: {${Object.keys(value).join(', ')}}`;
  return `${key}: ${String(value)}`;
}

/** A one-line summary of an entry's detail, at most `maxLength` characters. */
export function summariseDetail(detail: unknown, maxLength = 140): string {
  let summary: string;
  if (isRecord(detail)) {
    summary = Object.entries(detail)
      .map(([key, value]) => summariseValue(key, value))
      .filter((part): part is string => part !== null)
      .join(' | ');
  } else {
    summary = detail === null || detail === undefined ? '' : JSON.stringify(detail);
  }
  summary = summary.replace(/\s+/gu, ' ').trim();
  return [...summary].length > maxLength ? `${[...summary].slice(0, maxLength - 1).join('')}…` : summary;
}

/** `2026-11-23 08:00:01Z`. */
function when(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function describeVerification(verification: AuditChainVerification): string {
  if (verification.ok) {
    return `Hash chain verified: ${verification.checked} ${verification.checked === 1 ? 'entry' : 'entries'} intact.`;
  }
  return `Hash chain BROKEN at entry ${verification.firstBrokenId}: ${verification.reason}`;
}

export function formatAuditLog(campaignId: string, entries: readonly AuditLogEntry[], verification: AuditChainVerification): string {
  const lines = [`Audit log of campaign ${campaignId}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`];
  for (const entry of entries) {
    const rules = entry.ruleIds.length ? `  rules: ${entry.ruleIds.join(', ')}` : '';
    const detail = summariseDetail(entry.detail);
    lines.push(`#${entry.id}  ${when(entry.at)}  ${entry.actor}  ${entry.action}${rules}${detail ? `  ${detail}` : ''}`);
  }
  lines.push(describeVerification(verification));
  return `${lines.join('\n')}\n`;
}
