// Rule `discount.category_ceiling`: a campaign promoting a product category the policy gives its own
// ceiling (alcohol: 10) is held to that ceiling, offer and copy alike, as `discount.ceiling` does.
import { findCategoryEntry } from '../category-match.ts';
import { enforceDiscountLimit } from '../discount-limit.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatAmount } from '../plain-text.ts';
import { say } from '../verdict-text.ts';

export const DISCOUNT_CATEGORY_CEILING = 'discount.category_ceiling';

function pass(input: GuardrailInput, detail: string): RuleOutcome {
  return { verdict: { rule: DISCOUNT_CATEGORY_CEILING, status: 'pass', detail }, draft: input.draft, exclusions: [] };
}

function check(input: GuardrailInput): RuleOutcome {
  const { brief } = input.draft;
  const locale = brief.locale;
  if (brief.category === null) {
    return pass(input, say(locale, 'the plan promotes no product category; no category ceiling applies', '计划未指定商品类目；不适用类目折扣上限'));
  }
  const entry = findCategoryEntry(input.policy.discount.categoryCeilings, brief.category);
  if (!entry) {
    return pass(
      input,
      say(locale, `the policy sets no ceiling of its own for ${brief.category}`, `政策没有为“${brief.category}”类目单独设定折扣上限`),
    );
  }
  const percent = formatAmount(entry.value);
  return enforceDiscountLimit(input, {
    rule: DISCOUNT_CATEGORY_CEILING,
    percent: entry.value,
    onExceed: input.policy.discount.onExceed,
    name: { en: `the ${percent}% ceiling for ${brief.category}`, zh: `“${brief.category}”类目 ${percent}% 的折扣上限` },
  });
}

export const discountCategoryCeiling: GuardrailRule = { id: DISCOUNT_CATEGORY_CEILING, check };
