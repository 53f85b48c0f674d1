// Rule `discount.ceiling`: no offer deeper than the policy's ceiling, and no copy advertising one.
// The offer is measured at its threshold (满300减50) or against the segment's average order value
// (an amount off). On `fix` the offer and the figures in the copy are lowered to the ceiling; on
// `block` the plan is refused naming both numbers.
import { enforceDiscountLimit } from '../discount-limit.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatAmount } from '../plain-text.ts';

export const DISCOUNT_CEILING = 'discount.ceiling';

function check(input: GuardrailInput): RuleOutcome {
  const { ceilingPercent, onExceed } = input.policy.discount;
  const percent = formatAmount(ceilingPercent);
  return enforceDiscountLimit(input, {
    rule: DISCOUNT_CEILING,
    percent: ceilingPercent,
    onExceed,
    name: { en: `the ${percent}% ceiling`, zh: `${percent}% 的折扣上限` },
  });
}

export const discountCeiling: GuardrailRule = { id: DISCOUNT_CEILING, check };
