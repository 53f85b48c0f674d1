import { describe, expect, it } from 'vitest';
import { sampleBrief, sampleDraft, sampleInput, samplePolicy } from '../guardrail-fixtures.ts';
import { frequencyCap } from './frequency-cap.ts';

const withOverCap = (overFrequencyCap: number, count = 2000) =>
  sampleInput({ audience: { count, reachable: { sms: 1234 }, minors: 0, overFrequencyCap } });

describe('frequency.cap', () => {
  it('passes when nobody has reached the cap', () => {
    const input = withOverCap(0);
    expect(frequencyCap.check(input)).toEqual({
      verdict: { rule: 'frequency.cap', status: 'pass', detail: 'no customer in the segment already has 3 messages in the last 7 days' },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('leaves out customers at the cap', () => {
    const input = withOverCap(312);
    expect(frequencyCap.check(input)).toEqual({
      verdict: {
        rule: 'frequency.cap',
        status: 'fixed',
        detail: '312 customers already have 3 messages in the last 7 days; they are left out',
      },
      draft: input.draft,
      exclusions: ['over_frequency_cap'],
    });
  });

  it('speaks of one customer and a one-day window in the singular', () => {
    const input = { ...withOverCap(1), policy: samplePolicy({ frequencyCap: { maxMessages: 1, windowDays: 1 } }) };
    expect(frequencyCap.check(input).verdict.detail).toBe('1 customer already has 1 message in the last day; they are left out');
  });

  it('blocks when every customer is at the cap', () => {
    const input = withOverCap(2000);
    expect(frequencyCap.check(input)).toEqual({
      verdict: {
        rule: 'frequency.cap',
        status: 'blocked',
        detail: 'all 2,000 customers in the segment already have 3 messages in the last 7 days',
      },
      draft: input.draft,
      exclusions: ['over_frequency_cap'],
    });
  });

  it('speaks Chinese for a Chinese brief', () => {
    const zh = (overFrequencyCap: number) => ({
      ...withOverCap(overFrequencyCap),
      draft: sampleDraft({ brief: sampleBrief({ locale: 'zh' }) }),
    });
    expect(frequencyCap.check(zh(0)).verdict.detail).toBe('人群中没有客户最近 7 天内已有 3 条消息');
    expect(frequencyCap.check(zh(312)).verdict).toEqual({
      rule: 'frequency.cap',
      status: 'fixed',
      detail: '312 位客户最近 7 天内已有 3 条消息，已排除',
    });
    expect(frequencyCap.check(zh(2000)).verdict).toEqual({
      rule: 'frequency.cap',
      status: 'blocked',
      detail: '人群中全部 2,000 位客户都最近 7 天内已有 3 条消息',
    });
  });
});
