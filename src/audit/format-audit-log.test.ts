import { describe, expect, it } from 'vitest';
import { describeVerification, formatAuditLog, summariseDetail } from './format-audit-log.ts';
import type { AuditLogEntry } from './read-audit-log.ts';

function entry(changes: Partial<AuditLogEntry>): AuditLogEntry {
  return {
    id: 1,
    at: new Date('2026-11-23T08:00:01.234Z'),
    actor: 'planner',
    action: 'submitted_for_approval',
    campaignId: 'cmp_1',
    threadId: 't1',
    ruleIds: [],
    detail: {},
    detailText: '{}',
    prevHash: null,
    hash: 'h',
    ...changes,
  };
}

describe('summariseDetail', () => {
  it('shows reasons, comments and verdict counts in one line', () => {
    expect(
      summariseDetail({
        reasons: ['the discount of 30% is above the 0% that may go out without approval'],
        guardrails: [{ status: 'pass' }, { status: 'fixed' }, { status: 'pass' }],
      }),
    ).toBe('reasons: the discount of 30% is above the 0% that may go out without approval | guardrails: 3 verdicts (2 pass, 1 fixed)');
    expect(summariseDetail({ comment: 'ok\nship it', nothing: null })).toBe('comment: ok ship it');
    expect(summariseDetail({})).toBe('');
    expect(summariseDetail({ comment: 'x'.repeat(200) }, 20)).toBe(`comment: ${'x'.repeat(10)}…`);
  });
});

describe('formatAuditLog', () => {
  it('prints one line per entry and the chain check', () => {
    const entries = [
      entry({ ruleIds: ['discount.ceiling'], detail: { reasons: ['a guardrail changed the plan: discount.ceiling'] } }),
      entry({ id: 2, actor: 'olga', action: 'approved', detail: { comment: 'ok' }, at: new Date('2026-11-23T09:30:00Z') }),
    ];
    expect(formatAuditLog('cmp_1', entries, { ok: true, checked: 2, firstBrokenId: null, reason: null })).toBe(
      [
        'Audit log of campaign cmp_1: 2 entries',
        '#1  2026-11-23 08:00:01Z  planner  submitted_for_approval  rules: discount.ceiling  reasons: a guardrail changed the plan: discount.ceiling',
        '#2  2026-11-23 09:30:00Z  olga  approved  comment: ok',
        'Hash chain verified: 2 entries intact.',
        '',
      ].join('\n'),
    );
  });

  it('says where the chain breaks', () => {
    expect(describeVerification({ ok: false, checked: 3, firstBrokenId: 3, reason: 'entry 3 was changed' })).toBe(
      'Hash chain BROKEN at entry 3: entry 3 was changed',
    );
  });
});
