// Chooses which past campaigns a forecast cites: those that carried real weight, strongest first,
// each with its outcome (sent, converted, lift over its holdout).
import type { Objective } from '../../src/domain/brief.ts';
import type { Forecast } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { campaignWeight, channelMatch } from './beta-evidence.ts';
import type { PastCampaignEvidence } from './forecast-input.ts';

/** Below this weight a past campaign barely moved the forecast and is not cited. */
export const CITATION_MIN_WEIGHT = 0.05;
export const MAX_CITATIONS = 5;

export type Citation = Forecast['pastCampaigns'][number];

/** Overall weight of a past campaign for this forecast, using its best-matching planned channel. */
export function citationWeight(campaign: PastCampaignEvidence, objective: Objective, channels: readonly Channel[]): number {
  const bestChannelMatch = Math.max(0, ...channels.map((channel) => channelMatch(channel, campaign.channels)));
  return campaign.sent > 0 ? campaignWeight(campaign, objective) * bestChannelMatch : 0;
}

export function citePastCampaigns(
  pastCampaigns: readonly PastCampaignEvidence[],
  context: { objective: Objective; channels: readonly Channel[] },
): Citation[] {
  return pastCampaigns
    .map((campaign, index) => ({ campaign, index, weight: citationWeight(campaign, context.objective, context.channels) }))
    .filter((entry) => entry.weight >= CITATION_MIN_WEIGHT)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, MAX_CITATIONS)
    .map(({ campaign, weight }) => ({
      id: campaign.id,
      name: campaign.name,
      similarity: Math.round(campaign.similarity * 1000) / 1000,
      conversionRate: Math.round((campaign.converted / campaign.sent) * 10000) / 10000,
      sent: campaign.sent,
      converted: campaign.converted,
      liftPoints:
        campaign.holdoutSize > 0
          ? Math.round((campaign.converted / campaign.sent - campaign.holdoutConverted / campaign.holdoutSize) * 10000) / 100
          : null,
      weight: Math.round(weight * 1000) / 1000,
    }));
}
