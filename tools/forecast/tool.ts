// forecast_impact: predicts what the drafted campaign will do (reach after consent, exclusions and
// quiet hours, the funnel per channel, conversions, incremental conversions, revenue, cost, ROI as
// p10/p50/p90, the holdout to keep and the drivers), leaning on similar past campaigns recalled
// from memory and on the audience's own recent behaviour.
import { z } from 'zod';
import { recallSimilarCampaigns } from '../../src/data/campaign-memory.ts';
import { effectiveDiscountPercent, type Brief, type Timing } from '../../src/domain/brief.ts';
import type { Forecast, Schedule, SegmentSummary } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { definePlannerTool, type PlannerToolContext } from '../planner-tool.ts';
import type { AudienceSnapshot } from '../segments/audience-snapshot.ts';
import { selectReachableMembers, withoutExcluded } from '../segments/audience-facts.ts';
import { expandRecurrence } from '../schedule/recurrence.ts';
import { ToolName } from '../tool-names.ts';
import { forecastImpact, type PastCampaignEvidence } from './forecast-impact.ts';
import { DEFAULT_CAMPAIGN_DAYS } from './forecast-input.ts';
import { countDelayedByQuietHours, sendDateOf, sendPlanOf } from './quiet-hours-reach.ts';
import type { Objective } from '../../src/domain/brief.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ForecastDraftInput {
  brief: Brief;
  segment: SegmentSummary;
  audience: AudienceSnapshot;
  /** The resolved schedule, when there is one (else the brief's timing is used for quiet hours). */
  schedule?: Schedule | null;
}

async function recallEvidence(context: PlannerToolContext, { brief, segment }: ForecastDraftInput): Promise<PastCampaignEvidence[]> {
  const embedding = await context.embedder.embeddings.embedQuery(`${brief.goal}\n${segment.description}`);
  const recalled = await recallSimilarCampaigns(context.db, {
    embedding,
    embedder: context.embedder.id,
    limit: 8,
    withOutcomesOnly: true,
  });
  return recalled.map((campaign) => ({
    id: campaign.campaignId,
    name: campaign.name,
    similarity: campaign.similarity,
    ageDays: campaign.endedAt ? Math.max(0, (context.asOf.getTime() - campaign.endedAt.getTime()) / DAY_MS) : 0,
    channels: campaign.channels as Channel[],
    objective: campaign.objective as Objective,
    discountPercent: campaign.discountPercent,
    sent: campaign.sent ?? 0,
    converted: campaign.converted ?? 0,
    revenue: campaign.revenue ?? 0,
    holdoutSize: campaign.holdoutSize ?? 0,
    holdoutConverted: campaign.holdoutConverted ?? 0,
  }));
}

/**
 * How often each recipient is messaged and the attribution window: a recurring schedule sends once
 * per occurrence and its window runs from the first send to the usual window after the last. Before
 * the schedule is resolved (the planner forecasts and schedules in the same turn), the brief's
 * recurring timing gives the same occurrences.
 */
function sendPattern(schedule: Schedule | null | undefined, timing: Timing, asOf: Date): { sendsPerRecipient: number; campaignDays: number } {
  const occurrences = schedule
    ? schedule.kind === 'recurring' ? (schedule.recurrence?.occurrences ?? []) : []
    : timing.kind === 'recurring' ? expandRecurrence(timing, asOf).occurrences : [];
  if (occurrences.length < 2) return { sendsPerRecipient: 1, campaignDays: DEFAULT_CAMPAIGN_DAYS };
  const spanDays = (Date.parse(`${occurrences[occurrences.length - 1]}Z`) - Date.parse(`${occurrences[0]}Z`)) / DAY_MS;
  return { sendsPerRecipient: occurrences.length, campaignDays: Math.min(365, DEFAULT_CAMPAIGN_DAYS + Math.max(0, spanDays)) };
}

/** Forecasts a draft; also used by the agent to refresh the forecast after guardrails change the plan. */
export async function forecastDraft(context: PlannerToolContext, draft: ForecastDraftInput): Promise<Forecast> {
  const { brief, segment, audience } = draft;
  const query = {
    definition: segment.definition,
    asOf: context.asOf,
    channels: brief.channels,
    minimumAge: context.policy.minors.minimumAge,
    frequencyCap: context.policy.frequencyCap,
    sendAt: context.asOf,
  };
  const consented = await selectReachableMembers(context.db, query);
  const recipients = withoutExcluded(consented, { minors: true, overFrequencyCap: true });
  const sendPlan = sendPlanOf(draft.schedule, brief.timing);
  const reachByChannel: Partial<Record<Channel, number>> = {};
  for (const recipient of recipients) reachByChannel[recipient.channel] = (reachByChannel[recipient.channel] ?? 0) + 1;
  const costPerMessage: Partial<Record<Channel, number>> = {};
  for (const channel of brief.channels) costPerMessage[channel] = context.policy.channels[channel]?.costPerMessage ?? 0;
  return forecastImpact({
    objective: brief.objective,
    channels: brief.channels,
    discountPercent: effectiveDiscountPercent(brief.offer, audience.averageOrderValue ?? 0),
    reachByChannel,
    segment: {
      customers: audience.count,
      purchasedLast30Days: audience.purchasedLast30Days,
      averageOrderValue: audience.averageOrderValue,
      orderValueStdDev: audience.orderValueStdDev,
    },
    pastCampaigns: await recallEvidence(context, draft),
    costPerMessage,
    currency: context.policy.currency,
    audienceSteps: {
      consented: consented.length,
      delayedByQuietHours: countDelayedByQuietHours(recipients, sendPlan, context.policy.quietHours, context.asOf),
    },
    sendDate: sendDateOf(sendPlan, context.asOf),
    ...sendPattern(draft.schedule, brief.timing, context.asOf),
  });
}

export const forecastImpactTool = definePlannerTool({
  name: ToolName.forecastImpact,
  description:
    'Forecast the impact of the drafted campaign (after query_segment): conversions, incremental conversions, revenue, ' +
    'cost and ROI as p10/p50/p90, citing the similar past campaigns it used. Takes no arguments.',
  input: z.object({}),
  async run(_input, context) {
    const { brief, segment, audience, schedule } = context.draft;
    if (!brief || !segment || !audience) throw new Error('call query_segment before forecast_impact');
    const forecast = await forecastDraft(context, { brief, segment, audience, schedule });
    return {
      parts: { forecast },
      reply: {
        conversions: forecast.conversions,
        incrementalConversions: forecast.incrementalConversions,
        revenue: forecast.revenue,
        cost: forecast.cost,
        holdout: forecast.holdout?.statement,
        basedOn: forecast.basedOn,
      },
    };
  },
});
