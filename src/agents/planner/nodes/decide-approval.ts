// Decides, from the policy, whether a human must approve this plan, and records a plan that waits
// for approval as a campaign in that state (idempotent: a repeat finds the same row).
import { effectiveDiscountPercent } from '../../../domain/brief.ts';
import { saveCampaign, appendAudit } from '../../../data/campaigns.ts';
import { approvalRequirement } from '../../../guardrails/approval.ts';
import { queryChannelsUsedBefore } from '../../../guardrails/guardrail-facts.ts';
import { campaignIdFor, campaignNameFor } from '../campaign-identity.ts';
import type { PlannerDeps } from '../deps.ts';
import { toPlan } from '../plan-view.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

export function makeDecideApproval(deps: PlannerDeps) {
  return async function decideApproval(state: PlannerStateType, config: { configurable?: { thread_id?: string } }): Promise<PlannerUpdate> {
    const { brief, segment } = state;
    if (!brief || !segment) throw new Error('approval needs a complete draft');
    const requirement = approvalRequirement(deps.policy, {
      discountPercent: effectiveDiscountPercent(brief.offer, state.audience?.averageOrderValue ?? 0),
      audienceCount: segment.count,
      verdicts: state.guardrails,
      channels: brief.channels,
      channelsUsedBefore: await queryChannelsUsedBefore(deps.db),
      locale: brief.locale,
    });
    const approval = { required: requirement.required, reasons: requirement.reasons, decision: null, decidedBy: null, comment: null };
    if (!requirement.required) return { approval };

    const threadId = config.configurable?.thread_id ?? 'unknown';
    const campaignId = state.campaignId ?? campaignIdFor(threadId, state.revision);
    const pending = { ...state, approval, campaignId, status: 'needs_approval' as const };
    await deps.db.transaction(async function recordPendingCampaign(tx) {
      await saveCampaign(tx, {
        id: campaignId,
        threadId,
        name: campaignNameFor(brief, state.schedule?.localDateTime?.slice(0, 10) ?? null),
        status: 'needs_approval',
        objective: brief.objective,
        channels: brief.channels,
        brief,
        segmentDefinition: segment.definition,
        plan: toPlan(pending, threadId),
        createdBy: state.requestedBy,
      });
      await appendAudit(tx, {
        actor: 'planner',
        action: 'submitted_for_approval',
        campaignId,
        threadId,
        ruleIds: state.guardrails.filter((verdict) => verdict.status !== 'pass').map((verdict) => verdict.rule),
        detail: { reasons: requirement.reasons, guardrails: state.guardrails },
      });
    });
    return { approval, campaignId, status: 'needs_approval' };
  };
}
