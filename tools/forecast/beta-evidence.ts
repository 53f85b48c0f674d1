// Turns evidence into Beta beliefs: past campaigns (weighted by similarity and recency, capped
// because campaigns differ) update the channel prior on response, and past holdouts plus the
// segment's own recent purchases give the rate at which the audience buys anyway.
import type { Objective } from '../../src/domain/brief.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import {
  CAMPAIGN_SPREAD,
  DELIVERY_RATE,
  MAX_RESPONSE_RATE,
  OWN_PURCHASE_SPREAD,
  PRIOR_STRENGTH,
  averageOverChannels,
  campaignEvidenceCap,
  priorResponseRate,
} from './channel-baselines.ts';
import type { PastCampaignEvidence, SegmentBehaviour } from './forecast-input.ts';

export interface BetaBelief {
  alpha: number;
  beta: number;
}

/** Half-life of a past campaign's relevance, in days. */
export const EVIDENCE_HALF_LIFE_DAYS = 180;
/** Weight kept by a campaign on none of the planned channels / with another objective. */
export const OTHER_CHANNEL_WEIGHT = 0.4;
export const OTHER_OBJECTIVE_WEIGHT = 0.5;
/** Weak prior on the organic (buy-anyway) rate within the window, used when the data is silent. */
export const ORGANIC_PRIOR_MEAN = 0.01;
export const ORGANIC_PRIOR_STRENGTH = 10;
/** The fewest pseudo-successes a belief keeps, so a run of failed campaigns cannot rule a rate out. */
export const MIN_BELIEF_SUCCESSES = 0.1;

/** A prior stated as its mean and its weight in pseudo-trials. */
export interface RatePrior {
  mean: number;
  strength: number;
}

export function betaFromMean(mean: number, strength: number): BetaBelief {
  return { alpha: mean * strength, beta: (1 - mean) * strength };
}

export function betaMean(belief: BetaBelief): number {
  return belief.alpha / (belief.alpha + belief.beta);
}

/** Weight of a past campaign before channel matching: similarity² × recency halving × objective match. */
export function campaignWeight(campaign: PastCampaignEvidence, objective: Objective): number {
  const recency = Math.pow(0.5, campaign.ageDays / EVIDENCE_HALF_LIFE_DAYS);
  const objectiveMatch = campaign.objective === objective ? 1 : OTHER_OBJECTIVE_WEIGHT;
  const similarity = Math.min(1, Math.max(0, campaign.similarity));
  return similarity * similarity * recency * objectiveMatch;
}

export function channelMatch(channel: Channel, campaignChannels: readonly Channel[]): number {
  return campaignChannels.includes(channel) ? 1 : OTHER_CHANNEL_WEIGHT;
}

/** Trials shrunk toward `cap`: n·cap/(n+cap), the information left once campaigns differ. */
function cappedTrials(trials: number, cap: number): number {
  return trials <= 0 ? 0 : (trials * cap) / (trials + cap);
}

/** A rate with half a success added either side, so variances never collapse to zero. */
function smoothedRate(successes: number, trials: number): number {
  return (successes + 0.5) / (trials + 1);
}

interface RateEvidence {
  /** The rate it measured, on the scale of the rate being estimated. */
  rate: number;
  /** Sampling variance of that measurement. */
  variance: number;
  weight: number;
  /** How far (log scale) the rate it measured may differ from the one being estimated. */
  spread: number;
}

/**
 * Adds weighted evidence to a prior. Each measurement becomes the binomial trials that would
 * carry its variance at the typical rate, shrunk toward a cap set by its spread and weight
 * (n·cap/(n+cap)). Trials and caps depend on the typical rate, so a second pass uses the first
 * pass's mean rather than the (often far off) prior mean.
 */
function combine(prior: BetaBelief, evidence: readonly RateEvidence[]): BetaBelief {
  const update = (typicalRate: number): BetaBelief => {
    const summed = evidence.reduce((belief, item) => {
      const trials = (typicalRate * (1 - typicalRate)) / item.variance;
      const effective = cappedTrials(trials, item.weight * campaignEvidenceCap(typicalRate, item.spread));
      return { alpha: belief.alpha + effective * item.rate, beta: belief.beta + effective * (1 - item.rate) };
    }, prior);
    // Measured rates below zero are kept (clipping them would bias the pooled rate upward), so the
    // sum may dip under the prior's successes: never let it vanish.
    const trials = summed.alpha + summed.beta;
    const alpha = Math.max(summed.alpha, MIN_BELIEF_SUCCESSES);
    return { alpha, beta: Math.max(trials - alpha, MIN_BELIEF_SUCCESSES) };
  };
  // Floor the typical rate: a run of flat campaigns must not shrink every later measurement to nothing.
  const firstPass = betaMean(update(betaMean(prior)));
  return update(Math.max(firstPass, betaMean(prior) / 4));
}

/**
 * What one past campaign says about the response rate of a delivered message on `channel`:
 * its conversion rate above its holdout (or above `organicRate` when it had none), per delivered
 * message, translated to this campaign's channel, objective and discount through the baselines.
 */
function responseEvidence(
  campaign: PastCampaignEvidence,
  target: { channel: Channel; objective: Objective; discountPercent: number; organicRate: number },
): RateEvidence | null {
  if (campaign.sent === 0) return null;
  const closeness = campaignWeight(campaign, target.objective);
  const weight = closeness * channelMatch(target.channel, campaign.channels);
  if (weight <= 0) return null;
  const converted = smoothedRate(campaign.converted, campaign.sent);
  const convertedVariance = (converted * (1 - converted)) / campaign.sent;
  // Without a holdout, its audience is assumed to buy anyway like this one, give or take the
  // campaign spread (wider the less alike the campaigns are).
  let organic = Math.min(0.99, target.organicRate);
  let organicVariance = (organic * CAMPAIGN_SPREAD) ** 2 / closeness;
  if (campaign.holdoutSize > 0) {
    organic = Math.min(0.99, campaign.holdoutConverted / campaign.holdoutSize);
    const smoothed = smoothedRate(campaign.holdoutConverted, campaign.holdoutSize);
    organicVariance = (smoothed * (1 - smoothed)) / campaign.holdoutSize;
  }
  const delivery = averageOverChannels(DELIVERY_RATE, campaign.channels);
  const responsePerDelivered = (campaign.converted / campaign.sent - organic) / (1 - organic) / delivery;
  const translation =
    priorResponseRate({ channels: [target.channel], objective: target.objective, discountPercent: target.discountPercent }) /
    priorResponseRate({ channels: campaign.channels, objective: campaign.objective, discountPercent: campaign.discountPercent });
  // Both the campaign's own rate and the organic rate it is measured against add noise.
  const scale = translation / ((1 - organic) * delivery);
  return {
    // May be below zero when the campaign did worse than its holdout: that is evidence too.
    rate: Math.min(MAX_RESPONSE_RATE, responsePerDelivered * translation),
    variance: (convertedVariance + organicVariance) * scale * scale,
    weight,
    spread: CAMPAIGN_SPREAD,
  };
}

/** Posterior belief about the typical response rate of a delivered message on `channel`. */
export function responseBelief(
  pastCampaigns: readonly PastCampaignEvidence[],
  target: { channel: Channel; objective: Objective; discountPercent: number; organicRate: number },
  /** Replaces the channel-baseline prior (for outcomes other than purchases). */
  prior: RatePrior = {
    mean: priorResponseRate({ channels: [target.channel], objective: target.objective, discountPercent: target.discountPercent }),
    strength: PRIOR_STRENGTH,
  },
): BetaBelief {
  const evidence = pastCampaigns
    .map((campaign) => responseEvidence(campaign, target))
    .filter((item): item is RateEvidence => item !== null);
  return combine(betaFromMean(prior.mean, prior.strength), evidence);
}

/** Chance of at least one purchase within `days`, from the chance within 30 days (constant hazard). */
export function scaleThirtyDayRate(rate30: number, days: number): number {
  return 1 - Math.pow(1 - Math.min(1, Math.max(0, rate30)), days / 30);
}

/**
 * Belief about the organic rate in the coming window: the chance a customer in the audience buys
 * within it anyway. Evidence: the segment's own last 30 days (scaled to the window, trusted up to
 * the window-to-window spread) and the holdout groups of past campaigns (other audiences: trusted
 * up to the campaign spread, weighted like their response evidence without the channel factor).
 */
export function organicBelief(
  segment: SegmentBehaviour,
  pastCampaigns: readonly PastCampaignEvidence[],
  context: { objective: Objective; campaignDays: number },
  /** Replaces the weak default prior (for outcomes other than purchases). */
  prior: RatePrior = { mean: ORGANIC_PRIOR_MEAN, strength: ORGANIC_PRIOR_STRENGTH },
): BetaBelief {
  const evidence: RateEvidence[] = [];
  if (segment.customers > 0) {
    const windowRate = scaleThirtyDayRate(segment.purchasedLast30Days / segment.customers, context.campaignDays);
    const smoothed = scaleThirtyDayRate(smoothedRate(segment.purchasedLast30Days, segment.customers), context.campaignDays);
    evidence.push({
      rate: windowRate,
      variance: (smoothed * (1 - smoothed)) / segment.customers,
      weight: 1,
      spread: OWN_PURCHASE_SPREAD,
    });
  }
  for (const campaign of pastCampaigns) {
    if (campaign.holdoutSize === 0) continue;
    const smoothed = smoothedRate(campaign.holdoutConverted, campaign.holdoutSize);
    evidence.push({
      rate: campaign.holdoutConverted / campaign.holdoutSize,
      variance: (smoothed * (1 - smoothed)) / campaign.holdoutSize,
      weight: campaignWeight(campaign, context.objective),
      spread: CAMPAIGN_SPREAD,
    });
  }
  return combine(betaFromMean(prior.mean, prior.strength), evidence);
}
