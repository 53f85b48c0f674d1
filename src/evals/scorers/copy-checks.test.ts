// Copy checks: language, channel coverage and limits, opt-out, banned claims (read independently
// of the guardrail), the offer's figure and no deeper or invented discount, expected wording.
import { describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../domain/plan.ts';
import { loadPolicy } from '../../guardrails/policy-file.ts';
import { findClaims } from './claim-terms.ts';
import { copyScores, offerFigures, statedDiscounts } from './copy-checks.ts';
import { sampleCase, sampleOutput, samplePlan } from './scorer-fixtures.ts';

const policy = loadPolicy();
const scoresOf = (messages: PlannedMessage[], planChanges = {}, caseFields = {}) =>
  Object.fromEntries(copyScores(sampleCase(caseFields), sampleOutput({}, { messages, ...planChanges }), policy).map((score) => [score.key, score]));
const sms = (text: string, variant = 'A'): PlannedMessage => ({ channel: 'sms', variant, title: null, text });

describe('copyScores', () => {
  it('passes copy that follows every rule', () => {
    const scores = copyScores(sampleCase({ expect: { copy: { mentions: [['10% off']], forbidden: ['60%'] } } }), sampleOutput(), policy);
    expect(scores.map((score) => [score.key, score.pass])).toEqual([
      ['copy.language', true],
      ['copy.channel_limits', true],
      ['copy.banned_claims', true],
      ['copy.offer_figure', true],
      ['copy.channels', true],
      ['copy.opt_out', true],
      ['copy.expected_text', true],
    ]);
  });

  it('catches a missing opt-out, a banned claim, a wrong or deeper figure and copy in the wrong language', () => {
    const scores = scoresOf([sms('[Lumen] Guaranteed best ever deal: 40% off!'), sms('【乐萌】您好，9折优惠。回T退订', 'B')]);
    expect(scores['copy.opt_out']).toMatchObject({ pass: false, reason: 'sms/A has no opt-out' });
    expect(scores['copy.banned_claims']).toMatchObject({ pass: false, reason: 'sms/A says "best ever"; sms/A says "guaranteed"' });
    expect(scores['copy.offer_figure']).toMatchObject({ pass: false, reason: 'sms/A does not state the offer (10%); sms/A states 40% off, deeper than the offer; sms/B does not state the offer (10%)' });
    expect(scores['copy.language']).toMatchObject({ pass: false, reason: 'sms/B is not in English' });
  });

  it('flags copy that invents a discount the brief does not offer', () => {
    const brief = { ...samplePlan().brief!, offer: null };
    const scores = scoresOf([sms('[Lumen] New arrivals, 20% off today. Reply STOP to opt out')], { brief });
    expect(scores['copy.offer_figure']).toMatchObject({ pass: false, reason: 'sms/A states a discount (20% off) the brief does not offer' });
  });

  it('checks channel coverage against the brief', () => {
    const brief = { ...samplePlan().brief!, channels: ['sms', 'email'] as const };
    const scores = scoresOf([sms('[Lumen] 10% off. Reply STOP to opt out'), { channel: 'push', variant: 'A', title: 'Hi', text: '10% off' }], { brief: { ...brief, channels: [...brief.channels] } });
    expect(scores['copy.channels']).toMatchObject({ pass: false, reason: 'no copy for email; copy for unplanned channel push' });
  });

  it('fails a case that expects wording when there is no copy', () => {
    const scores = copyScores(sampleCase({ expect: { copy: { mentions: [['9折']] } } }), sampleOutput({}, { messages: [], status: 'blocked' }), policy);
    expect(scores).toEqual([{ key: 'copy.expected_text', score: 0, pass: false, reason: 'no copy (status blocked)' }]);
  });
});

describe('offer figures', () => {
  it('words each offer the ways copy may state it', () => {
    expect(offerFigures({ type: 'percent_off', percent: 15 }, 'zh')).toEqual(['8.5折', '85折', '15%']);
    expect(offerFigures({ type: 'percent_off', percent: 10 }, 'en')).toEqual(['10%']);
    expect(offerFigures({ type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }, 'zh')).toEqual(['满300减50']);
    expect(offerFigures({ type: 'free_shipping' }, 'zh')).toEqual(['包邮']);
  });

  it('reads the discounts copy states, in both languages', () => {
    expect(statedDiscounts('Save 25% today, or 30% off orders, 满300减90, 七 7折, 85折, 8.5折').map((found) => [found.text, found.percentOff])).toEqual([
      ['Save 25%', 25],
      ['30% off', 30],
      ['7折', 30],
      ['85折', 15],
      ['8.5折', 15],
      ['满300减90', 30],
    ]);
  });
});

describe('findClaims', () => {
  it('finds banned terms as whole words, case- and width-insensitively, outside listed exceptions', () => {
    expect(findClaims('ＧＵＡＲＡＮＴＥＥＤ results, the No.1 brand', policy)).toEqual(['guaranteed', 'no.1']);
    expect(findClaims('A secure checkout; procure a cure-all', policy)).toEqual(['cure']);
    expect(findClaims('最近上新，全网最低价', policy)).toEqual(['全网最低', '最低价', '最']);
    expect(findClaims('最近上新，最后一天', policy)).toEqual([]);
  });
});
