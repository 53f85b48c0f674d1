// Reads the plan contract (`Plan`) off the graph state: what every surface shows.
import type { Plan } from '../../domain/plan.ts';
import type { PlannerStateType } from './state.ts';

export function toPlan(state: PlannerStateType, threadId: string): Plan {
  const status = state.status === 'drafting' ? 'needs_clarification' : state.status;
  return {
    status,
    threadId,
    ...(status === 'needs_clarification' ? { question: state.question ?? state.summary } : {}),
    brief: state.brief,
    segment: state.segment,
    forecast: state.forecast,
    messages: state.copy,
    schedule: state.schedule,
    guardrails: state.guardrails,
    approval: state.approval
      ? { required: state.approval.required, reasons: state.approval.reasons, decidedBy: state.approval.decidedBy, decision: state.approval.decision, comment: state.approval.comment }
      : null,
    campaignId: state.campaignId,
    summary: state.summary,
  };
}
