// Calibration: in a simulated world that follows the model's own assumptions (true rates drawn
// from the channel priors, past campaigns scattered around them by similarity and age), the
// actual outcome should land inside [p10, p90] about 80 % of the time — and the ranges should
// stay narrow enough to be useful when evidence is plentiful.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Objective } from '../../src/domain/brief.ts';
import { CHANNELS, type Channel } from '../../src/domain/vocabulary.ts';
import { campaignWeight, channelMatch, scaleThirtyDayRate } from './beta-evidence.ts';
import {
  CAMPAIGN_SPREAD,
  DELIVERY_RATE,
  MAX_RESPONSE_RATE,
  OWN_PURCHASE_SPREAD,
  PRIOR_STRENGTH,
  priorResponseRate,
} from './channel-baselines.ts';
import { betaQuantile } from './distributions.ts';
import { forecastImpact } from './forecast-impact.ts';
import type { ForecastInput, PastCampaignEvidence } from './forecast-impact.ts';
import type { Forecast, Range } from '../../src/domain/plan.ts';
import { createSeededRandom, sampleBinomial, type SeededRandom } from './seeded-random.ts';

const OBJECTIVES: Objective[] = ['winback', 'retention', 'aov', 'conversion', 'cart_recovery', 'cross_sell', 'activation', 'awareness'];
const DISCOUNTS = [0, 10, 20, 30];

const pick = <T>(random: SeededRandom, items: readonly T[]): T => items[Math.floor(random.uniform() * items.length)] as T;
const logUniform = (random: SeededRandom, low: number, high: number): number =>
  Math.exp(Math.log(low) + random.uniform() * (Math.log(high) - Math.log(low)));
const deviate = (random: SeededRandom, spread: number): number => Math.exp(spread * random.normal() - (spread * spread) / 2);

interface SimulatedCampaign {
  input: ForecastInput;
  actualConversions: number;
  actualIncremental: number;
  reach: number;
  evidenceCount: number;
}

/** One world: a true typical response, a true organic rate, noisy past campaigns, then the real outcome. */
function simulateCampaign(random: SeededRandom): SimulatedCampaign {
  const channel = pick(random, CHANNELS);
  const objective = pick(random, OBJECTIVES);
  const discountPercent = pick(random, DISCOUNTS);
  const target = { channels: [channel], objective, discountPercent };
  const priorMean = priorResponseRate(target);
  const typicalResponse = betaQuantile(random.uniform(), priorMean * PRIOR_STRENGTH, (1 - priorMean) * PRIOR_STRENGTH);
  const organic = logUniform(random, 0.002, 0.08);
  const reach = Math.round(logUniform(random, 2000, 60000));
  const campaignDays = 14;

  const pastCampaigns: PastCampaignEvidence[] = [];
  const evidenceCount = Math.floor(random.uniform() * 7);
  for (let j = 0; j < evidenceCount; j++) {
    const pastChannels: Channel[] = random.uniform() < 0.75 ? [channel] : [pick(random, CHANNELS.filter((c) => c !== channel))];
    const past = {
      similarity: 0.5 + 0.5 * random.uniform(),
      ageDays: Math.round(400 * random.uniform()),
      objective: random.uniform() < 0.8 ? objective : pick(random, OBJECTIVES),
      discountPercent: pick(random, DISCOUNTS),
    };
    const sent = Math.round(logUniform(random, 1000, 40000));
    const holdoutSize = random.uniform() < 0.7 ? Math.round(sent * (0.05 + 0.05 * random.uniform())) : 0;
    const draft = { id: `p${j}`, name: `past ${j}`, channels: pastChannels, sent, converted: 0, revenue: 0, holdoutSize, holdoutConverted: 0, ...past };
    // Less similar, older, other-channel campaigns sit further from this one's typical rate.
    const closeness = campaignWeight(draft, objective) * channelMatch(channel, pastChannels);
    const translation = priorResponseRate({ channels: pastChannels, objective: past.objective, discountPercent: past.discountPercent }) / priorMean;
    const response = Math.min(MAX_RESPONSE_RATE, typicalResponse * translation * deviate(random, CAMPAIGN_SPREAD / Math.sqrt(closeness)));
    const pastOrganic = Math.min(0.5, organic * deviate(random, CAMPAIGN_SPREAD / Math.sqrt(campaignWeight(draft, objective))));
    const perSent = pastOrganic + (1 - pastOrganic) * DELIVERY_RATE[pastChannels[0] as Channel] * response;
    pastCampaigns.push({
      ...draft,
      converted: sampleBinomial(random, sent, perSent),
      holdoutConverted: sampleBinomial(random, holdoutSize, pastOrganic),
    });
  }

  const customers = Math.round(reach * 1.1);
  const lastWindowOrganic = Math.min(0.5, organic * deviate(random, OWN_PURCHASE_SPREAD));
  const lastThirtyDays = 1 - Math.pow(1 - lastWindowOrganic, 30 / campaignDays);
  const purchasedLast30Days = sampleBinomial(random, customers, lastThirtyDays);
  expect(scaleThirtyDayRate(lastThirtyDays, campaignDays)).toBeCloseTo(lastWindowOrganic, 10);

  const delivered = Math.round(reach * DELIVERY_RATE[channel]);
  const response = Math.min(MAX_RESPONSE_RATE, typicalResponse * deviate(random, CAMPAIGN_SPREAD));
  // Undelivered messages change nothing: those customers still buy at the organic rate.
  const actualConversions =
    sampleBinomial(random, delivered, organic + (1 - organic) * response) + sampleBinomial(random, reach - delivered, organic);
  return {
    input: {
      objective,
      channels: [channel],
      discountPercent,
      reachByChannel: { [channel]: reach },
      segment: { customers, purchasedLast30Days, averageOrderValue: 150, orderValueStdDev: 120 },
      pastCampaigns,
      costPerMessage: { [channel]: 0.03 },
      currency: 'CNY',
      campaignDays,
    },
    actualConversions,
    actualIncremental: actualConversions - reach * organic,
    reach,
    evidenceCount: pastCampaigns.length,
  };
}

describe('forecast calibration', () => {
  let results: { world: SimulatedCampaign; forecast: Forecast }[] = [];
  beforeAll(() => {
    const random = createSeededRandom(20250101);
    results = Array.from({ length: 200 }, (_, index) => {
      const world = simulateCampaign(random);
      return { world, forecast: forecastImpact(world.input, { draws: 1500, seed: index + 1 }) };
    });
  });
  const inside = (range: Range, actual: number): boolean => range.p10 - 0.5 <= actual && actual <= range.p90 + 0.5;

  it('puts about 80% of actual conversions inside [p10, p90]', () => {
    const coverage = results.filter(({ world, forecast }) => inside(forecast.conversions, world.actualConversions)).length / results.length;
    expect(coverage).toBeGreaterThanOrEqual(0.65);
    expect(coverage).toBeLessThanOrEqual(0.92);
  });

  it('puts about 80% of actual incremental conversions inside [p10, p90]', () => {
    const coverage =
      results.filter(({ world, forecast }) => inside(forecast.incrementalConversions, world.actualIncremental)).length / results.length;
    expect(coverage).toBeGreaterThanOrEqual(0.65);
    expect(coverage).toBeLessThanOrEqual(0.92);
  });

  it('misses on both sides, not mostly one', () => {
    const below = results.filter(({ world, forecast }) => world.actualConversions < forecast.conversions.p10 - 0.5).length;
    const above = results.filter(({ world, forecast }) => world.actualConversions > forecast.conversions.p90 + 0.5).length;
    expect(Math.min(below, above)).toBeGreaterThanOrEqual(5);
    expect(Math.max(below, above)).toBeLessThanOrEqual(40);
  });

  it('keeps ranges useful for large audiences with several past campaigns', () => {
    const ratios = results
      .filter(({ world }) => world.reach >= 10000 && world.evidenceCount >= 3)
      .map(({ forecast }) => forecast.conversions.p90 / Math.max(1, forecast.conversions.p10))
      .sort((a, b) => a - b);
    expect(ratios.length).toBeGreaterThan(20);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeLessThan(3);
  });
});
