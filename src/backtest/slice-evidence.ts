// What the held-out campaign's forecast may learn from: the training campaigns as past-campaign
// evidence (similarity from their features, all from the same period so no recency weighting),
// and priors pooled over the training campaigns only.
import type { RatePrior } from '../../tools/forecast/beta-evidence.ts';
import { ORGANIC_PRIOR_STRENGTH } from '../../tools/forecast/beta-evidence.ts';
import { DELIVERY_RATE, PRIOR_STRENGTH } from '../../tools/forecast/channel-baselines.ts';
import type { PastCampaignEvidence } from '../../tools/forecast/forecast-input.ts';
import type { GroupCounts, SliceCampaign } from './hillstrom-campaigns.ts';
import { campaignSimilarity } from './slice-similarity.ts';

export type BacktestOutcome = 'visit' | 'conversion';

/** The smallest response rate a pooled prior may state. */
const MIN_PRIOR_RESPONSE = 1e-4;

export function outcomeCount(counts: GroupCounts, outcome: BacktestOutcome): number {
  return outcome === 'visit' ? counts.visits : counts.conversions;
}

/**
 * Training campaigns as the evidence `forecastRates` reads, most similar first (all of them, or
 * the `recall` most similar, as memory recall would give). Every one is an e-mail with the same
 * objective and no discount, so the channel-baseline translation between campaigns is neutral;
 * the outcome counted is visits or conversions.
 */
export function evidenceFrom(
  training: readonly SliceCampaign[],
  target: SliceCampaign,
  outcome: BacktestOutcome,
  { recall = Number.POSITIVE_INFINITY }: { recall?: number } = {},
): PastCampaignEvidence[] {
  const ranked = training
    .map((campaign) => ({ campaign, similarity: campaignSimilarity(target, campaign) }))
    .sort((a, b) => b.similarity - a.similarity || (a.campaign.id < b.campaign.id ? -1 : 1))
    .slice(0, recall);
  return ranked.map(({ campaign, similarity }) => ({
    id: campaign.id,
    name: campaign.name,
    similarity,
    ageDays: 0,
    channels: ['email'],
    objective: 'conversion',
    discountPercent: 0,
    sent: campaign.treated.customers,
    converted: outcomeCount(campaign.treated, outcome),
    revenue: campaign.treated.spend,
    holdoutSize: campaign.holdout.customers,
    holdoutConverted: outcomeCount(campaign.holdout, outcome),
  }));
}

/** Priors centred on the pooled training rates, as weak as the product's purchase priors. */
export function trainingPriors(training: readonly SliceCampaign[], outcome: BacktestOutcome): { organic: RatePrior; response: RatePrior } {
  const sum = (pick: (campaign: SliceCampaign) => number): number => training.reduce((total, campaign) => total + pick(campaign), 0);
  const holdoutRate = sum((campaign) => outcomeCount(campaign.holdout, outcome)) / Math.max(1, sum((campaign) => campaign.holdout.customers));
  const treatedRate = sum((campaign) => outcomeCount(campaign.treated, outcome)) / Math.max(1, sum((campaign) => campaign.treated.customers));
  const organicMean = Math.min(0.95, Math.max(MIN_PRIOR_RESPONSE, holdoutRate));
  const responseMean = Math.max(MIN_PRIOR_RESPONSE, (treatedRate - holdoutRate) / (1 - holdoutRate) / DELIVERY_RATE.email);
  return {
    organic: { mean: organicMean, strength: ORGANIC_PRIOR_STRENGTH },
    response: { mean: Math.min(0.9, responseMean), strength: PRIOR_STRENGTH },
  };
}
