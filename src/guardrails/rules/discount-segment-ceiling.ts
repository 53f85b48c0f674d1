// Rule `discount.segment_ceiling`: the policy may give segments built on a kind of condition their own
// ceiling (cart abandoners, `sequence`, often need only a nudge). Every kind the segment asks for
// (outside a `not`) counts; where several have a ceiling the lowest applies.
import type { Condition, SegmentDefinition } from '../../domain/segment.ts';
import { enforceDiscountLimit } from '../discount-limit.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatAmount } from '../plain-text.ts';
import { say } from '../verdict-text.ts';

export const DISCOUNT_SEGMENT_CEILING = 'discount.segment_ceiling';

/** The kinds of leaf condition the segment asks for, in first-seen order; negated ones are left out. */
export function segmentConditionKinds(segment: SegmentDefinition): string[] {
  const kinds = new Set<string>();
  const visit = (condition: Condition): void => {
    switch (condition.kind) {
      case 'and':
      case 'or':
        condition.conditions.forEach(visit);
        return;
      case 'not':
        return;
      default:
        kinds.add(condition.kind);
    }
  };
  visit(segment.root);
  return [...kinds];
}

function check(input: GuardrailInput): RuleOutcome {
  const locale = input.draft.brief.locale;
  const ceilings: Partial<Record<string, number>> = input.policy.discount.segmentCeilings;
  const applicable = segmentConditionKinds(input.segment)
    .filter((kind) => ceilings[kind] !== undefined)
    .map((kind) => ({ kind, percent: ceilings[kind]! }))
    .sort((a, b) => a.percent - b.percent);
  const lowest = applicable[0];
  if (!lowest) {
    return {
      verdict: {
        rule: DISCOUNT_SEGMENT_CEILING,
        status: 'pass',
        detail: say(locale, 'the policy sets no ceiling for the kinds of condition this segment is built on', '政策没有为该人群所用的条件类型单独设定折扣上限'),
      },
      draft: input.draft,
      exclusions: [],
    };
  }
  const percent = formatAmount(lowest.percent);
  return enforceDiscountLimit(input, {
    rule: DISCOUNT_SEGMENT_CEILING,
    percent: lowest.percent,
    onExceed: input.policy.discount.onExceed,
    name: {
      en: `the ${percent}% ceiling for segments built on "${lowest.kind}" conditions`,
      zh: `基于“${lowest.kind}”条件的人群 ${percent}% 的折扣上限`,
    },
  });
}

export const discountSegmentCeiling: GuardrailRule = { id: DISCOUNT_SEGMENT_CEILING, check };
