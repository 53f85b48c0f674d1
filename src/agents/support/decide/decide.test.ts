// The support bot's pure decisions: sentiment band and trend, the tone rule that wins, the
// escalation rules, and compensation under every ceiling and the per-customer limit.
import { describe, expect, it } from 'vitest';
import type { CustomerOrder } from '../../../data/support-records.ts';
import { loadPolicy } from '../../../guardrails/policy-file.ts';
import { loadSupportPolicy } from '../../../guardrails/support-policy-file.ts';
import { chooseTone, sentimentBand, sentimentTrend } from './choose-tone.ts';
import { compensationLimitPercent, decideCompensation } from './compensation.ts';
import { escalationAfterAnswer, escalationBeforeAnswer } from './escalation.ts';

const policy = loadPolicy();
const support = loadSupportPolicy();

function order(total: number, categories: string[], status: CustomerOrder['status'] = 'completed'): CustomerOrder {
  return {
    id: 'O1-1',
    orderedAt: '2026-11-20T00:00:00.000Z',
    status,
    total,
    currency: 'CNY',
    lines: categories.map((category, index) => ({ productId: `P${index}`, name: `product ${index}`, category, quantity: 1 })),
  };
}

describe('tone', () => {
  it('bands scores by the policy thresholds and treats unsure messages as neutral', () => {
    const band = (score: number, confidence = 0.9) => sentimentBand({ score, confidence }, support.sentiment);
    expect([band(-0.9), band(-0.6), band(-0.3), band(0), band(0.04), band(0.5), band(-0.9, 0.1)]).toEqual([
      'very_negative',
      'very_negative',
      'negative',
      'neutral',
      'neutral',
      'positive',
      'neutral',
    ]);
  });

  it('reads the trend against the mean of the earlier turns in the window', () => {
    expect(sentimentTrend([0.2], support.sentiment)).toBe('steady');
    expect(sentimentTrend([0, 0, -0.5], support.sentiment)).toBe('worsening');
    expect(sentimentTrend([-0.8, -0.6, 0.1], support.sentiment)).toBe('improving');
    // Only the last trendTurns (3) count: the early fury is out of the window.
    expect(sentimentTrend([-0.9, 0.3, 0.3, 0.2], support.sentiment)).toBe('steady');
  });

  it('picks the first matching rule: each band its register, a worsening negative apologises', () => {
    const register = (band: Parameters<typeof chooseTone>[0], trend: Parameters<typeof chooseTone>[1]) => chooseTone(band, trend, support.tone).register;
    expect({
      veryNegative: register('very_negative', 'steady'),
      negative: register('negative', 'steady'),
      negativeWorsening: register('negative', 'worsening'),
      neutral: register('neutral', 'improving'),
      neutralWorsening: register('neutral', 'worsening'),
      positive: register('positive', 'improving'),
    }).toEqual({
      veryNegative: 'apologetic_brief',
      negative: 'empathetic_solution_first',
      negativeWorsening: 'apologetic_brief',
      neutral: 'concise',
      neutralWorsening: 'empathetic_solution_first',
      positive: 'warm',
    });
  });
});

describe('escalation', () => {
  const before = (text: string, veryNegativeTurns = 0) => escalationBeforeAnswer(text, { veryNegativeTurns }, support.escalation);

  it('hands over for legal or safety words, a request for a person, or repeated fury', () => {
    expect(before('I will sue you')).toBe('legal_or_safety');
    expect(before('the battery caught fire')).toBe('legal_or_safety');
    expect(before('我要去消协投诉')).toBe('legal_or_safety');
    expect(before('let me talk to a human')).toBe('human_requested');
    expect(before('请帮我转人工')).toBe('human_requested');
    expect(before('this is awful', 2)).toBe('very_negative_repeated');
    expect(before('this is awful', 1)).toBeNull();
  });

  it('matches English words whole: "issue" is not "sue", "courtesy" not "court"', () => {
    expect(before('there is an issue with my order, thanks for the courtesy')).toBeNull();
  });

  it('hands over after the configured number of turns without progress', () => {
    expect([escalationAfterAnswer(2, support.escalation), escalationAfterAnswer(3, support.escalation)]).toEqual([null, 'no_progress']);
  });
});

describe('compensation', () => {
  it('caps by the lowest ceiling: support cap, campaign ceiling, category ceiling', () => {
    expect(compensationLimitPercent(order(200, ['phone_accessories']), policy, support)).toBe(15);
    expect(compensationLimitPercent(order(800, ['alcohol', 'electronics']), policy, support)).toBe(10);
    expect(compensationLimitPercent(order(200, ['fashion']), { ...policy, discount: { ...policy.discount, ceilingPercent: 5 } }, support)).toBe(5);
  });

  it('offers the band percentage within the caps, and nothing for neutral or positive customers', () => {
    const decide = (band: 'very_negative' | 'negative' | 'neutral', total: number, categories: string[], alreadyGiven = 0) =>
      decideCompensation({ order: order(total, categories), band, alreadyGiven, policy, supportPolicy: support });
    expect(decide('negative', 200, ['fashion'])).toEqual({ kind: 'offer', offer: { orderId: 'O1-1', amount: 20, currency: 'CNY', percent: 10 }, limitPercent: 15 });
    expect(decide('very_negative', 800, ['alcohol'])).toEqual({ kind: 'offer', offer: { orderId: 'O1-1', amount: 80, currency: 'CNY', percent: 10 }, limitPercent: 10 });
    expect(decide('neutral', 200, ['fashion'])).toEqual({ kind: 'none', reason: 'band_not_compensated', limitPercent: 15 });
  });

  it('never takes a customer above the per-customer limit', () => {
    const decide = (alreadyGiven: number) => decideCompensation({ order: order(1000, ['home']), band: 'very_negative', alreadyGiven, policy, supportPolicy: support });
    expect(decide(0)).toMatchObject({ kind: 'offer', offer: { amount: 100, percent: 10 } });
    expect(decide(70)).toMatchObject({ kind: 'offer', offer: { amount: 30, percent: 3 } });
    expect(decide(100)).toEqual({ kind: 'none', reason: 'limit_reached', limitPercent: 15 });
  });

  it('gives nothing on a cancelled order', () => {
    expect(decideCompensation({ order: order(200, ['home'], 'cancelled'), band: 'very_negative', alreadyGiven: 0, policy, supportPolicy: support })).toEqual({
      kind: 'none',
      reason: 'order_not_eligible',
      limitPercent: 15,
    });
  });
});
