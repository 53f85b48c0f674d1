// Pauses the graph until a human decides (LangGraph interrupt). The decision is validated and the
// approver's role checked against the policy here too, not only by the surface that resumed.
// Nothing before interrupt() has side effects, so re-running this node on resume is safe.
import { HumanMessage } from '@langchain/core/messages';
import { interrupt } from '@langchain/langgraph';
import { appendAudit, setCampaignStatus } from '../../../data/campaigns.ts';
import { ApprovalDecision, approvalRefusal } from '../approval-decision.ts';
import type { PlannerDeps } from '../deps.ts';
import { toPlan } from '../plan-view.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

export interface ApprovalRequest {
  kind: 'approval';
  campaignId: string | null;
  reasons: string[];
}

export function makeAwaitApproval(deps: PlannerDeps) {
  return async function awaitApproval(state: PlannerStateType, config: { configurable?: { thread_id?: string } }): Promise<PlannerUpdate> {
    const request: ApprovalRequest = { kind: 'approval', campaignId: state.campaignId, reasons: state.approval?.reasons ?? [] };
    const answer = interrupt(request);
    const parsed = ApprovalDecision.safeParse(answer);
    const threadId = config.configurable?.thread_id ?? 'unknown';
    if (!parsed.success) return { summary: 'The approval answer was not understood; the plan is still waiting for approval.' };
    const decision = parsed.data;

    if (decision.decision === 'revise') {
      return { messages: [new HumanMessage(decision.message)], status: 'drafting', approval: null };
    }
    if (decision.decision === 'approve') {
      const refusal = approvalRefusal(deps.policy, decision, state.requestedBy);
      if (refusal) {
        await appendAudit(deps.db, { actor: decision.by, action: 'approval_refused', campaignId: state.campaignId, threadId, detail: { refusal } });
        return { summary: refusal };
      }
    }
    const approved = decision.decision === 'approve';
    const approval = {
      required: true,
      reasons: state.approval?.reasons ?? [],
      decision: approved ? ('approved' as const) : ('rejected' as const),
      decidedBy: decision.by,
      comment: decision.comment,
    };
    if (approved) return { approval };
    const rejected = { ...state, approval, status: 'rejected' as const };
    await deps.db.transaction(async function recordRejection(tx) {
      if (state.campaignId) await setCampaignStatus(tx, state.campaignId, 'rejected', { plan: toPlan(rejected, threadId) });
      await appendAudit(tx, { actor: decision.by, action: 'rejected', campaignId: state.campaignId, threadId, detail: { comment: decision.comment } });
    });
    return { approval, status: 'rejected', summary: decision.comment ?? '' };
  };
}
