// Monte Carlo over the campaign's outcome: each draw picks an organic rate for the window, a
// response rate per channel (uncertainty about the typical rate times this campaign's own
// deviation from it), then per channel who is delivered, who buys anyway, who responds, who opens
// and clicks, and finally order values and costs. Returns the raw draws; summarising them is the
// caller's job.
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CAMPAIGN_SPREAD, MAX_RESPONSE_RATE, repeatedResponseRate } from './channel-baselines.ts';
import type { BetaBelief } from './beta-evidence.ts';
import { betaQuantile } from './distributions.ts';
import type { OrderValueBelief } from './order-value.ts';
import { createSeededRandom, sampleBinomial, type SeededRandom } from './seeded-random.ts';

export interface ChannelPlan {
  channel: Channel;
  /** Recipients on the channel (each gets `sendsPerRecipient` messages). */
  sent: number;
  /** Messages per recipient (a recurring campaign's occurrences); 1 when absent. */
  sendsPerRecipient?: number;
  /** Share of sent messages delivered. */
  deliveryRate: number;
  response: BetaBelief;
  /** Beliefs about the share of delivered messages opened / clicked; null where the channel reports none. */
  opened: BetaBelief | null;
  clicked: BetaBelief | null;
}

export interface SimulationSetup {
  channels: readonly ChannelPlan[];
  organic: BetaBelief;
  /**
   * Log-scale spread of this audience's buy-anyway rate around the organic belief: 0 when the
   * belief already describes this audience (its own purchases), more when it describes audiences
   * like it.
   */
  organicSpread: number;
  orderValue: OrderValueBelief;
  /** Cost of sending every message, fixed. */
  messageCost: number;
  discountPercent: number;
}

export interface ChannelDraws {
  channel: Channel;
  delivered: Float64Array;
  opened: Float64Array | null;
  clicked: Float64Array | null;
  converted: Float64Array;
}

export interface OutcomeDraws {
  conversions: Float64Array;
  /** Conversions beyond the expected buy-anyway ones: what a holdout comparison measures. */
  incrementalConversions: Float64Array;
  revenue: Float64Array;
  incrementalRevenue: Float64Array;
  cost: Float64Array;
  /** The discount on every converted order. */
  discountCost: Float64Array;
  /** The discount on orders that would have happened anyway. */
  discountOnOrganic: Float64Array;
  /** NaN where the draw cost nothing, so return on it is undefined. */
  roi: Float64Array;
  /** The audience's buy-anyway rate in each draw. */
  organicRate: Float64Array;
  channels: ChannelDraws[];
}

/** Below half a cent a draw costs nothing as far as anyone can tell, and return on it is undefined. */
export const MIN_COST_FOR_ROI = 0.005;
/** The highest buy-anyway rate a draw may take. */
const MAX_ORGANIC_RATE = 0.95;

/** A mean-one log-normal factor: `spread` is its log-scale standard deviation. */
function meanOneLogNormal(spread: number, standardNormal: number): number {
  return Math.exp(spread * standardNormal - (spread * spread) / 2);
}

/** Share of the not-yet-counted people who take a step, so that the step's overall share is `target`. */
function remainingShare(target: number, alreadyIn: number): number {
  return alreadyIn >= 1 ? 0 : Math.max(0, (target - alreadyIn) / (1 - alreadyIn));
}

function channelDraws(plan: ChannelPlan, draws: number): ChannelDraws {
  return {
    channel: plan.channel,
    delivered: new Float64Array(draws),
    opened: plan.opened ? new Float64Array(draws) : null,
    clicked: plan.clicked ? new Float64Array(draws) : null,
    converted: new Float64Array(draws),
  };
}

interface ChannelOutcome {
  converted: number;
  boughtAnyway: number;
}

/** One draw on one channel. Responders are counted as clickers (and openers): the message moved them. */
function drawChannel(random: SeededRandom, plan: ChannelPlan, rates: { organic: number; response: number }, into: ChannelDraws, draw: number): ChannelOutcome {
  const delivered = sampleBinomial(random, plan.sent, plan.deliveryRate);
  const anywayDelivered = sampleBinomial(random, delivered, rates.organic);
  const anywayUndelivered = sampleBinomial(random, plan.sent - delivered, rates.organic);
  const responders = sampleBinomial(random, delivered - anywayDelivered, rates.response);
  const converted = anywayDelivered + anywayUndelivered + responders;
  into.delivered[draw] = delivered;
  into.converted[draw] = converted;
  let clickShare = rates.response;
  let clicked = responders;
  if (plan.clicked && into.clicked) {
    clickShare = Math.max(rates.response, betaQuantile(random.uniform(), plan.clicked.alpha, plan.clicked.beta));
    clicked = responders + sampleBinomial(random, delivered - responders, remainingShare(clickShare, rates.response));
    into.clicked[draw] = clicked;
  }
  if (plan.opened && into.opened) {
    const openShare = betaQuantile(random.uniform(), plan.opened.alpha, plan.opened.beta);
    into.opened[draw] = clicked + sampleBinomial(random, delivered - clicked, remainingShare(openShare, clickShare));
  }
  return { converted, boughtAnyway: anywayDelivered + anywayUndelivered };
}

export function simulateOutcomes(setup: SimulationSetup, options: { draws: number; seed: number }): OutcomeDraws {
  const random = createSeededRandom(options.seed);
  const size = options.draws;
  const draws: OutcomeDraws = {
    conversions: new Float64Array(size),
    incrementalConversions: new Float64Array(size),
    revenue: new Float64Array(size),
    incrementalRevenue: new Float64Array(size),
    cost: new Float64Array(size),
    discountCost: new Float64Array(size),
    discountOnOrganic: new Float64Array(size),
    roi: new Float64Array(size),
    organicRate: new Float64Array(size),
    channels: setup.channels.map((plan) => channelDraws(plan, size)),
  };
  const totalSent = setup.channels.reduce((sum, plan) => sum + plan.sent, 0);
  const discountShare = setup.discountPercent / 100;
  for (let draw = 0; draw < size; draw++) {
    const typicalOrganic = betaQuantile(random.uniform(), setup.organic.alpha, setup.organic.beta);
    const organic = Math.min(MAX_ORGANIC_RATE, typicalOrganic * meanOneLogNormal(setup.organicSpread, random.normal()));
    // One quantile and one spread factor for all channels: the same evidence and the same
    // creative, timing and offer move every channel of a campaign together.
    const responseQuantile = random.uniform();
    const campaignFactor = meanOneLogNormal(CAMPAIGN_SPREAD, random.normal());
    let conversions = 0;
    let boughtAnyway = 0;
    setup.channels.forEach((plan, index) => {
      const typical = betaQuantile(responseQuantile, plan.response.alpha, plan.response.beta);
      // A recipient of several sends buys at most once within the window: the chance that any of them moved them.
      const response = repeatedResponseRate(Math.min(MAX_RESPONSE_RATE, typical * campaignFactor), plan.sendsPerRecipient ?? 1);
      const outcome = drawChannel(random, plan, { organic, response }, draws.channels[index]!, draw);
      conversions += outcome.converted;
      boughtAnyway += outcome.boughtAnyway;
    });
    const valuePerOrder = setup.orderValue.mean * meanOneLogNormal(setup.orderValue.meanSpread, random.normal());
    const revenue = Math.max(0, conversions * valuePerOrder + Math.sqrt(conversions) * setup.orderValue.orderStdDev * random.normal());
    const incremental = conversions - totalSent * organic;
    const discountCost = discountShare * revenue;
    const cost = setup.messageCost + discountCost;
    const incrementalRevenue = incremental * valuePerOrder;
    draws.conversions[draw] = conversions;
    draws.incrementalConversions[draw] = incremental;
    draws.revenue[draw] = revenue;
    draws.incrementalRevenue[draw] = incrementalRevenue;
    draws.cost[draw] = cost;
    draws.discountCost[draw] = discountCost;
    draws.discountOnOrganic[draw] = discountShare * boughtAnyway * valuePerOrder;
    draws.roi[draw] = cost >= MIN_COST_FOR_ROI ? (incrementalRevenue - cost) / cost : Number.NaN;
    draws.organicRate[draw] = organic;
  }
  return draws;
}
