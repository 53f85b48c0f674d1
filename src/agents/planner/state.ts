// The planner graph's state: the conversation and every part of the plan in progress.
// Persisted by the checkpointer after each step, so a thread resumes exactly where it stopped.
import { Annotation, MessagesAnnotation } from '@langchain/langgraph';
import type { AudienceSnapshot } from '../../../tools/segments/audience-snapshot.ts';
import type { AudienceExclusion } from '../../guardrails/guardrail-input.ts';
import type { Brief } from '../../domain/brief.ts';
import type { Forecast, GuardrailVerdict, PlannedMessage, PlanStatus, Schedule, SegmentSummary } from '../../domain/plan.ts';

/** Keeps the newest value written; `undefined` leaves the field as it was. */
function latest<T>(initial: () => T) {
  return Annotation<T>({ reducer: (previous, next) => (next === undefined ? previous : next), default: initial });
}

export type PlannerStatus = PlanStatus | 'drafting';

export interface ApprovalRecord {
  required: boolean;
  reasons: string[];
  decision: 'approved' | 'rejected' | null;
  decidedBy: string | null;
  comment: string | null;
}

export const PlannerState = Annotation.Root({
  ...MessagesAnnotation.spec,
  /** Who is asking (user id or "cli"); recorded in the audit log and checked against self-approval. */
  requestedBy: latest<string>(() => 'unknown'),
  /** The instant every relative window of this draft is evaluated against (ISO). */
  asOf: latest<string | null>(() => null),
  /** Increases each time the model proposes a new brief and segment; names the draft. */
  revision: latest<number>(() => 0),
  /** What the marketer asked for, as understood. */
  brief: latest<Brief | null>(() => null),
  /** The audience: definition, description, assumptions, size and reachability. */
  segment: latest<SegmentSummary | null>(() => null),
  /** Facts about the audience the guardrails and the forecast need (minors, caps, zones, order value). */
  audience: latest<AudienceSnapshot | null>(() => null),
  forecast: latest<Forecast | null>(() => null),
  /** The copy, per channel and variant. */
  copy: latest<PlannedMessage[]>(() => []),
  schedule: latest<Schedule | null>(() => null),
  /** Verdicts of the latest guardrail run, one per rule. */
  guardrails: latest<GuardrailVerdict[]>(() => []),
  /** Customers the guardrails left out when recipients are selected. */
  exclusions: latest<AudienceExclusion[]>(() => []),
  /** Guardrail-driven revisions the model has made for the current request (bounded). */
  revisionAttempts: latest<number>(() => 0),
  status: latest<PlannerStatus>(() => 'drafting'),
  /** The clarifying question, when the goal was too vague. */
  question: latest<string | null>(() => null),
  approval: latest<ApprovalRecord | null>(() => null),
  campaignId: latest<string | null>(() => null),
  /** The agent's latest words to the marketer. */
  summary: latest<string>(() => ''),
});

export type PlannerStateType = typeof PlannerState.State;
export type PlannerUpdate = typeof PlannerState.Update;
