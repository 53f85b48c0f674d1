// Plan checks: each expectation becomes a named score that passes only when the plan matches, with
// a reason naming what differs.
import { describe, expect, it } from 'vitest';
import { planScores, segmentLeaves } from './plan-checks.ts';
import { sampleCase, sampleOutput, samplePlan } from './scorer-fixtures.ts';

const byKey = (scores: ReturnType<typeof planScores>) => Object.fromEntries(scores.map((score) => [score.key, score]));

describe('planScores', () => {
  it('passes a plan that matches every expectation', () => {
    const evalCase = sampleCase({
      expect: {
        status: ['needs_approval', 'scheduled'],
        brief: { objective: 'winback', channels: ['sms'], offer: { type: 'percent_off', percent: 10 }, timing: { kind: 'at' } },
        segment: { kinds: ['spend_rank'], conditions: [{ kind: 'spend_rank', topShare: 0.2 }, { kind: 'profile', values: ['Beijing'], negated: true }], forbidden: [{ kind: 'profile', values: ['Beijing'] }] },
        guardrails: { 'discount.ceiling': 'pass', 'audience.minors': 'fixed' },
      },
    });
    const scores = planScores(evalCase, sampleOutput());
    expect(scores.map((score) => [score.key, score.pass])).toEqual([
      ['status', true],
      ['brief.objective', true],
      ['brief.channels', true],
      ['brief.offer', true],
      ['brief.timing', true],
      ['segment.kinds', true],
      ['segment.conditions', true],
      ['guardrails.verdicts', true],
      ['forecast.sane', true],
    ]);
  });

  it('names what differs', () => {
    const evalCase = sampleCase({
      expect: {
        status: 'blocked',
        brief: { channels: ['sms', 'push'], timing: { kind: 'at', localDateTime: '2026-11-25T10:00' } },
        segment: { kinds: ['churn_risk'], conditions: [{ kind: 'profile', values: ['Beijing'] }] },
        guardrails: { 'discount.ceiling': 'fixed', 'quiet_hours.local_time': 'pass' },
      },
    });
    const scores = byKey(planScores(evalCase, sampleOutput()));
    expect(scores.status).toMatchObject({ pass: false, reason: 'status needs_approval, expected blocked' });
    expect(scores['brief.channels']).toMatchObject({ pass: false, reason: 'channels ["sms"], expected ["sms","push"]' });
    expect(scores['brief.timing']!.pass).toBe(false);
    expect(scores['segment.kinds']).toMatchObject({ pass: false, score: 0, reason: 'no churn_risk condition (has spend_rank, profile)' });
    // The Beijing condition is negated, so it does not satisfy a positive expectation.
    expect(scores['segment.conditions']).toMatchObject({ pass: false, reason: 'no condition matching {"kind":"profile","values":["Beijing"]}' });
    expect(scores['guardrails.verdicts']).toMatchObject({ pass: false, score: 0, reason: 'discount.ceiling pass, expected fixed: 10% is within the 30% ceiling; no quiet_hours.local_time verdict, expected pass' });
  });

  it('channels compare as a set and timing by the fields given', () => {
    const output = sampleOutput({}, { brief: { ...samplePlan().brief!, channels: ['push', 'sms'] } });
    const scores = byKey(planScores(sampleCase({ expect: { brief: { channels: ['sms', 'push'], timing: { kind: 'at', localDateTime: '2026-11-24T10:00' } } } }), output));
    expect(scores['brief.channels']!.pass).toBe(true);
    expect(scores['brief.timing']!.pass).toBe(true);
  });

  it('fails brief expectations of a plan without a brief, and checks the answer language', () => {
    const output = sampleOutput({}, { status: 'needs_clarification', brief: null, segment: null, forecast: null, messages: [], question: 'Which channel?', summary: 'Which channel?' });
    const zh = byKey(planScores(sampleCase({ locale: 'zh', expect: { brief: { objective: 'winback' } } }), output));
    expect(zh['brief.objective']).toMatchObject({ pass: false, reason: 'no brief (status needs_clarification), expected objective "winback"' });
    expect(zh['language.summary']).toMatchObject({ pass: false });
    expect(zh['forecast.sane']).toBeUndefined();
    const en = byKey(planScores(sampleCase(), output));
    expect(en['language.summary']).toMatchObject({ pass: true, reason: 'English' });
  });

  it('flags unordered forecast ranges and a reach above the reachable audience', () => {
    const forecast = { ...samplePlan().forecast!, reach: 500, revenue: { p10: 900, p50: 600, p90: 1000 } };
    const scores = byKey(planScores(sampleCase(), sampleOutput({}, { forecast })));
    expect(scores['forecast.sane']).toMatchObject({ pass: false, reason: 'revenue range is not ordered: {"p10":900,"p50":600,"p90":1000}; reach 500 exceeds the 80 reachable customers' });
  });
});

describe('segmentLeaves', () => {
  it('flattens the tree and marks leaves under an odd number of nots', () => {
    const leaves = segmentLeaves({ kind: 'not', condition: { kind: 'or', conditions: [{ kind: 'churn_risk', level: 'high' }, { kind: 'not', condition: { kind: 'gender', values: ['male'] } }] } });
    expect(leaves).toEqual([
      { condition: { kind: 'churn_risk', level: 'high' }, negated: true },
      { condition: { kind: 'gender', values: ['male'] }, negated: false },
    ]);
  });
});
