// Rule `discount.budget`: the discounts a campaign gives away must fit its budget (the brief's, else
// the policy's campaign budget). Expected cost = effective discount x the order it applies to (the
// segment's average order, or the threshold of a 满减 offer) x expected buyers. Over budget, the offer
// is lowered to the deepest discount the budget allows (fix) or the plan is refused (block). Without
// a forecast of buyers or an order value to measure against, the rule passes saying it could not check.
import { effectiveDiscountPercent } from '../../domain/brief.ts';
import type { Offer } from '../../domain/brief.ts';
import { enforceDiscountLimit } from '../discount-limit.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatAmount, formatCount } from '../plain-text.ts';
import { clauseSeparator, say } from '../verdict-text.ts';

export const DISCOUNT_BUDGET = 'discount.budget';

/** The order value the effective discount is a share of: the threshold of a 满减 offer, else the average order. */
function discountedOrderValue(offer: Offer, referenceOrderValue: number): number {
  return offer.type === 'threshold' ? offer.threshold : referenceOrderValue;
}

function offerCurrency(offer: Offer, fallback: string): string {
  return offer.type === 'amount_off' || offer.type === 'threshold' ? offer.currency : fallback;
}

/** Expected discount cost of the offer for `converters` buyers, in the offer's currency. */
export function expectedDiscountCost(offer: Offer | null, referenceOrderValue: number, converters: number): number {
  if (!offer) return 0;
  const percent = effectiveDiscountPercent(offer, referenceOrderValue);
  return (percent / 100) * discountedOrderValue(offer, referenceOrderValue) * converters;
}

function pass(input: GuardrailInput, detail: string): RuleOutcome {
  return { verdict: { rule: DISCOUNT_BUDGET, status: 'pass', detail }, draft: input.draft, exclusions: [] };
}

function check(input: GuardrailInput): RuleOutcome {
  const { brief } = input.draft;
  const locale = brief.locale;
  const budget = brief.budget ?? input.policy.discount.campaignBudget;
  if (!budget) return pass(input, say(locale, 'no discount budget is set', '未设定折扣预算'));
  const budgetText = `${budget.currency} ${formatCount(budget.amount)}`;
  const offer = brief.offer;
  if (!offer || offer.type === 'free_shipping') {
    return pass(input, say(locale, `no price discount to count against the ${budgetText} budget`, `没有计入 ${budgetText} 预算的价格折扣`));
  }
  const couldNot = (en: string, zh: string) =>
    pass(input, say(locale, `could not check the discount against the ${budgetText} budget: ${en}`, `无法按 ${budgetText} 预算检查折扣：${zh}`));
  const currency = offerCurrency(offer, input.policy.currency);
  if (currency.toUpperCase() !== budget.currency.toUpperCase()) {
    return couldNot(`the offer is in ${currency}`, `优惠以 ${currency} 计价`);
  }
  const converters = input.expectedConverters;
  if (converters === undefined || !Number.isFinite(converters) || converters < 0) {
    return couldNot('there is no forecast of how many customers will buy', '没有预计购买人数');
  }
  const base = discountedOrderValue(offer, input.referenceOrderValue);
  if (!(base > 0)) return couldNot('the segment has no average order value', '该人群没有平均订单金额');

  const percent = effectiveDiscountPercent(offer, input.referenceOrderValue);
  const cost = expectedDiscountCost(offer, input.referenceOrderValue, converters);
  const buyers = formatCount(Math.round(converters));
  const costText = `${budget.currency} ${formatCount(Math.round(cost * 100) / 100)}`;
  const costing = say(
    locale,
    `expected discount cost ${costText} (${formatAmount(percent)}% of ${budget.currency} ${formatAmount(base)} for ${buyers} expected buyers)`,
    `预计折扣成本 ${costText}（${budget.currency} ${formatAmount(base)} 的 ${formatAmount(percent)}%，预计 ${buyers} 位购买者）`,
  );
  if (cost <= budget.amount + 1e-9) {
    return pass(input, say(locale, `${costing} is within the ${budgetText} budget`, `${costing}，未超出 ${budgetText} 预算`));
  }
  const allowed = converters > 0 ? Math.floor((budget.amount / (base * converters)) * 100 + 1e-9) : 100;
  const limited = enforceDiscountLimit(input, {
    rule: DISCOUNT_BUDGET,
    percent: allowed,
    onExceed: input.policy.discount.onExceed,
    name: {
      en: `the ${allowed}% the ${budgetText} budget allows for ${buyers} expected buyers`,
      zh: `${budgetText} 预算在预计 ${buyers} 位购买者下允许的 ${allowed}%`,
    },
  });
  const over = say(locale, `${costing} is over the ${budgetText} budget`, `${costing}，超出 ${budgetText} 预算`);
  return { ...limited, verdict: { ...limited.verdict, detail: `${over}${clauseSeparator(locale)}${limited.verdict.detail}` } };
}

export const discountBudget: GuardrailRule = { id: DISCOUNT_BUDGET, check };
