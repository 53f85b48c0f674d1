import { describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '../../domain/segment.ts';
import { sampleBrief, sampleDraft, sampleInput } from '../guardrail-fixtures.ts';
import { audienceMinors, segmentAsksForMinors } from './audience-minors.ts';

const anyone: SegmentDefinition = { version: 1, root: { kind: 'churn_risk', level: 'high' } };
const teens: SegmentDefinition = {
  version: 1,
  root: { kind: 'and', conditions: [{ kind: 'age', min: 16, max: 25 }, { kind: 'consent', channel: 'sms' }] },
};

function input(minors: number, category: string | null, segment: SegmentDefinition = anyone, locale: 'en' | 'zh' = 'en') {
  return sampleInput({
    draft: sampleDraft({ brief: sampleBrief({ category, locale }) }),
    audience: { count: 2000, reachable: { sms: 1234 }, minors, overFrequencyCap: 0 },
    segment,
  });
}

describe('audience.minors', () => {
  it('passes a segment without minors', () => {
    const passing = input(0, 'tea');
    expect(audienceMinors.check(passing)).toEqual({
      verdict: { rule: 'audience.minors', status: 'pass', detail: 'no customers under 18 in the segment' },
      draft: passing.draft,
      exclusions: [],
    });
  });

  it('leaves out minors for an unrestricted category', () => {
    const fixed = input(42, 'snacks');
    expect(audienceMinors.check(fixed)).toEqual({
      verdict: { rule: 'audience.minors', status: 'fixed', detail: '42 customers under 18 are left out' },
      draft: fixed.draft,
      exclusions: ['minors'],
    });
  });

  it('blocks a restricted category whose segment holds minors, whatever the case of the category', () => {
    const blocked = input(42, 'Alcohol');
    expect(audienceMinors.check(blocked)).toEqual({
      verdict: {
        rule: 'audience.minors',
        status: 'blocked',
        detail: '42 customers in the segment are under 18, and Alcohol may not be promoted to minors',
      },
      draft: blocked.draft,
      exclusions: ['minors'],
    });
  });

  it('blocks a restricted category whose segment asks for minors, even before counting any', () => {
    expect(audienceMinors.check(input(0, 'gambling', teens)).verdict).toEqual({
      rule: 'audience.minors',
      status: 'blocked',
      detail: 'the segment asks for customers under 18, and gambling may not be promoted to minors',
    });
  });

  it('lets an unrestricted category ask for young customers, leaving minors out', () => {
    expect(audienceMinors.check(input(5, 'snacks', teens)).verdict.status).toBe('fixed');
  });
});

describe('audience.minors in Chinese', () => {
  it('passes, fixes and blocks with Chinese details', () => {
    expect(audienceMinors.check(input(0, 'tea', anyone, 'zh')).verdict.detail).toBe('人群中没有未满 18 岁的客户');
    expect(audienceMinors.check(input(42, 'snacks', anyone, 'zh')).verdict).toEqual({
      rule: 'audience.minors',
      status: 'fixed',
      detail: '已排除 42 位未满 18 岁的客户',
    });
    expect(audienceMinors.check(input(42, 'alcohol', anyone, 'zh')).verdict).toEqual({
      rule: 'audience.minors',
      status: 'blocked',
      detail: '人群中有 42 位客户未满 18 岁，而 alcohol 不得向未成年人推广',
    });
    expect(audienceMinors.check(input(0, 'alcohol', teens, 'zh')).verdict.detail).toBe('该人群条件包含未满 18 岁的客户，而 alcohol 不得向未成年人推广');
  });
});

describe('segmentAsksForMinors', () => {
  it('reads age conditions, including negated ones', () => {
    const ask = (root: SegmentDefinition['root']) => segmentAsksForMinors({ version: 1, root }, 18);
    expect(ask({ kind: 'age', min: 18 })).toBe(false);
    expect(ask({ kind: 'age', min: 21, max: 40 })).toBe(false);
    expect(ask({ kind: 'age', max: 30 })).toBe(true);
    expect(ask({ kind: 'not', condition: { kind: 'age', min: 18 } })).toBe(true);
    expect(ask({ kind: 'not', condition: { kind: 'age', max: 17 } })).toBe(false);
    expect(ask({ kind: 'not', condition: { kind: 'age', max: 15 } })).toBe(true);
    expect(ask({ kind: 'or', conditions: [{ kind: 'consent', channel: 'sms' }, { kind: 'age', min: 16 }] })).toBe(true);
    expect(ask({ kind: 'churn_risk', level: 'high' })).toBe(false);
  });
});
