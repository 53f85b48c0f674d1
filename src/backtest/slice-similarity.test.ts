import { describe, expect, it } from 'vitest';
import type { SliceFeatures } from './hillstrom-campaigns.ts';
import { campaignSimilarity } from './slice-similarity.ts';

const features: SliceFeatures = { purchases: 'mens', spendBand: 1, newbie: false, channel: 'Web', recencyBand: 1 };

describe('campaignSimilarity', () => {
  it('is 1 for the same kind of campaign and the share of shared features otherwise', () => {
    expect(campaignSimilarity({ version: 'mens', features }, { version: 'mens', features })).toBe(1);
    expect(campaignSimilarity({ version: 'mens', features }, { version: 'womens', features })).toBeCloseTo(5 / 6, 10);
    expect(campaignSimilarity({ version: 'mens', features }, { version: 'mens', features: { ...features, channel: 'Phone', newbie: true } })).toBeCloseTo(4 / 6, 10);
  });

  it('gives partial credit for neighbouring spend and recency bands', () => {
    const near = { ...features, spendBand: 2 as const, recencyBand: 2 as const };
    const far = { ...features, spendBand: 4 as const, recencyBand: 3 as const };
    expect(campaignSimilarity({ version: 'mens', features }, { version: 'mens', features: near })).toBeCloseTo((4 + 2 / 3 + 1 / 2) / 6, 10);
    expect(campaignSimilarity({ version: 'mens', features }, { version: 'mens', features: far })).toBeCloseTo(4 / 6, 10);
  });

  it('is symmetric and 0 when nothing is shared', () => {
    const other: SliceFeatures = { purchases: 'both', spendBand: 4, newbie: true, channel: 'Phone', recencyBand: 3 };
    expect(campaignSimilarity({ version: 'mens', features }, { version: 'womens', features: other })).toBe(0);
    expect(campaignSimilarity({ version: 'womens', features: other }, { version: 'mens', features: { ...features, spendBand: 3 } })).toBeCloseTo(
      campaignSimilarity({ version: 'mens', features: { ...features, spendBand: 3 } }, { version: 'womens', features: other }),
      12,
    );
  });
});
