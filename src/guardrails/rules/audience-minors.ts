// Rule `audience.minors`: customers under the policy's minimum age are left out of every campaign,
// and a campaign for a restricted category (alcohol, tobacco, gambling...) is blocked outright when
// its segment holds minors or its conditions ask for ages below the minimum.
import type { Condition, SegmentDefinition } from '../../domain/segment.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { foldForMatching } from '../matching-text.ts';
import { formatCount, plural } from '../plain-text.ts';
import { say } from '../verdict-text.ts';

export const AUDIENCE_MINORS = 'audience.minors';

/** Whether an age condition, read positively or negated, lets in anyone younger than `minimumAge`. */
function ageRangeAdmitsMinors(min: number | undefined, max: number | undefined, negated: boolean, minimumAge: number): boolean {
  if (!negated) return (min ?? 0) < minimumAge;
  // not(min..max) admits [0, min) and (max, ∞).
  return (min !== undefined && min > 0 && minimumAge > 0) || (max !== undefined && max + 1 < minimumAge);
}

/** Whether the segment's conditions explicitly ask for ages below `minimumAge`. */
export function segmentAsksForMinors(segment: SegmentDefinition, minimumAge: number): boolean {
  const visit = (condition: Condition, negated: boolean): boolean => {
    switch (condition.kind) {
      case 'age':
        return ageRangeAdmitsMinors(condition.min, condition.max, negated, minimumAge);
      case 'and':
      case 'or':
        return condition.conditions.some((inner) => visit(inner, negated));
      case 'not':
        return visit(condition.condition, !negated);
      default:
        return false;
    }
  };
  return visit(segment.root, false);
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, audience, policy, segment } = input;
  const locale = draft.brief.locale;
  const { minimumAge, restrictedCategories } = policy.minors;
  const category = draft.brief.category;
  const restricted =
    category !== null && restrictedCategories.some((name) => foldForMatching(name.trim()) === foldForMatching(category.trim()));
  const under = `under ${minimumAge}`;
  const count = formatCount(audience.minors);
  const blocked = (detail: string): RuleOutcome => ({
    verdict: { rule: AUDIENCE_MINORS, status: 'blocked', detail },
    draft,
    exclusions: ['minors'],
  });

  if (restricted && segmentAsksForMinors(segment, minimumAge)) {
    return blocked(
      say(
        locale,
        `the segment asks for customers ${under}, and ${category} may not be promoted to minors`,
        `该人群条件包含未满 ${minimumAge} 岁的客户，而 ${category} 不得向未成年人推广`,
      ),
    );
  }
  if (audience.minors > 0 && restricted) {
    return blocked(
      say(
        locale,
        `${count} ${plural(audience.minors, 'customer')} in the segment ${audience.minors === 1 ? 'is' : 'are'} ${under}, and ${category} may not be promoted to minors`,
        `人群中有 ${count} 位客户未满 ${minimumAge} 岁，而 ${category} 不得向未成年人推广`,
      ),
    );
  }
  if (audience.minors > 0) {
    return {
      verdict: {
        rule: AUDIENCE_MINORS,
        status: 'fixed',
        detail: say(
          locale,
          `${count} ${plural(audience.minors, 'customer')} ${under} ${audience.minors === 1 ? 'is' : 'are'} left out`,
          `已排除 ${count} 位未满 ${minimumAge} 岁的客户`,
        ),
      },
      draft,
      exclusions: ['minors'],
    };
  }
  return {
    verdict: {
      rule: AUDIENCE_MINORS,
      status: 'pass',
      detail: say(locale, `no customers ${under} in the segment`, `人群中没有未满 ${minimumAge} 岁的客户`),
    },
    draft,
    exclusions: [],
  };
}

export const audienceMinors: GuardrailRule = { id: AUDIENCE_MINORS, check };
