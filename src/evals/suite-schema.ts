// The eval suites as data: one YAML file per suite under evals/suites/, each a list of cases with
// the goal (or conversation) sent to the agent and what a good answer must contain. Expectations
// reuse the domain schemas, so a case can only ask for values the product can express.
import { z } from 'zod';
import { Budget, Objective, Offer } from '../domain/brief.ts';
import { PlanStatus, VerdictStatus } from '../domain/plan.ts';
import { EscalationReason, Register } from '../domain/support-policy.ts';
import { Channel, Locale } from '../domain/vocabulary.ts';

export const SuiteName = z.enum(['planning', 'copy', 'adversarial', 'support']);
export type SuiteName = z.infer<typeof SuiteName>;
export const SUITE_NAMES = SuiteName.options;

/** A leaf condition described by some of its fields: `{ kind: age, min: 25 }` matches any age leaf with min 25. */
const PartialCondition = z.looseObject({ kind: z.string().min(1) });

const BriefExpectation = z.strictObject({
  objective: Objective.optional(),
  channels: z.array(Channel).min(1).optional(),
  offer: Offer.nullable().optional(),
  /** Fields of the timing that must match; fields left out are not checked. */
  timing: z.looseObject({ kind: z.enum(['asap', 'at', 'window', 'trigger']) }).optional(),
  locale: Locale.optional(),
  category: z.string().nullable().optional(),
  budget: Budget.nullable().optional(),
});

const SegmentExpectation = z.strictObject({
  /** Leaf condition kinds that must appear somewhere in the definition. */
  kinds: z.array(z.string().min(1)).optional(),
  /** Conditions that must each match a leaf of the definition. */
  conditions: z.array(PartialCondition).optional(),
  /** Conditions no leaf may match. */
  forbidden: z.array(PartialCondition).optional(),
});

const CopyExpectation = z.strictObject({
  /** Every message must contain at least one string of each group (e.g. the offer figure). */
  mentions: z.array(z.array(z.string().min(1)).min(1)).optional(),
  /** Strings no message may contain. */
  forbidden: z.array(z.string().min(1)).optional(),
  /** What a judge model scores the copy against, when one is configured. */
  rubric: z.string().min(1).optional(),
});

const SafetyExpectation = z.strictObject({
  /** Strings whose presence in any answer shows an injection worked (Giskard's oracle). */
  attackStrings: z.array(z.string().min(1)).optional(),
});

export const Expectation = z.strictObject({
  /** The final status, or the statuses that are acceptable. */
  status: z.union([PlanStatus, z.array(PlanStatus).min(1)]).optional(),
  brief: BriefExpectation.optional(),
  segment: SegmentExpectation.optional(),
  /** Verdict per rule id; rules left out are not checked. */
  guardrails: z.record(z.string().min(1), VerdictStatus).optional(),
  /** Tool names per model turn, e.g. [[query_segment], [forecast_impact, generate_copy, schedule_send]]. */
  trajectory: z.array(z.array(z.string().min(1)).min(1)).optional(),
  copy: CopyExpectation.optional(),
  safety: SafetyExpectation.optional(),
});
export type Expectation = z.infer<typeof Expectation>;

/** Where a case's input comes from, when it is not written for this suite. */
export const CaseSource = z.strictObject({
  dataset: z.string().min(1),
  /** Row index or identifier inside the dataset. */
  item: z.union([z.string(), z.number()]),
  license: z.string().min(1),
});

/**
 * A support conversation turn: the customer's words and what the bot must do (support suite). The
 * register and escalation reasons are the support policy's own names (policies/support.yaml).
 */
const SupportTurn = z.strictObject({
  customer: z.string().min(1),
  /** The register the reply must take. */
  register: Register.optional(),
  /** This turn must hand over to a person, for this reason; earlier turns must not. */
  escalate: EscalationReason.optional(),
  /** The most compensation this turn may offer, in percent of the order (0: none). */
  maxDiscountPercent: z.number().min(0).max(100).optional(),
  /** Whether the customer must be verified after this turn. */
  verified: z.boolean().optional(),
  /** The reply suggests a product (true) or must not (false). */
  crossSell: z.boolean().optional(),
  /** The reply must contain at least one string of each group. */
  mentions: z.array(z.array(z.string().min(1)).min(1)).optional(),
  /** Strings the reply must not contain. */
  forbidden: z.array(z.string().min(1)).optional(),
});

export const EvalCase = z.strictObject({
  /** Stable id, unique in its suite; baselines and recordings refer to it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, dots, dashes and underscores'),
  locale: Locale,
  description: z.string().optional(),
  /** The marketer's messages in order: the goal, then any refinements. */
  turns: z.array(z.string().min(1)).min(1).optional(),
  /** After planning, approve a plan waiting for approval (as an approver), so its sends are queued. */
  approve: z.boolean().optional(),
  source: CaseSource.optional(),
  /** Set when the case cannot run yet; it is reported as pending and never scored. */
  pending: z.string().min(1).optional(),
  /** A support conversation (support suite). */
  conversation: z.array(SupportTurn).min(1).optional(),
  expect: Expectation.default({}),
});
export type EvalCase = z.infer<typeof EvalCase>;

export const SuiteFile = z
  .strictObject({
    version: z.literal(1),
    suite: SuiteName,
    description: z.string().min(1),
    cases: z.array(EvalCase).min(1),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.cases.forEach((evalCase, index) => {
      if (seen.has(evalCase.id)) context.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: `duplicate case id "${evalCase.id}"` });
      seen.add(evalCase.id);
      if (evalCase.pending) return;
      if (file.suite === 'support' && !evalCase.conversation) {
        context.addIssue({ code: 'custom', path: ['cases', index, 'conversation'], message: 'a support case that is not pending needs a conversation' });
      }
      if (file.suite !== 'support' && !evalCase.turns) {
        context.addIssue({ code: 'custom', path: ['cases', index, 'turns'], message: 'a case that is not pending needs turns' });
      }
    });
  });
export type SuiteFile = z.infer<typeof SuiteFile>;

/** The fixed world every suite runs in: the clock, the marketer's zone and the seeded demo data. */
export const EvalEnvironment = z.strictObject({
  version: z.literal(1),
  now: z.iso.datetime(),
  timeZone: z.string().min(1),
  customers: z.number().int().min(100).max(100_000),
  seed: z.number().int().min(0),
});
export type EvalEnvironment = z.infer<typeof EvalEnvironment>;

/** A suite as loaded: its cases and a hash of the file, so results name the suite version they ran. */
export interface LoadedSuite {
  name: SuiteName;
  description: string;
  cases: EvalCase[];
  sha256: string;
  path: string;
}
