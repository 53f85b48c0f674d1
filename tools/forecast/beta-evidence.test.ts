import { describe, expect, it } from 'vitest';
import {
  ORGANIC_PRIOR_MEAN,
  ORGANIC_PRIOR_STRENGTH,
  betaFromMean,
  betaMean,
  campaignWeight,
  organicBelief,
  responseBelief,
  scaleThirtyDayRate,
} from './beta-evidence.ts';
import { PRIOR_STRENGTH, priorResponseRate } from './channel-baselines.ts';
import type { PastCampaignEvidence } from './forecast-input.ts';

const target = { channel: 'sms' as const, objective: 'retention' as const, discountPercent: 10, organicRate: 0.02 };

function pastCampaign(overrides: Partial<PastCampaignEvidence> = {}): PastCampaignEvidence {
  return {
    id: 'c1',
    name: 'Spring retention SMS',
    similarity: 1,
    ageDays: 0,
    channels: ['sms'],
    objective: 'retention',
    discountPercent: 10,
    sent: 20000,
    converted: 1400, // 7 %, of which 2 % would have bought anyway
    revenue: 300000,
    holdoutSize: 2000,
    holdoutConverted: 40,
    ...overrides,
  };
}

const strength = (belief: { alpha: number; beta: number }): number => belief.alpha + belief.beta;

describe('campaignWeight', () => {
  it('squares similarity, halves every 180 days and halves for another objective', () => {
    expect(campaignWeight(pastCampaign({ similarity: 0.8 }), 'retention')).toBeCloseTo(0.64, 10);
    expect(campaignWeight(pastCampaign({ ageDays: 180 }), 'retention')).toBeCloseTo(0.5, 10);
    expect(campaignWeight(pastCampaign({ ageDays: 360 }), 'winback')).toBeCloseTo(0.125, 10);
    expect(campaignWeight(pastCampaign({ similarity: 1.0000002 }), 'retention')).toBe(1);
    expect(campaignWeight(pastCampaign({ similarity: -0.2 }), 'retention')).toBe(0);
  });
});

describe('responseBelief', () => {
  it('is the channel prior when there is no evidence', () => {
    const prior = priorResponseRate({ channels: ['sms'], objective: 'retention', discountPercent: 10 });
    expect(responseBelief([], target)).toEqual(betaFromMean(prior, PRIOR_STRENGTH));
  });

  it('moves most of the way to a strongly similar campaign’s response above its holdout', () => {
    const measured = (0.07 - (40.5 / 2001)) / (1 - 40.5 / 2001) / 0.97;
    const belief = responseBelief([pastCampaign()], target);
    const prior = priorResponseRate({ channels: ['sms'], objective: 'retention', discountPercent: 10 });
    const movedShare = (betaMean(belief) - prior) / (measured - prior);
    expect(movedShare).toBeGreaterThan(0.6);
    expect(movedShare).toBeLessThan(1);
  });

  it('caps one campaign: a hundred times the messages adds little more certainty', () => {
    const ordinary = responseBelief([pastCampaign()], target);
    const huge = responseBelief([pastCampaign({ sent: 2_000_000, converted: 140_000, holdoutSize: 200_000, holdoutConverted: 4000 })], target);
    expect(strength(huge)).toBeLessThan(strength(ordinary) * 1.5);
  });

  it('counts dissimilar, old, other-channel campaigns for less', () => {
    const close = strength(responseBelief([pastCampaign()], target));
    expect(strength(responseBelief([pastCampaign({ similarity: 0.6 })], target))).toBeLessThan(close);
    expect(strength(responseBelief([pastCampaign({ ageDays: 540 })], target))).toBeLessThan(close);
    expect(strength(responseBelief([pastCampaign({ channels: ['email'] })], target))).toBeLessThan(close);
  });

  it('translates other channels through the baselines: an email result implies a higher sms rate', () => {
    const fromEmail = betaMean(responseBelief([pastCampaign({ channels: ['email'] })], { ...target, channel: 'sms' }));
    const forEmail = betaMean(responseBelief([pastCampaign({ channels: ['email'] })], { ...target, channel: 'email' }));
    expect(fromEmail).toBeGreaterThan(forEmail);
  });

  it('treats a campaign that did no better than its holdout as evidence of low response', () => {
    const flat = responseBelief([pastCampaign({ converted: 400, holdoutConverted: 42 })], target);
    const prior = priorResponseRate({ channels: ['sms'], objective: 'retention', discountPercent: 10 });
    expect(betaMean(flat)).toBeLessThan(prior / 2);
    expect(flat.alpha).toBeGreaterThan(0);
  });
});

describe('organicBelief', () => {
  it('is a weak default without data', () => {
    const belief = organicBelief({ customers: 0, purchasedLast30Days: 0, averageOrderValue: null, orderValueStdDev: null }, [], {
      objective: 'retention',
      campaignDays: 14,
    });
    expect(belief).toEqual(betaFromMean(ORGANIC_PRIOR_MEAN, ORGANIC_PRIOR_STRENGTH));
  });

  it('follows the segment’s own purchases, scaled to the attribution window', () => {
    const segment = { customers: 40000, purchasedLast30Days: 4000, averageOrderValue: 100, orderValueStdDev: 50 };
    const belief = organicBelief(segment, [], { objective: 'retention', campaignDays: 14 });
    expect(scaleThirtyDayRate(0.1, 14)).toBeCloseTo(1 - Math.pow(0.9, 14 / 30), 12);
    expect(betaMean(belief)).toBeCloseTo(scaleThirtyDayRate(0.1, 14), 2);
  });
});
