// Whether a plan waits for a person to approve it, and why, in the brief's language, from the
// policy's approval section and what the guardrails did.
import type { GuardrailVerdict } from '../domain/plan.ts';
import type { Policy } from '../domain/policy.ts';
import type { Channel, Locale } from '../domain/vocabulary.ts';
import { formatAmount, formatCount, plural } from './plain-text.ts';
import { channelName, joinIn, say } from './verdict-text.ts';

export interface ApprovalFacts {
  /** The plan's effective discount, in percent (0 without one). */
  discountPercent: number;
  /** Customers the plan would message. */
  audienceCount: number;
  verdicts: readonly GuardrailVerdict[];
  /** The plan's channels, for the new-channel rule. */
  channels?: readonly Channel[];
  /**
   * Channels used by a scheduled, running or completed campaign before; without them the
   * new-channel rule is not applied.
   */
  channelsUsedBefore?: readonly Channel[];
  /** Language of the reasons; English by default. */
  locale?: Locale;
}

export interface ApprovalRequirement {
  required: boolean;
  reasons: string[];
}

export function approvalRequirement(policy: Policy, facts: ApprovalFacts): ApprovalRequirement {
  const rules = policy.approval;
  const locale = facts.locale ?? 'en';
  const reasons: string[] = [];
  if (rules.always) reasons.push(say(locale, 'the policy requires approval for every plan', '政策要求每个计划都须审批'));
  if (facts.discountPercent > rules.discountAbovePercent) {
    const discount = formatAmount(facts.discountPercent);
    const allowed = formatAmount(rules.discountAbovePercent);
    reasons.push(
      say(
        locale,
        `the discount of ${discount}% is above the ${allowed}% that may go out without approval`,
        `${discount}% 的折扣超过了无需审批即可发送的 ${allowed}%`,
      ),
    );
  }
  if (facts.audienceCount > rules.audienceAbove) {
    const audience = formatCount(facts.audienceCount);
    const allowed = formatCount(rules.audienceAbove);
    reasons.push(
      say(
        locale,
        `the audience of ${audience} ${plural(facts.audienceCount, 'customer')} is larger than the ${allowed} that may be messaged without approval`,
        `${audience} 位客户的人群超过了无需审批即可发送的 ${allowed} 位`,
      ),
    );
  }
  if (rules.newChannel && facts.channels && facts.channelsUsedBefore) {
    const usedBefore = new Set(facts.channelsUsedBefore);
    const fresh = [...new Set(facts.channels)].filter((channel) => !usedBefore.has(channel));
    if (fresh.length > 0) {
      const names = joinIn(locale, fresh.map((channel) => channelName(channel, locale)), 'and');
      reasons.push(
        say(
          locale,
          `${names} ${fresh.length === 1 ? 'has' : 'have'} not been used by a scheduled or completed campaign before`,
          `${names}此前从未在已排期或已完成的活动中使用过`,
        ),
      );
    }
  }
  const fixedBy = facts.verdicts.filter((verdict) => verdict.status === 'fixed').map((verdict) => verdict.rule);
  if (rules.whenGuardrailFixed && fixedBy.length > 0) {
    reasons.push(
      say(
        locale,
        `${plural(fixedBy.length, 'a guardrail', 'guardrails')} changed the plan: ${joinIn(locale, fixedBy, 'and')}`,
        `护栏规则修改了计划：${joinIn(locale, fixedBy, 'and')}`,
      ),
    );
  }
  return { required: reasons.length > 0, reasons };
}
