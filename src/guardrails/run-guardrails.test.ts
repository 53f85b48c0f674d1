import { describe, expect, it } from 'vitest';
import { GuardrailVerdict } from '../domain/plan.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, sampleSchedule } from './guardrail-fixtures.ts';
import type { GuardrailRule } from './guardrail-input.ts';
import { DEFAULT_RULES, runGuardrails } from './run-guardrails.ts';

const cleanSms = sampleMessage({ text: '[Lumen] We miss you! 20% off everything this week. Reply STOP to opt out' });

describe('runGuardrails', () => {
  it('runs the rules in their fixed order', () => {
    expect(DEFAULT_RULES.map((rule) => rule.id)).toEqual([
      'discount.ceiling',
      'discount.category_ceiling',
      'discount.segment_ceiling',
      'discount.margin_floor',
      'discount.budget',
      'discount.stacking',
      'claims.banned',
      'content.personal_data',
      'copy.brand_voice',
      'consent.channel',
      'content.required',
      'copy.channel_limits',
      'quiet_hours.local_time',
      'trigger.exit_condition',
      'frequency.cap',
      'audience.minors',
    ]);
    expect(new Set(DEFAULT_RULES.map((rule) => rule.id)).size).toBe(DEFAULT_RULES.length);
  });

  it('passes a clean plan', () => {
    const input = sampleInput({ draft: sampleDraft({ messages: [cleanSms] }) });
    const report = runGuardrails(input);
    expect(report.verdicts.filter((verdict) => verdict.status !== 'pass')).toEqual([]);
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
      ['discount.category_ceiling', 'pass'],
      ['discount.segment_ceiling', 'pass'],
      ['discount.margin_floor', 'pass'],
      ['discount.budget', 'pass'],
      ['discount.stacking', 'pass'],
      ['claims.banned', 'fixed'],
      ['content.personal_data', 'pass'],
      ['copy.brand_voice', 'pass'],
      ['consent.channel', 'fixed'],
      ['content.required', 'fixed'],
      ['copy.channel_limits', 'pass'],
      ['quiet_hours.local_time', 'fixed'],
      ['trigger.exit_condition', 'pass'],
      ['frequency.cap', 'fixed'],
      ['audience.minors', 'fixed'],
    ]);
    expect(report.draft).toEqual({
      brief: { ...input.draft.brief, offer: { type: 'percent_off', percent: 30 }, channels: ['sms'] },
      messages: [sampleMessage({ text: '【乐萌】超值价！全场7折，保证正品。回T退订' })],
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
    const detail = (rule: string) => report.verdicts.find((verdict) => verdict.rule === rule)?.detail;
    expect(detail('content.required')).toBe('已在短信A末尾加上“回T退订”；已在短信A开头加上发送方标识“【乐萌】”');
    expect(detail('audience.minors')).toBe('已排除 3 位未满 18 岁的客户');
  });

  it('never leaves a 60% offer, a 23:30 send or 全网最好 in what it returns', () => {
    const input = sampleInput({
      draft: sampleDraft({
        brief: sampleBrief({ offer: { type: 'percent_off', percent: 60 }, locale: 'zh', timing: { kind: 'at', localDateTime: '2025-11-11T23:30' } }),
        messages: [sampleMessage({ text: '【乐萌】全网最好的茶，全场4折，立减60%！回T退订' })],
        schedule: sampleSchedule({ localDateTime: '2025-11-11T23:30', summary: '11月11日 23:30 在收件人当地时间（Asia/Shanghai）发送' }),
      }),
    });
    const report = runGuardrails(input);
    expect(report.blocked).toBe(false);
    expect(report.draft.brief.offer).toEqual({ type: 'percent_off', percent: 30 });
    expect(report.draft.schedule.localDateTime).toBe('2025-11-12T08:00');
    const copy = report.draft.messages.map((message) => message.text).join('\n');
    expect(copy).toBe('【乐萌】口碑好的茶，全场7折，立减30%！回T退订');
  });

  it('reports blocked when any rule blocks, and still runs the rest', () => {
    const input = sampleInput({
      draft: sampleDraft({ messages: [cleanSms] }),
      audience: { count: 2000, reachable: { sms: 0 }, minors: 0, overFrequencyCap: 0 },
    });
    const report = runGuardrails(input);
    expect(report.blocked).toBe(true);
    expect(report.verdicts).toHaveLength(DEFAULT_RULES.length);
    expect(report.verdicts.filter((verdict) => verdict.status === 'blocked')).toEqual([
      { rule: 'consent.channel', status: 'blocked', detail: 'nobody in the segment has consented to sms' },
    ]);
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
