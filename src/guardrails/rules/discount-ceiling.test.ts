import { describe, expect, it } from 'vitest';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import type { GuardrailInput } from '../guardrail-input.ts';
import { discountCeiling } from './discount-ceiling.ts';

const blockPolicy = samplePolicy({ discount: { ...samplePolicy().discount, onExceed: 'block' } });

function inputWith(offer: GuardrailInput['draft']['brief']['offer'], texts: string[], changes: Partial<GuardrailInput> = {}) {
  return sampleInput({
    draft: sampleDraft({
      brief: sampleBrief({ offer }),
      messages: texts.map((text, index) => sampleMessage({ variant: String.fromCharCode(65 + index), text })),
    }),
    ...changes,
  });
}

describe('discount.ceiling', () => {
  it('passes an offer within the ceiling', () => {
    const input = inputWith({ type: 'percent_off', percent: 20 }, ['20% off everything', '全场8折']);
    expect(discountCeiling.check(input)).toEqual({
      verdict: { rule: 'discount.ceiling', status: 'pass', detail: 'the offer 20% off is a 20% discount, within the 30% ceiling' },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('passes an amount off measured against the average order value', () => {
    const input = inputWith({ type: 'amount_off', amount: 50, currency: 'CNY' }, ['¥50 off your next order']);
    expect(discountCeiling.check(input).verdict.detail).toBe(
      'the offer CNY 50 off is a 25% discount on the average order of CNY 200, within the 30% ceiling',
    );
  });

  it('passes a plan without an offer', () => {
    expect(discountCeiling.check(inputWith(null, ['New arrivals are in'])).verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'pass',
      detail: 'no discount offered; the 30% ceiling applies',
    });
  });

  it('fixes a percentage above the ceiling, in the offer and in English copy', () => {
    const input = inputWith({ type: 'percent_off', percent: 50 }, ['50% off everything this week!']);
    const outcome = discountCeiling.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'fixed',
      detail: 'lowered the offer from 50% off to 30% off, the 30% ceiling; changed the copy: "50% off" -> "30% off" (sms A)',
    });
    expect(outcome.draft).toEqual({
      ...input.draft,
      brief: { ...input.draft.brief, offer: { type: 'percent_off', percent: 30 } },
      messages: [sampleMessage({ text: '30% off everything this week!' })],
    });
  });

  it('fixes a Chinese threshold offer and its copy', () => {
    const input = inputWith({ type: 'threshold', threshold: 300, amount: 150, currency: 'CNY' }, ['双11满300减150，立减150元！']);
    const outcome = discountCeiling.check(input);
    expect(outcome.verdict.detail).toBe(
      'lowered the offer from CNY 150 off orders of CNY 300 or more (a 50% discount) to CNY 90 off orders of CNY 300 or more, ' +
        'the 30% ceiling; changed the copy: "满300减150" -> "满300减90" (sms A), "150元" -> "90元" (sms A)',
    );
    expect(outcome.draft.brief.offer).toEqual({ type: 'threshold', threshold: 300, amount: 90, currency: 'CNY' });
    expect(outcome.draft.messages[0]?.text).toBe('双11满300减90，立减90元！');
  });

  it('fixes an amount off against the average order value', () => {
    const input = inputWith({ type: 'amount_off', amount: 100, currency: 'CNY' }, ['Take ¥100 off']);
    const outcome = discountCeiling.check(input);
    expect(outcome.verdict.status).toBe('fixed');
    expect(outcome.draft.brief.offer).toEqual({ type: 'amount_off', amount: 60, currency: 'CNY' });
    expect(outcome.draft.messages[0]?.text).toBe('Take ¥60 off');
  });

  it('fixes copy deeper than the ceiling even when the offer is within it', () => {
    const input = inputWith({ type: 'percent_off', percent: 20 }, ['全场5折起', 'Up to 70% off']);
    const outcome = discountCeiling.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'fixed',
      detail: 'changed the copy: "5折" -> "7折" (sms A), "70% off" -> "30% off" (sms B)',
    });
    expect(outcome.draft.brief.offer).toEqual({ type: 'percent_off', percent: 20 });
    expect(outcome.draft.messages.map((message) => message.text)).toEqual(['全场7折起', 'Up to 30% off']);
  });

  it('blocks an offer above the ceiling when the policy says block, naming both numbers', () => {
    const input = inputWith({ type: 'percent_off', percent: 50 }, ['50% off everything', '全场5折'], { policy: blockPolicy });
    expect(discountCeiling.check(input)).toEqual({
      verdict: {
        rule: 'discount.ceiling',
        status: 'blocked',
        detail:
          'the offer 50% off is a 50% discount, above the 30% ceiling; ' +
          'the copy advertises "50% off" (sms A), "5折" (sms B), deeper than the 30% ceiling',
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('blocks deep copy under a block policy even when the offer is fine', () => {
    const input = inputWith({ type: 'percent_off', percent: 10 }, ['全场半价'], { policy: blockPolicy });
    expect(discountCeiling.check(input).verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'blocked',
      detail: 'the copy advertises "半价" (sms A), deeper than the 30% ceiling',
    });
  });

  it('blocks an amount off that cannot be measured', () => {
    const input = inputWith({ type: 'amount_off', amount: 100, currency: 'CNY' }, ['¥100 off'], { referenceOrderValue: 0 });
    expect(discountCeiling.check(input).verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'blocked',
      detail:
        'the offer CNY 100 off is a 100% discount (the segment has no average order value to measure it against), ' +
        'above the 30% ceiling, and cannot be lowered to it',
    });
  });

  it('speaks Chinese for a Chinese brief', () => {
    const zh = (offer: GuardrailInput['draft']['brief']['offer'], texts: string[], changes: Partial<GuardrailInput> = {}) => {
      const input = inputWith(offer, texts, changes);
      return { ...input, draft: { ...input.draft, brief: { ...input.draft.brief, locale: 'zh' as const } } };
    };
    expect(discountCeiling.check(zh({ type: 'percent_off', percent: 20 }, ['全场8折'])).verdict.detail).toBe(
      '优惠“减20%”相当于 20% 的折扣，未超过 30% 的折扣上限',
    );
    expect(discountCeiling.check(zh(null, ['新品上架'])).verdict.detail).toBe('未提供折扣；适用 30% 的折扣上限');
    expect(discountCeiling.check(zh({ type: 'amount_off', amount: 50, currency: 'CNY' }, ['立减50元'])).verdict.detail).toBe(
      '优惠“立减 CNY 50”按平均订单 CNY 200 计算相当于 25% 的折扣，未超过 30% 的折扣上限',
    );
    const fixed = discountCeiling.check(zh({ type: 'percent_off', percent: 60 }, ['全场4折']));
    expect(fixed.verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'fixed',
      detail: '已将优惠从“减60%”降为“减30%”，即 30% 的折扣上限；已修改文案：“4折” -> “7折”（短信A）',
    });
    expect(fixed.draft.messages[0]?.text).toBe('全场7折');
    expect(discountCeiling.check(zh({ type: 'percent_off', percent: 10 }, ['全场半价'], { policy: blockPolicy })).verdict).toEqual({
      rule: 'discount.ceiling',
      status: 'blocked',
      detail: '文案宣传的“半价”（短信A）超过 30% 的折扣上限',
    });
  });
});
