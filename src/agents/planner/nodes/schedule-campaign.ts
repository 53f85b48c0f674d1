// Turns an approved (or approval-free) plan into a scheduled campaign: the campaign row, its copy,
// and one queued send per eligible recipient and step at their own local time (or a `holdout` row
// for the recipients kept back as a control group), in one transaction.
// Ids are stable per thread and draft, and sends are unique per (campaign, customer, step), so a
// repeat of this step after a crash adds nothing twice.
import { selectRecipients } from '../../../../tools/segments/audience-facts.ts';
import { planSends } from '../../../../tools/schedule/plan-sends.ts';
import { appendAudit, queueSends, saveCampaign, saveMessages, type SendRow } from '../../../data/campaigns.ts';
import { campaignIdFor, campaignNameFor } from '../campaign-identity.ts';
import type { PlannerDeps } from '../deps.ts';
import { toPlan } from '../plan-view.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

export function makeScheduleCampaign(deps: PlannerDeps) {
  const now = deps.now ?? (() => new Date());
  return async function scheduleCampaign(state: PlannerStateType, config: { configurable?: { thread_id?: string } }): Promise<PlannerUpdate> {
    const { brief, segment, schedule } = state;
    if (!brief || !segment || !schedule) throw new Error('scheduling needs a complete plan');
    const threadId = config.configurable?.thread_id ?? 'unknown';
    const campaignId = state.campaignId ?? campaignIdFor(threadId, state.revision);
    const asOf = new Date(state.asOf ?? now().toISOString());
    const sendingAt = now();

    const recipients = await selectRecipients(deps.db, {
      definition: segment.definition,
      asOf,
      channels: brief.channels,
      minimumAge: deps.policy.minors.minimumAge,
      frequencyCap: deps.policy.frequencyCap,
      sendAt: sendingAt,
      exclude: { minors: state.exclusions.includes('minors'), overFrequencyCap: state.exclusions.includes('over_frequency_cap') },
    });
    // Recipients are split into a holdout (the forecast's recommendation) and the copy variants.
    const sends: SendRow[] = planSends({
      campaignId,
      recipients,
      schedule,
      copy: state.copy,
      quietHours: deps.policy.quietHours,
      holdoutShare: state.forecast?.holdout?.share ?? 0,
      now: sendingAt,
    });
    const messaged = sends.filter((send) => send.status === 'queued');
    const heldOut = new Set(sends.filter((send) => send.status === 'holdout').map((send) => send.customerId)).size;

    const scheduled = { ...state, campaignId, status: 'scheduled' as const };
    const approvedBy = state.approval?.decision === 'approved' ? state.approval.decidedBy : null;
    const queued = await deps.db.transaction(async function writeScheduledCampaign(tx) {
      await saveCampaign(tx, {
        id: campaignId,
        threadId,
        name: campaignNameFor(brief, schedule.localDateTime?.slice(0, 10) ?? null),
        status: 'scheduled',
        objective: brief.objective,
        channels: brief.channels,
        brief,
        segmentDefinition: segment.definition,
        plan: toPlan(scheduled, threadId),
        createdBy: state.requestedBy,
        approvedBy,
        startsAt: messaged.length ? new Date(Math.min(...messaged.map((send) => send.sendAt.getTime()))) : null,
      });
      await saveMessages(tx, campaignId, state.copy);
      const added = await queueSends(tx, campaignId, 0, sends);
      if (approvedBy) await appendAudit(tx, { actor: approvedBy, action: 'approved', campaignId, threadId, detail: { comment: state.approval?.comment ?? null } });
      await appendAudit(tx, {
        actor: 'planner',
        action: 'scheduled',
        campaignId,
        threadId,
        ruleIds: state.guardrails.map((verdict) => verdict.rule),
        detail: { sends: messaged.length, holdout: heldOut, guardrails: state.guardrails },
      });
      return added;
    });
    const zh = brief.locale === 'zh';
    const summary =
      schedule.kind === 'trigger'
        ? zh ? '触发式活动已启用：' + schedule.summary : `Trigger campaign is live: ${schedule.summary}`
        : zh
          ? `已排期 ${messaged.length} 条消息（本次新增 ${queued} 行）${heldOut ? `；${heldOut} 位客户作为对照组不发送` : ''}。`
          : `Scheduled ${messaged.length} sends (${queued} rows newly queued)${heldOut ? `; ${heldOut} customers held out as a control group` : ''}.`;
    return { status: 'scheduled', campaignId, summary };
  };
}
