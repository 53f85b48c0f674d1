// Runs the guardrail rules over a plan draft in a fixed order, each rule seeing the draft as the
// rules before it revised it, and gathers their verdicts and audience exclusions.
import type { GuardrailVerdict } from '../domain/plan.ts';
import type { AudienceExclusion, GuardrailInput, GuardrailRule, PlanDraft } from './guardrail-input.ts';
import { audienceMinors } from './rules/audience-minors.ts';
import { claimsBanned } from './rules/claims-banned.ts';
import { consentChannel } from './rules/consent-channel.ts';
import { discountCeiling } from './rules/discount-ceiling.ts';
import { frequencyCap } from './rules/frequency-cap.ts';
import { quietHoursLocalTime } from './rules/quiet-hours.ts';

/** Discount first (it rewrites copy), then claims (it rewrites copy too), then who and when. */
export const DEFAULT_RULES: readonly GuardrailRule[] = [
  discountCeiling,
  claimsBanned,
  consentChannel,
  quietHoursLocalTime,
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
