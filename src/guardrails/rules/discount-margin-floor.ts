// Rule `discount.margin_floor`: a discount may not push the gross margin of the promoted category
// below the policy's floor. From the category's average price and cost, the deepest discount that
// keeps the margin (of the discounted price) at the floor becomes a limit on the offer and the copy.
// Without a category, or without price and cost data for it, the rule passes saying so.
import { findCategoryEntry } from '../category-match.ts';
import { enforceDiscountLimit } from '../discount-limit.ts';
import type { CategoryMargin, GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatAmount } from '../plain-text.ts';
import { say } from '../verdict-text.ts';

export const DISCOUNT_MARGIN_FLOOR = 'discount.margin_floor';

/**
 * The deepest discount, in whole percent, that leaves `(price x (1 - d) - cost) / (price x (1 - d))`
 * at or above `floorPercent`; 0 when even the full price is below the floor.
 */
export function deepestDiscountKeepingMargin(margin: CategoryMargin, floorPercent: number): number {
  const { averagePrice, averageCost } = margin;
  const lowestPrice = averageCost / (1 - floorPercent / 100);
  const deepest = (1 - lowestPrice / averagePrice) * 100;
  return Math.max(0, Math.floor(deepest + 1e-9));
}

function pass(input: GuardrailInput, detail: string): RuleOutcome {
  return { verdict: { rule: DISCOUNT_MARGIN_FLOOR, status: 'pass', detail }, draft: input.draft, exclusions: [] };
}

function check(input: GuardrailInput): RuleOutcome {
  const { brief } = input.draft;
  const locale = brief.locale;
  const floor = input.policy.discount.minMarginPercent;
  if (floor === null) return pass(input, say(locale, 'the policy sets no margin floor', '政策未设定毛利率下限'));
  const floorText = formatAmount(floor);
  if (brief.category === null) {
    return pass(
      input,
      say(
        locale,
        `the plan promotes no product category, so its margin could not be checked against the ${floorText}% floor`,
        `计划未指定商品类目，无法按 ${floorText}% 的毛利率下限检查`,
      ),
    );
  }
  const entry = findCategoryEntry(input.categoryMargins, brief.category);
  if (!entry || !(entry.value.averagePrice > 0) || !(entry.value.averageCost >= 0)) {
    return pass(
      input,
      say(
        locale,
        `no price and cost data for ${brief.category}, so the margin could not be checked against the ${floorText}% floor`,
        `缺少“${brief.category}”类目的价格和成本数据，无法按 ${floorText}% 的毛利率下限检查`,
      ),
    );
  }
  const deepest = deepestDiscountKeepingMargin(entry.value, floor);
  return enforceDiscountLimit(input, {
    rule: DISCOUNT_MARGIN_FLOOR,
    percent: deepest,
    onExceed: input.policy.discount.onExceed,
    name: {
      en: `the ${deepest}% that keeps the ${brief.category} margin at ${floorText}% or more`,
      zh: `使“${brief.category}”类目毛利率不低于 ${floorText}% 的 ${deepest}%`,
    },
  });
}

export const discountMarginFloor: GuardrailRule = { id: DISCOUNT_MARGIN_FLOOR, check };
