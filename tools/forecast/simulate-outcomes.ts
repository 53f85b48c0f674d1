// Monte Carlo over the campaign's outcome: each draw picks an organic rate for the window, a
// response rate per channel (uncertainty about the typical rate times this campaign's own
// deviation from it), binomial conversions, order values and costs. Returns the raw draws; summarising them is the caller's job.
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CAMPAIGN_SPREAD, MAX_RESPONSE_RATE } from './channel-baselines.ts';
import type { BetaBelief } from './beta-evidence.ts';
import { betaQuantile } from './distributions.ts';
import type { OrderValueBelief } from './order-value.ts';
import { createSeededRandom, sampleBinomial } from './seeded-random.ts';

export interface ChannelPlan {
  channel: Channel;
  delivered: number;
  response: BetaBelief;
}

export interface SimulationSetup {
  channels: readonly ChannelPlan[];
  organic: BetaBelief;
  orderValue: OrderValueBelief;
  /** Cost of sending every message, fixed. */
  messageCost: number;
  discountPercent: number;
}

export interface OutcomeDraws {
  conversions: Float64Array;
  incrementalConversions: Float64Array;
  revenue: Float64Array;
  cost: Float64Array;
  /** NaN where the draw cost nothing, so return on it is undefined. */
  roi: Float64Array;
}

/** Below half a cent a draw costs nothing as far as anyone can tell, and return on it is undefined. */
export const MIN_COST_FOR_ROI = 0.005;

/** A mean-one log-normal factor: `spread` is its log-scale standard deviation. */
function meanOneLogNormal(spread: number, standardNormal: number): number {
  return Math.exp(spread * standardNormal - (spread * spread) / 2);
}

export function simulateOutcomes(setup: SimulationSetup, options: { draws: number; seed: number }): OutcomeDraws {
  const random = createSeededRandom(options.seed);
  const draws = {
    conversions: new Float64Array(options.draws),
    incrementalConversions: new Float64Array(options.draws),
    revenue: new Float64Array(options.draws),
    cost: new Float64Array(options.draws),
    roi: new Float64Array(options.draws),
  };
  for (let draw = 0; draw < options.draws; draw++) {
    const organic = betaQuantile(random.uniform(), setup.organic.alpha, setup.organic.beta);
    // One quantile and one spread factor for all channels: the same evidence and the same
    // creative, timing and offer move every channel of a campaign together.
    const responseQuantile = random.uniform();
    const campaignFactor = meanOneLogNormal(CAMPAIGN_SPREAD, random.normal());
    let conversions = 0;
    let organicExpected = 0;
    for (const plan of setup.channels) {
      const typical = betaQuantile(responseQuantile, plan.response.alpha, plan.response.beta);
      const response = Math.min(MAX_RESPONSE_RATE, typical * campaignFactor);
      conversions += sampleBinomial(random, plan.delivered, organic + (1 - organic) * response);
      organicExpected += plan.delivered * organic;
    }
    const valuePerOrder = setup.orderValue.mean * meanOneLogNormal(setup.orderValue.meanSpread, random.normal());
    const revenue = Math.max(
      0,
      conversions * valuePerOrder + Math.sqrt(conversions) * setup.orderValue.orderStdDev * random.normal(),
    );
    const incremental = conversions - organicExpected;
    const cost = setup.messageCost + (setup.discountPercent / 100) * revenue;
    draws.conversions[draw] = conversions;
    draws.incrementalConversions[draw] = incremental;
    draws.revenue[draw] = revenue;
    draws.cost[draw] = cost;
    draws.roi[draw] = cost >= MIN_COST_FOR_ROI ? (incremental * valuePerOrder - cost) / cost : Number.NaN;
  }
  return draws;
}
