import { describe, expect, it } from 'vitest';
import type { Offer } from '../../domain/brief.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import type { GuardrailInput } from '../guardrail-input.ts';
import { discountBudget, expectedDiscountCost } from './discount-budget.ts';

const budget = { amount: 6000, currency: 'CNY' };

function inputFor(offer: Offer | null, text: string, changes: Partial<GuardrailInput> = {}, locale: 'en' | 'zh' = 'en') {
  return sampleInput({
    draft: sampleDraft({ brief: sampleBrief({ offer, locale, budget }), messages: [sampleMessage({ text })] }),
    referenceOrderValue: 200,
    expectedConverters: 150,
    ...changes,
  });
}

describe('expectedDiscountCost', () => {
  it('is the effective discount of the order it applies to, per expected buyer', () => {
    expect(expectedDiscountCost({ type: 'percent_off', percent: 20 }, 200, 150)).toBeCloseTo(6000);
    expect(expectedDiscountCost({ type: 'amount_off', amount: 50, currency: 'CNY' }, 200, 10)).toBeCloseTo(500);
    expect(expectedDiscountCost({ type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }, 200, 10)).toBeCloseTo(500);
    expect(expectedDiscountCost({ type: 'free_shipping' }, 200, 10)).toBe(0);
    expect(expectedDiscountCost(null, 200, 10)).toBe(0);
  });
});

describe('discount.budget', () => {
  it('passes without a budget, and uses the policy budget when the brief has none', () => {
    const noBudget = sampleInput({ expectedConverters: 150 });
    expect(discountBudget.check(noBudget)).toEqual({
      verdict: { rule: 'discount.budget', status: 'pass', detail: 'no discount budget is set' },
      draft: noBudget.draft,
      exclusions: [],
    });
    const policy = samplePolicy();
    const policyBudget = sampleInput({
      expectedConverters: 100,
      policy: { ...policy, discount: { ...policy.discount, campaignBudget: { amount: 5000, currency: 'CNY' } } },
    });
    expect(discountBudget.check(policyBudget).verdict.detail).toBe(
      'expected discount cost CNY 4,000 (20% of CNY 200 for 100 expected buyers) is within the CNY 5,000 budget',
    );
  });

  it('passes a cost within the budget', () => {
    expect(discountBudget.check(inputFor({ type: 'percent_off', percent: 20 }, '20% off')).verdict).toEqual({
      rule: 'discount.budget',
      status: 'pass',
      detail: 'expected discount cost CNY 6,000 (20% of CNY 200 for 150 expected buyers) is within the CNY 6,000 budget',
    });
  });

  it('passes, saying it could not check, without a forecast, an order value or a matching currency', () => {
    expect(discountBudget.check(inputFor({ type: 'percent_off', percent: 20 }, '20% off', { expectedConverters: undefined })).verdict.detail).toBe(
      'could not check the discount against the CNY 6,000 budget: there is no forecast of how many customers will buy',
    );
    expect(discountBudget.check(inputFor({ type: 'percent_off', percent: 20 }, '20% off', { referenceOrderValue: 0 })).verdict.detail).toBe(
      'could not check the discount against the CNY 6,000 budget: the segment has no average order value',
    );
    expect(discountBudget.check(inputFor({ type: 'amount_off', amount: 5, currency: 'USD' }, '$5 off')).verdict.detail).toBe(
      'could not check the discount against the CNY 6,000 budget: the offer is in USD',
    );
    expect(discountBudget.check(inputFor({ type: 'free_shipping' }, '包邮', {}, 'zh')).verdict.detail).toBe('没有计入 CNY 6,000 预算的价格折扣');
  });

  it('lowers an offer over budget to the deepest discount the budget allows', () => {
    const outcome = discountBudget.check(inputFor({ type: 'percent_off', percent: 30 }, '30% off this week', { expectedConverters: 200 }));
    expect(outcome.verdict).toEqual({
      rule: 'discount.budget',
      status: 'fixed',
      detail:
        'expected discount cost CNY 12,000 (30% of CNY 200 for 200 expected buyers) is over the CNY 6,000 budget; ' +
        'lowered the offer from 30% off to 15% off, the 15% the CNY 6,000 budget allows for 200 expected buyers; ' +
        'changed the copy: "30% off" -> "15% off" (sms A)',
    });
    expect(outcome.draft.brief.offer).toEqual({ type: 'percent_off', percent: 15 });
    expect(outcome.draft.messages[0]?.text).toBe('15% off this week');
  });

  it('measures a threshold offer at its threshold, in Chinese', () => {
    const outcome = discountBudget.check(
      inputFor({ type: 'threshold', threshold: 300, amount: 60, currency: 'CNY' }, '满300减60', { expectedConverters: 200 }, 'zh'),
    );
    expect(outcome.verdict).toEqual({
      rule: 'discount.budget',
      status: 'fixed',
      detail:
        '预计折扣成本 CNY 12,000（CNY 300 的 20%，预计 200 位购买者），超出 CNY 6,000 预算；' +
        '已将优惠从“满 CNY 300 减 CNY 60”（相当于 20% 的折扣）降为“满 CNY 300 减 CNY 30”，即 CNY 6,000 预算在预计 200 位购买者下允许的 10%；' +
        '已修改文案：“满300减60” -> “满300减30”（短信A）',
    });
    expect(outcome.draft.brief.offer).toEqual({ type: 'threshold', threshold: 300, amount: 30, currency: 'CNY' });
  });

  it('blocks an offer over budget under a block policy', () => {
    const policy = samplePolicy();
    const input = inputFor({ type: 'percent_off', percent: 30 }, 'Save today', {
      expectedConverters: 200,
      policy: { ...policy, discount: { ...policy.discount, onExceed: 'block' } },
    });
    expect(discountBudget.check(input)).toEqual({
      verdict: {
        rule: 'discount.budget',
        status: 'blocked',
        detail:
          'expected discount cost CNY 12,000 (30% of CNY 200 for 200 expected buyers) is over the CNY 6,000 budget; ' +
          'the offer 30% off is a 30% discount, above the 15% the CNY 6,000 budget allows for 200 expected buyers',
      },
      draft: input.draft,
      exclusions: [],
    });
  });
});
