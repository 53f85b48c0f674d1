import { describe, expect, it } from 'vitest';
import type { Offer } from '../../domain/brief.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import { discountCategoryCeiling } from './discount-category-ceiling.ts';

function inputFor(category: string | null, offer: Offer | null, texts: string[], locale: 'en' | 'zh' = 'en', onExceed: 'fix' | 'block' = 'fix') {
  const policy = samplePolicy();
  return sampleInput({
    policy: { ...policy, discount: { ...policy.discount, onExceed, categoryCeilings: { alcohol: 10, Beauty: 25 } } },
    draft: sampleDraft({
      brief: sampleBrief({ category, offer, locale }),
      messages: texts.map((text, index) => sampleMessage({ variant: String.fromCharCode(65 + index), text })),
    }),
  });
}

describe('discount.category_ceiling', () => {
  it('passes a plan without a category or with a category the policy does not name', () => {
    const none = inputFor(null, { type: 'percent_off', percent: 20 }, ['20% off']);
    expect(discountCategoryCeiling.check(none)).toEqual({
      verdict: { rule: 'discount.category_ceiling', status: 'pass', detail: 'the plan promotes no product category; no category ceiling applies' },
      draft: none.draft,
      exclusions: [],
    });
    expect(discountCategoryCeiling.check(inputFor('books', { type: 'percent_off', percent: 20 }, ['20% off'])).verdict.detail).toBe(
      'the policy sets no ceiling of its own for books',
    );
    expect(discountCategoryCeiling.check(inputFor('books', null, ['新书上架'], 'zh')).verdict.detail).toBe('政策没有为“books”类目单独设定折扣上限');
  });

  it('passes an offer within the category ceiling, matching the category whatever its case', () => {
    expect(discountCategoryCeiling.check(inputFor('beauty', { type: 'percent_off', percent: 20 }, ['20% off'])).verdict).toEqual({
      rule: 'discount.category_ceiling',
      status: 'pass',
      detail: 'the offer 20% off is a 20% discount, within the 25% ceiling for beauty',
    });
  });

  it('lowers an offer above the category ceiling, in the brief and the English copy', () => {
    const input = inputFor('Alcohol', { type: 'percent_off', percent: 20 }, ['20% off all wines this week']);
    const outcome = discountCategoryCeiling.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'discount.category_ceiling',
      status: 'fixed',
      detail: 'lowered the offer from 20% off to 10% off, the 10% ceiling for Alcohol; changed the copy: "20% off" -> "10% off" (sms A)',
    });
    expect(outcome.draft.brief.offer).toEqual({ type: 'percent_off', percent: 10 });
    expect(outcome.draft.messages).toEqual([sampleMessage({ text: '10% off all wines this week' })]);
  });

  it('lowers a Chinese threshold offer and says so in Chinese', () => {
    const input = inputFor('alcohol', { type: 'threshold', threshold: 300, amount: 60, currency: 'CNY' }, ['美酒满300减60'], 'zh');
    const outcome = discountCategoryCeiling.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'discount.category_ceiling',
      status: 'fixed',
      detail:
        '已将优惠从“满 CNY 300 减 CNY 60”（相当于 20% 的折扣）降为“满 CNY 300 减 CNY 30”，即“alcohol”类目 10% 的折扣上限；' +
        '已修改文案：“满300减60” -> “满300减30”（短信A）',
    });
    expect(outcome.draft.messages[0]?.text).toBe('美酒满300减30');
  });

  it('blocks under a block policy, naming both numbers', () => {
    const input = inputFor('alcohol', { type: 'percent_off', percent: 20 }, ['全场8折'], 'zh', 'block');
    expect(discountCategoryCeiling.check(input)).toEqual({
      verdict: {
        rule: 'discount.category_ceiling',
        status: 'blocked',
        detail: '优惠“减20%”相当于 20% 的折扣，超过“alcohol”类目 10% 的折扣上限；文案宣传的“8折”（短信A）超过“alcohol”类目 10% 的折扣上限',
      },
      draft: input.draft,
      exclusions: [],
    });
  });
});
