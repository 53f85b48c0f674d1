// Forecasts a campaign's impact as honest p10/p50/p90 ranges: channel baselines as priors, similar
// past campaigns as evidence, the segment's recent purchases as the buy-anyway rate, then a seeded
// Monte Carlo over the funnel, conversions, incremental conversions, revenue, cost and ROI, with
// the holdout worth keeping and the drivers behind the numbers.
import type { Forecast, ReachSteps } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { betaMean, organicBelief, responseBelief } from './beta-evidence.ts';
import { CAMPAIGN_SPREAD, DELIVERY_RATE, priorResponseRate } from './channel-baselines.ts';
import { citePastCampaigns, citationWeight } from './cite-evidence.ts';
import { engagementBeliefs } from './engagement-baselines.ts';
import { NOBODY_REACHABLE, describeAssumptions } from './forecast-assumptions.ts';
import { explainDrivers } from './forecast-drivers.ts';
import { conversionRateRange, holdoutFor, expectedLiftRate, summariseCosts, summariseFunnel } from './forecast-figures.ts';
import { DEFAULT_CAMPAIGN_DAYS, plannedRecipients, validateForecastInput } from './forecast-input.ts';
import type { ForecastInput } from './forecast-input.ts';
import { orderValueBelief } from './order-value.ts';
import { simulateOutcomes } from './simulate-outcomes.ts';
import type { ChannelPlan } from './simulate-outcomes.ts';
import { ZERO_RANGE, summariseDraws } from './summarise-draws.ts';

export type { ForecastInput, PastCampaignEvidence, SegmentBehaviour } from './forecast-input.ts';

export interface ForecastOptions {
  /** Monte Carlo draws; more draws, steadier percentiles. */
  draws?: number;
  /** Seed of the random source: the same seed and input always give the same forecast. */
  seed?: number;
}

export const DEFAULT_DRAWS = 4000;
export const DEFAULT_SEED = 1;

/** Checks the simulation options; throws INVALID_INPUT naming the option. */
export function validateForecastOptions(options: ForecastOptions): { draws: number; seed: number } {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(draws) || draws < 1) {
    throw new CodedError(ErrorCode.InvalidInput, `options.draws must be a whole number of at least 1, got ${draws}`);
  }
  if (!Number.isInteger(seed)) {
    throw new CodedError(ErrorCode.InvalidInput, `options.seed must be a whole number, got ${seed}`);
  }
  return { draws, seed };
}

function reachStepsOf(input: ForecastInput): ReachSteps {
  const recipients = plannedRecipients(input);
  return {
    segment: input.segment.customers,
    consented: input.audienceSteps?.consented ?? recipients,
    recipients,
    delayedByQuietHours: input.audienceSteps?.delayedByQuietHours ?? null,
  };
}

function zeroForecast(input: ForecastInput): Forecast {
  return {
    reach: 0,
    conversions: ZERO_RANGE,
    incrementalConversions: ZERO_RANGE,
    revenue: ZERO_RANGE,
    cost: ZERO_RANGE,
    roi: ZERO_RANGE,
    currency: input.currency,
    basedOn: [],
    pastCampaigns: [],
    assumptions: [NOBODY_REACHABLE],
    reachSteps: reachStepsOf(input),
    funnel: [],
    conversionRate: ZERO_RANGE,
    incrementalRevenue: ZERO_RANGE,
    costBreakdown: { messages: ZERO_RANGE, discount: ZERO_RANGE, discountOnOrganic: ZERO_RANGE },
    holdout: holdoutFor(0, 0, 0),
    drivers: [],
  };
}

export function forecastImpact(rawInput: ForecastInput, options: ForecastOptions = {}): Forecast {
  const input = validateForecastInput(rawInput);
  const { draws, seed } = validateForecastOptions(options);
  const campaignDays = input.campaignDays ?? DEFAULT_CAMPAIGN_DAYS;
  const sendsPerRecipient = input.sendsPerRecipient ?? 1;
  const plannedChannels = [...new Set(input.channels)];
  const reachedChannels = plannedChannels.filter((channel) => (input.reachByChannel[channel] ?? 0) > 0);
  const sentOn = (channel: Channel): number => input.reachByChannel[channel] ?? 0;
  const recipients = plannedRecipients(input);
  const reach = reachedChannels.reduce((sum, channel) => sum + Math.round(sentOn(channel) * DELIVERY_RATE[channel]), 0);
  if (reach === 0) return zeroForecast(input);

  const organic = organicBelief(input.segment, input.pastCampaigns, { objective: input.objective, campaignDays });
  const organicRate = betaMean(organic);
  const responseTarget = (channel: Channel) => ({ channel, objective: input.objective, discountPercent: input.discountPercent, organicRate });
  const channels: ChannelPlan[] = reachedChannels.map((channel) => ({
    channel,
    sent: sentOn(channel),
    sendsPerRecipient,
    deliveryRate: DELIVERY_RATE[channel],
    response: responseBelief(input.pastCampaigns, responseTarget(channel)),
    ...engagementBeliefs(channel),
  }));
  const messageCost = reachedChannels.reduce((sum, channel) => sum + sentOn(channel) * sendsPerRecipient * (input.costPerMessage[channel] ?? 0), 0);
  const orderValue = orderValueBelief(input.segment);
  const ownPurchases = input.segment.customers > 0;
  const outcome = simulateOutcomes(
    // Without its own purchases, the audience is one of the audiences past holdouts describe, and varies around them.
    { channels, organic, organicSpread: ownPurchases ? 0 : CAMPAIGN_SPREAD, orderValue, messageCost, discountPercent: input.discountPercent },
    { draws, seed },
  );
  const roiDefined = outcome.roi.some((value) => Number.isFinite(value));
  const citations = citePastCampaigns(input.pastCampaigns, { objective: input.objective, channels: plannedChannels });
  const incrementalConversions = summariseDraws(outcome.incrementalConversions, 'count');
  const weighty = input.pastCampaigns.filter((campaign) => citationWeight(campaign, input.objective, plannedChannels) > 0).length;
  return {
    reach,
    conversions: summariseDraws(outcome.conversions, 'count'),
    incrementalConversions,
    revenue: summariseDraws(outcome.revenue, 'money'),
    cost: summariseDraws(outcome.cost, 'money'),
    roi: roiDefined ? summariseDraws(outcome.roi, 'money') : ZERO_RANGE,
    currency: input.currency,
    basedOn: citations.map((citation) => citation.name),
    pastCampaigns: citations,
    assumptions: describeAssumptions({
      input,
      campaignDays,
      draws,
      reachedChannels,
      citedNames: citations.map((citation) => citation.name),
      organicRate,
      holdoutGroups: input.pastCampaigns.filter((campaign) => campaign.holdoutSize > 0).length,
      orderValueAssumed: orderValue.assumed,
      roiDefined,
    }),
    reachSteps: reachStepsOf(input),
    funnel: summariseFunnel(channels, outcome),
    conversionRate: conversionRateRange(outcome, recipients),
    incrementalRevenue: summariseDraws(outcome.incrementalRevenue, 'money'),
    costBreakdown: summariseCosts(outcome, messageCost),
    holdout: holdoutFor(recipients, organicRate, expectedLiftRate(outcome, recipients)),
    drivers: explainDrivers({
      channels: channels.map((plan) => ({
        channel: plan.channel,
        share: plan.sent / recipients,
        priorResponse: priorResponseRate({ channels: [plan.channel], objective: input.objective, discountPercent: input.discountPercent }),
        response: betaMean(plan.response),
      })),
      objective: input.objective,
      discountPercent: input.discountPercent,
      evidenceCount: weighty,
      organicRate,
      organicFromOwnPurchases: ownPurchases,
      campaignDays,
      sendDate: input.sendDate,
    }),
  };
}
