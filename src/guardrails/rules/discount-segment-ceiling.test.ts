import { describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '../../domain/segment.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import { discountSegmentCeiling, segmentConditionKinds } from './discount-segment-ceiling.ts';

const cartAbandoners: SegmentDefinition = {
  version: 1,
  root: {
    kind: 'and',
    conditions: [
      { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: { type: 'rolling', days: 7 } },
      { kind: 'churn_risk', level: 'medium' },
      { kind: 'consent', channel: 'sms' },
    ],
  },
};

function inputFor(segment: SegmentDefinition, percent: number, text: string, locale: 'en' | 'zh' = 'en', onExceed: 'fix' | 'block' = 'fix') {
  const policy = samplePolicy();
  return sampleInput({
    segment,
    policy: { ...policy, discount: { ...policy.discount, onExceed, segmentCeilings: { sequence: 15, churn_risk: 25 } } },
    draft: sampleDraft({ brief: sampleBrief({ offer: { type: 'percent_off', percent }, locale }), messages: [sampleMessage({ text })] }),
  });
}

describe('segmentConditionKinds', () => {
  it('lists the kinds a segment asks for, leaving out negated ones', () => {
    expect(segmentConditionKinds(cartAbandoners)).toEqual(['sequence', 'churn_risk', 'consent']);
    expect(
      segmentConditionKinds({
        version: 1,
        root: { kind: 'or', conditions: [{ kind: 'age', min: 20 }, { kind: 'not', condition: { kind: 'churn_risk', level: 'high' } }] },
      }),
    ).toEqual(['age']);
  });
});

describe('discount.segment_ceiling', () => {
  it('passes a segment whose kinds have no ceiling', () => {
    const input = inputFor({ version: 1, root: { kind: 'age', min: 30 } }, 30, '30% off');
    expect(discountSegmentCeiling.check(input)).toEqual({
      verdict: {
        rule: 'discount.segment_ceiling',
        status: 'pass',
        detail: 'the policy sets no ceiling for the kinds of condition this segment is built on',
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('passes an offer within the lowest applicable ceiling', () => {
    expect(discountSegmentCeiling.check(inputFor(cartAbandoners, 10, '10% off')).verdict.detail).toBe(
      'the offer 10% off is a 10% discount, within the 15% ceiling for segments built on "sequence" conditions',
    );
  });

  it('lowers the offer to the lowest applicable ceiling', () => {
    const outcome = discountSegmentCeiling.check(inputFor(cartAbandoners, 20, 'Finish checkout: 20% off'));
    expect(outcome.verdict).toEqual({
      rule: 'discount.segment_ceiling',
      status: 'fixed',
      detail:
        'lowered the offer from 20% off to 15% off, the 15% ceiling for segments built on "sequence" conditions; ' +
        'changed the copy: "20% off" -> "15% off" (sms A)',
    });
    expect(outcome.draft.brief.offer).toEqual({ type: 'percent_off', percent: 15 });
    expect(outcome.draft.messages[0]?.text).toBe('Finish checkout: 15% off');
  });

  it('lowers Chinese copy and says so in Chinese', () => {
    const outcome = discountSegmentCeiling.check(inputFor(cartAbandoners, 20, '购物车商品享8折', 'zh'));
    expect(outcome.draft.messages[0]?.text).toBe('购物车商品享8.5折');
    expect(outcome.verdict.detail).toBe(
      '已将优惠从“减20%”降为“减15%”，即基于“sequence”条件的人群 15% 的折扣上限；已修改文案：“8折” -> “8.5折”（短信A）',
    );
  });

  it('blocks under a block policy', () => {
    expect(discountSegmentCeiling.check(inputFor(cartAbandoners, 20, '20% off', 'en', 'block')).verdict).toEqual({
      rule: 'discount.segment_ceiling',
      status: 'blocked',
      detail:
        'the offer 20% off is a 20% discount, above the 15% ceiling for segments built on "sequence" conditions; ' +
        'the copy advertises "20% off" (sms A), deeper than the 15% ceiling for segments built on "sequence" conditions',
    });
  });
});
