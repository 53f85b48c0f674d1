import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, canonicalAuditJson } from './audit-hash.ts';

const entry = {
  id: 7,
  at: new Date('2026-11-23T08:00:01.234Z'),
  actor: 'olga "the approver"',
  action: 'approved',
  campaignId: 'cmp_1',
  threadId: null,
  ruleIds: ['discount.ceiling', 'claims.banned'],
  detailText: '{"comment": "好的\\n"}',
};

describe('canonicalAuditJson', () => {
  it('writes the fields in a fixed order, without spaces, with the time in UTC to the millisecond', () => {
    expect(canonicalAuditJson(entry)).toBe(
      '{"action":"approved","actor":"olga \\"the approver\\"","at":"2026-11-23T08:00:01.234Z","campaign_id":"cmp_1",' +
        '"detail":{"comment": "好的\\n"},"id":7,"rule_ids":["discount.ceiling","claims.banned"],"thread_id":null}',
    );
    expect(canonicalAuditJson({ ...entry, ruleIds: [] })).toContain('"rule_ids":[]');
  });
});

describe('auditEntryHash', () => {
  it('is the SHA-256 of the previous hash followed by the canonical JSON', () => {
    const expected = createHash('sha256').update(`abc${canonicalAuditJson(entry)}`).digest('hex');
    expect(auditEntryHash('abc', entry)).toBe(expected);
    expect(auditEntryHash(null, entry)).toBe(createHash('sha256').update(canonicalAuditJson(entry)).digest('hex'));
  });

  it('changes when any covered field changes', () => {
    const base = auditEntryHash(null, entry);
    for (const changed of [{ id: 8 }, { actor: 'mallory' }, { at: new Date('2026-11-23T08:00:01.235Z') }, { ruleIds: [] }, { detailText: '{}' }, { threadId: 't' }]) {
      expect(auditEntryHash(null, { ...entry, ...changed })).not.toBe(base);
    }
  });
});
