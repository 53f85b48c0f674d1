// What every guardrail rule reads and returns: the plan draft, the audience facts counted from the
// database beforehand, and the policy. Rules are pure functions of this input.
import type { Brief } from '../domain/brief.ts';
import type { PlannedMessage, Schedule, GuardrailVerdict } from '../domain/plan.ts';
import type { Policy } from '../domain/policy.ts';
import type { SegmentDefinition } from '../domain/segment.ts';
import type { Channel } from '../domain/vocabulary.ts';

export interface AudienceFacts {
  /** Customers in the segment. */
  count: number;
  /** Per planned channel: customers who consented to it and are not suppressed. */
  reachable: Partial<Record<Channel, number>>;
  /** Customers in the segment known to be younger than `policy.minors.minimumAge`. */
  minors: number;
  /** Customers who already have `policy.frequencyCap.maxMessages` or more sends (sent or queued) in the rolling window ending at the planned send. */
  overFrequencyCap: number;
  /** Per planned channel: customers who consented to it but are on a suppression list (already left out of `reachable`). */
  suppressed?: Partial<Record<Channel, number>>;
  /** Countries of the segment's customers (null for unknown), for per-country quiet hours; absent: every country the policy names. */
  countries?: Array<string | null>;
}

/** Average selling price and unit cost of a product category, in the policy currency. */
export interface CategoryMargin {
  averagePrice: number;
  averageCost: number;
}

export interface PlanDraft {
  brief: Brief;
  messages: PlannedMessage[];
  schedule: Schedule;
}

export interface GuardrailInput {
  draft: PlanDraft;
  audience: AudienceFacts;
  policy: Policy;
  /** The segment's average order value, in the offer currency: what an `amount_off` offer is measured against. */
  referenceOrderValue: number;
  /** The segment definition, for rules that look at who was asked for. */
  segment: SegmentDefinition;
  /** Price and cost per product category, for the margin floor; without them the margin is not checked. */
  categoryMargins?: Record<string, CategoryMargin>;
  /** Customers expected to buy with the offer (the forecast's conversions), for the discount budget. */
  expectedConverters?: number;
}

/** Customers a rule leaves out of the send. */
export type AudienceExclusion = 'no_consent' | 'minors' | 'over_frequency_cap';

export interface RuleOutcome {
  verdict: GuardrailVerdict;
  /** The draft revised when the rule fixed something, the same draft otherwise. */
  draft: PlanDraft;
  exclusions: AudienceExclusion[];
}

export interface GuardrailRule {
  /** Stable rule id, cited by every verdict, e.g. `discount.ceiling`. */
  id: string;
  check(input: GuardrailInput): RuleOutcome;
}
