import { describe, expect, it } from 'vitest';
import { GuardrailVerdict } from '../domain/plan.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, sampleSchedule } from './guardrail-fixtures.ts';
import type { GuardrailRule } from './guardrail-input.ts';
import { DEFAULT_RULES, runGuardrails } from './run-guardrails.ts';

describe('runGuardrails', () => {
  it('runs the rules in their fixed order', () => {
    expect(DEFAULT_RULES.map((rule) => rule.id)).toEqual([
      'discount.ceiling',
      'claims.banned',
      'consent.channel',
      'quiet_hours.local_time',
      'frequency.cap',
      'audience.minors',
    ]);
  });

  it('passes a clean plan', () => {
    const input = sampleInput();
    const report = runGuardrails(input);
    expect(report.verdicts.map((verdict) => verdict.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(report).toMatchObject({ draft: input.draft, exclusions: ['no_consent'], blocked: false });
    for (const verdict of report.verdicts) expect(GuardrailVerdict.parse(verdict)).toEqual(verdict);
  });

  it('feeds each rule the draft the rules before it revised', () => {
    const input = sampleInput({
      draft: sampleDraft({
        brief: sampleBrief({ offer: { type: 'percent_off', percent: 50 }, channels: ['sms', 'push'], locale: 'zh' }),
        messages: [
          sampleMessage({ text: '全网最低价！全场5折，保证正品' }),
          sampleMessage({ channel: 'push', title: 'Guaranteed savings', text: '50% off, the best in the world' }),
        ],
        schedule: sampleSchedule({ localDateTime: '2025-11-11T23:30', summary: '11月11日 23:30 发送' }),
      }),
      audience: { count: 2000, reachable: { sms: 1500, push: 0 }, minors: 3, overFrequencyCap: 40 },
    });
    const report = runGuardrails(input);
    expect(report.verdicts.map((verdict) => [verdict.rule, verdict.status])).toEqual([
      ['discount.ceiling', 'fixed'],
      ['claims.banned', 'fixed'],
      ['consent.channel', 'fixed'],
      ['quiet_hours.local_time', 'fixed'],
      ['frequency.cap', 'fixed'],
      ['audience.minors', 'fixed'],
    ]);
    expect(report.draft).toEqual({
      brief: { ...input.draft.brief, offer: { type: 'percent_off', percent: 30 }, channels: ['sms'] },
      messages: [sampleMessage({ text: '超值价！全场7折，保证正品' })],
      schedule: {
        ...input.draft.schedule,
        localDateTime: '2025-11-12T08:00',
        summary: '11月12日 08:00 发送（已避开免打扰时段 21:00-08:00）',
        firstSendUtc: '2025-11-11T04:30:00.000Z',
        lastSendUtc: '2025-11-12T04:30:00.000Z',
      },
    });
    expect(report.exclusions).toEqual(['no_consent', 'over_frequency_cap', 'minors']);
    expect(report.blocked).toBe(false);
  });

  it('reports blocked when any rule blocks, and still runs the rest', () => {
    const input = sampleInput({ audience: { count: 2000, reachable: { sms: 0 }, minors: 0, overFrequencyCap: 0 } });
    const report = runGuardrails(input);
    expect(report.blocked).toBe(true);
    expect(report.verdicts).toHaveLength(6);
    expect(report.verdicts[2]).toEqual({
      rule: 'consent.channel',
      status: 'blocked',
      detail: 'nobody in the segment has consented to sms',
    });
  });

  it('runs the rules it is given and dedupes their exclusions', () => {
    const excludeMinors: GuardrailRule = {
      id: 'test.minors',
      check: (input) => ({ verdict: { rule: 'test.minors', status: 'fixed', detail: 'x' }, draft: input.draft, exclusions: ['minors'] }),
    };
    const report = runGuardrails(sampleInput(), { rules: [excludeMinors, excludeMinors] });
    expect(report.exclusions).toEqual(['minors']);
    expect(report.verdicts).toHaveLength(2);
  });
});
