// How alike two Hillstrom campaigns are, from their features alone: the share of features they
// share (e-mail version, what the customers bought, spend band, new or returning, purchase channel,
// recency band), with partial credit for neighbouring spend and recency bands. 1 for the same
// campaign type, 0 for nothing in common.
import type { EmailVersion, SliceFeatures } from './hillstrom-campaigns.ts';

export interface CampaignFeatures {
  version: EmailVersion;
  features: SliceFeatures;
}

/** Credit for two ordinal values `steps` apart on a scale of `levels` levels. */
function ordinalMatch(a: number, b: number, levels: number): number {
  return 1 - Math.abs(a - b) / (levels - 1);
}

export function campaignSimilarity(a: CampaignFeatures, b: CampaignFeatures): number {
  const matches = [
    a.version === b.version ? 1 : 0,
    a.features.purchases === b.features.purchases ? 1 : 0,
    ordinalMatch(a.features.spendBand, b.features.spendBand, 4),
    a.features.newbie === b.features.newbie ? 1 : 0,
    a.features.channel === b.features.channel ? 1 : 0,
    ordinalMatch(a.features.recencyBand, b.features.recencyBand, 3),
  ];
  return matches.reduce((sum, match) => sum + match, 0) / matches.length;
}
