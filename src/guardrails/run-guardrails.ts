// Runs the guardrail rules over a plan draft in a fixed order, each rule seeing the draft as the
// rules before it revised it, and gathers their verdicts and audience exclusions.
import type { GuardrailVerdict } from '../domain/plan.ts';
import type { AudienceExclusion, GuardrailInput, GuardrailRule, PlanDraft } from './guardrail-input.ts';
import { audienceMinors } from './rules/audience-minors.ts';
import { claimsBanned } from './rules/claims-banned.ts';
import { consentChannel } from './rules/consent-channel.ts';
import { contentPersonalData } from './rules/content-personal-data.ts';
import { contentRequired } from './rules/content-required.ts';
import { copyBrandVoice } from './rules/copy-brand-voice.ts';
import { copyChannelLimits } from './rules/copy-channel-limits.ts';
import { discountBudget } from './rules/discount-budget.ts';
import { discountCategoryCeiling } from './rules/discount-category-ceiling.ts';
import { discountCeiling } from './rules/discount-ceiling.ts';
import { discountMarginFloor } from './rules/discount-margin-floor.ts';
import { discountSegmentCeiling } from './rules/discount-segment-ceiling.ts';
import { discountStacking } from './rules/discount-stacking.ts';
import { frequencyCap } from './rules/frequency-cap.ts';
import { quietHoursLocalTime } from './rules/quiet-hours.ts';
import { triggerExitCondition } from './rules/trigger-exit-condition.ts';

/**
 * The offer first (each limit lowers the offer and the figures in the copy; the budget is measured on
 * what the limits left, stacking on the final figures); then the wording (claims, personal data, brand
 * voice); then the channels (consent may drop some), the text each kept channel requires, and the
 * channel limits measured on the finished copy; then when and to whom.
 */
export const DEFAULT_RULES: readonly GuardrailRule[] = [
  discountCeiling,
  discountCategoryCeiling,
  discountSegmentCeiling,
  discountMarginFloor,
  discountBudget,
  discountStacking,
  claimsBanned,
  contentPersonalData,
  copyBrandVoice,
  consentChannel,
  contentRequired,
  copyChannelLimits,
  quietHoursLocalTime,
  triggerExitCondition,
  frequencyCap,
  audienceMinors,
];

export interface GuardrailReport {
  verdicts: GuardrailVerdict[];
  /** The draft after every fix. */
  draft: PlanDraft;
  /** Who the send leaves out, each reason once, in rule order. */
  exclusions: AudienceExclusion[];
  /** True when any rule blocked the plan. */
  blocked: boolean;
}

export interface RunGuardrailsOptions {
  rules?: readonly GuardrailRule[];
}

export function runGuardrails(input: GuardrailInput, options: RunGuardrailsOptions = {}): GuardrailReport {
  const { rules = DEFAULT_RULES } = options;
  const verdicts: GuardrailVerdict[] = [];
  const exclusions = new Set<AudienceExclusion>();
  let draft = input.draft;
  for (const rule of rules) {
    const outcome = rule.check({ ...input, draft });
    verdicts.push(outcome.verdict);
    for (const exclusion of outcome.exclusions) exclusions.add(exclusion);
    draft = outcome.draft;
  }
  return { verdicts, draft, exclusions: [...exclusions], blocked: verdicts.some((verdict) => verdict.status === 'blocked') };
}
