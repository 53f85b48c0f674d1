import { describe, expect, it } from 'vitest';
import type { Offer } from '../../domain/brief.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import type { GuardrailInput } from '../guardrail-input.ts';
import { deepestDiscountKeepingMargin, discountMarginFloor } from './discount-margin-floor.ts';

// Beauty sells at 200 on average and costs 120: a 40% margin at full price.
const margins = { beauty: { averagePrice: 200, averageCost: 120 } };

function inputFor(offer: Offer | null, text: string, changes: Partial<GuardrailInput> = {}, locale: 'en' | 'zh' = 'en', floor: number | null = 20) {
  const policy = samplePolicy();
  return sampleInput({
    policy: { ...policy, discount: { ...policy.discount, minMarginPercent: floor } },
    draft: sampleDraft({ brief: sampleBrief({ category: 'beauty', offer, locale }), messages: [sampleMessage({ text })] }),
    categoryMargins: margins,
    ...changes,
  });
}

describe('deepestDiscountKeepingMargin', () => {
  it('finds the deepest whole-percent discount that keeps the margin of the discounted price', () => {
    // 200 x (1 - 0.25) = 150, (150 - 120) / 150 = 20%.
    expect(deepestDiscountKeepingMargin({ averagePrice: 200, averageCost: 120 }, 20)).toBe(25);
    expect(deepestDiscountKeepingMargin({ averagePrice: 200, averageCost: 120 }, 0)).toBe(40);
    expect(deepestDiscountKeepingMargin({ averagePrice: 100, averageCost: 95 }, 10)).toBe(0);
    expect(deepestDiscountKeepingMargin({ averagePrice: 100, averageCost: 50 }, 100)).toBe(0);
  });
});

describe('discount.margin_floor', () => {
  it('passes, saying it could not check, without a floor, a category or price and cost data', () => {
    expect(discountMarginFloor.check(inputFor({ type: 'percent_off', percent: 30 }, '30% off', {}, 'en', null)).verdict.detail).toBe(
      'the policy sets no margin floor',
    );
    const noCategory = inputFor({ type: 'percent_off', percent: 30 }, '30% off');
    noCategory.draft.brief.category = null;
    expect(discountMarginFloor.check(noCategory).verdict).toEqual({
      rule: 'discount.margin_floor',
      status: 'pass',
      detail: 'the plan promotes no product category, so its margin could not be checked against the 20% floor',
    });
    const noData = inputFor({ type: 'percent_off', percent: 30 }, '30% off', { categoryMargins: undefined });
    expect(discountMarginFloor.check(noData)).toEqual({
      verdict: {
        rule: 'discount.margin_floor',
        status: 'pass',
        detail: 'no price and cost data for beauty, so the margin could not be checked against the 20% floor',
      },
      draft: noData.draft,
      exclusions: [],
    });
    expect(discountMarginFloor.check(inputFor(null, '新品上架', { categoryMargins: {} }, 'zh')).verdict.detail).toBe(
      '缺少“beauty”类目的价格和成本数据，无法按 20% 的毛利率下限检查',
    );
  });

  it('passes a discount that keeps the margin', () => {
    expect(discountMarginFloor.check(inputFor({ type: 'percent_off', percent: 20 }, '20% off')).verdict).toEqual({
      rule: 'discount.margin_floor',
      status: 'pass',
      detail: 'the offer 20% off is a 20% discount, within the 25% that keeps the beauty margin at 20% or more',
    });
  });

  it('lowers a discount that would push the margin below the floor', () => {
    const outcome = discountMarginFloor.check(inputFor({ type: 'percent_off', percent: 30 }, 'Beauty week: 30% off'));
    expect(outcome.verdict).toEqual({
      rule: 'discount.margin_floor',
      status: 'fixed',
      detail:
        'lowered the offer from 30% off to 25% off, the 25% that keeps the beauty margin at 20% or more; ' +
        'changed the copy: "30% off" -> "25% off" (sms A)',
    });
    expect(outcome.draft.brief.offer).toEqual({ type: 'percent_off', percent: 25 });
    expect(outcome.draft.messages[0]?.text).toBe('Beauty week: 25% off');
  });

  it('says so in Chinese', () => {
    const outcome = discountMarginFloor.check(inputFor({ type: 'percent_off', percent: 30 }, '美妆周全场7折', {}, 'zh'));
    expect(outcome.verdict.detail).toBe(
      '已将优惠从“减30%”降为“减25%”，即使“beauty”类目毛利率不低于 20% 的 25%；已修改文案：“7折” -> “7.5折”（短信A）',
    );
    expect(outcome.draft.messages[0]?.text).toBe('美妆周全场7.5折');
  });

  it('blocks a discount when even the full price is below the floor', () => {
    const thin = inputFor({ type: 'percent_off', percent: 10 }, '10% off', { categoryMargins: { beauty: { averagePrice: 100, averageCost: 90 } } });
    expect(discountMarginFloor.check(thin).verdict).toEqual({
      rule: 'discount.margin_floor',
      status: 'blocked',
      detail:
        'the offer 10% off is a 10% discount, above the 0% that keeps the beauty margin at 20% or more, and cannot be lowered to it; ' +
        'the copy advertises "10% off" (sms A), deeper than the 0% that keeps the beauty margin at 20% or more',
    });
  });
});
