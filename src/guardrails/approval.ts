// Whether a plan waits for a person to approve it, and why, in plain English, from the policy's
// approval section and what the guardrails did.
import type { GuardrailVerdict } from '../domain/plan.ts';
import type { Policy } from '../domain/policy.ts';
import { formatAmount, formatCount, joinWords, plural } from './plain-text.ts';

export interface ApprovalFacts {
  /** The plan's effective discount, in percent (0 without one). */
  discountPercent: number;
  /** Customers the plan would message. */
  audienceCount: number;
  verdicts: readonly GuardrailVerdict[];
}

export interface ApprovalRequirement {
  required: boolean;
  reasons: string[];
}

export function approvalRequirement(policy: Policy, facts: ApprovalFacts): ApprovalRequirement {
  const rules = policy.approval;
  const reasons: string[] = [];
  if (rules.always) reasons.push('the policy requires approval for every plan');
  if (facts.discountPercent > rules.discountAbovePercent) {
    reasons.push(
      `the discount of ${formatAmount(facts.discountPercent)}% is above the ${formatAmount(rules.discountAbovePercent)}% that may go out without approval`,
    );
  }
  if (facts.audienceCount > rules.audienceAbove) {
    reasons.push(
      `the audience of ${formatCount(facts.audienceCount)} ${plural(facts.audienceCount, 'customer')} is larger than the ${formatCount(
        rules.audienceAbove,
      )} that may be messaged without approval`,
    );
  }
  const fixedBy = facts.verdicts.filter((verdict) => verdict.status === 'fixed').map((verdict) => verdict.rule);
  if (rules.whenGuardrailFixed && fixedBy.length > 0) {
    reasons.push(`${plural(fixedBy.length, 'a guardrail', 'guardrails')} changed the plan: ${joinWords(fixedBy, 'and')}`);
  }
  return { required: reasons.length > 0, reasons };
}
