// Turns an approved (or approval-free) plan into a scheduled campaign: the campaign row, its copy,
// and one queued send per eligible recipient at their own local time, in one transaction.
// Ids are stable per thread and draft, and sends are unique per (campaign, customer, step), so a
// repeat of this step after a crash adds nothing twice.
import { createHash } from 'node:crypto';
import { selectRecipients } from '../../../../tools/segments/audience-facts.ts';
import { sendInstantFor } from '../../../../tools/schedule/send-time.ts';
import { appendAudit, queueSends, saveCampaign, saveMessages, type SendRow } from '../../../data/campaigns.ts';
import type { PlannedMessage } from '../../../domain/plan.ts';
import { quietHoursFor } from '../../../guardrails/quiet-hours-for.ts';
import { campaignIdFor, campaignNameFor } from '../campaign-identity.ts';
import type { PlannerDeps } from '../deps.ts';
import { toPlan } from '../plan-view.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

/** Splits recipients between a channel's variants by a hash of their id: stable and even. */
function variantFor(customerId: string, channel: string, copy: readonly PlannedMessage[]): string | null {
  const variants = copy.filter((message) => message.channel === channel).map((message) => message.variant).sort();
  if (variants.length === 0) return null;
  const bucket = createHash('sha1').update(customerId).digest().readUInt32BE(0) % variants.length;
  return variants[bucket]!;
}

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
    const sends: SendRow[] = [];
    for (const recipient of recipients) {
      const variant = variantFor(recipient.customerId, recipient.channel, state.copy);
      const quietHours = quietHoursFor(deps.policy.quietHours, recipient);
      const sendAt = sendInstantFor({ schedule, timeZone: recipient.timeZone, now: sendingAt, quietHours });
      if (variant && sendAt) sends.push({ customerId: recipient.customerId, channel: recipient.channel, variant, sendAt });
    }

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
        startsAt: sends.length ? new Date(Math.min(...sends.map((send) => send.sendAt.getTime()))) : null,
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
        detail: { sends: sends.length, guardrails: state.guardrails },
      });
      return added;
    });
    const zh = brief.locale === 'zh';
    const summary =
      schedule.kind === 'trigger'
        ? zh ? '触发式活动已启用：' + schedule.summary : `Trigger campaign is live: ${schedule.summary}`
        : zh ? `已排期 ${sends.length} 条消息（本次新增 ${queued} 条）。` : `Scheduled ${sends.length} sends (${queued} newly queued).`;
    return { status: 'scheduled', campaignId, summary };
  };
}
