// Recurring goals through the whole offline parser, in English and Chinese: the timing, and that the
// repeat words do not leak into the audience or the channels.
import { describe, expect, it } from 'vitest';
import { Brief } from '../../../domain/brief.ts';
import { parseGoal } from './parse-goal.ts';

// Monday 2026-11-23, 16:00 in Shanghai.
const now = new Date('2026-11-23T08:00:00Z');

describe('parseGoal: recurring sends', () => {
  it('every Monday 10am for 4 weeks', () => {
    const parsed = parseGoal('Newsletter to VIP customers by email every Monday 10am for 4 weeks', { now });
    expect(parsed.brief.timing).toEqual({ kind: 'recurring', weekdays: [1], localTime: '10:00', count: 4, startDate: null });
    expect(parsed.brief.channels).toEqual(['email']);
    expect(Brief.safeParse(parsed.brief).success).toBe(true);
    expect(parsed.assumptions.some((note) => /send time|no end given/.test(note))).toBe(false);
  });

  it('每周一上午10点 without an end: four sends, and says so', () => {
    const parsed = parseGoal('给高价值客户每周一上午10点发短信，8折优惠', { now });
    expect(parsed.brief.timing).toEqual({ kind: 'recurring', weekdays: [1], localTime: '10:00', count: 4, startDate: null });
    expect(parsed.brief.channels).toEqual(['sms']);
    expect(parsed.assumptions).toContain('未指定结束时间：共发送4次后停止');
  });

  it('每周二、周五晚上8点，连续3周 with a segment window elsewhere in the goal', () => {
    const parsed = parseGoal('90天没买过的客户，每周二、周五晚上8点推送，连续3周', { now });
    expect(parsed.brief.timing).toEqual({ kind: 'recurring', weekdays: [2, 5], localTime: '20:00', count: 6, startDate: null });
    expect(JSON.stringify(parsed.segment)).toContain('"days":90');
  });
});
