// Forecasts a campaign's impact as honest p10/p50/p90 ranges: channel baselines as priors, similar
// past campaigns as evidence, the segment's recent purchases as the buy-anyway rate, then a seeded
// Monte Carlo over conversions, incremental conversions, revenue, cost and ROI.
import type { Forecast } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { betaMean, organicBelief, responseBelief } from './beta-evidence.ts';
import { DELIVERY_RATE } from './channel-baselines.ts';
import { citePastCampaigns } from './cite-evidence.ts';
import { NOBODY_REACHABLE, describeAssumptions } from './forecast-assumptions.ts';
import { DEFAULT_CAMPAIGN_DAYS, validateForecastInput } from './forecast-input.ts';
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

function zeroForecast(currency: string): Forecast {
  return {
    reach: 0,
    conversions: ZERO_RANGE,
    incrementalConversions: ZERO_RANGE,
    revenue: ZERO_RANGE,
    cost: ZERO_RANGE,
    roi: ZERO_RANGE,
    currency,
    basedOn: [],
    pastCampaigns: [],
    assumptions: [NOBODY_REACHABLE],
  };
}

export function forecastImpact(rawInput: ForecastInput, options: ForecastOptions = {}): Forecast {
  const input = validateForecastInput(rawInput);
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(draws) || draws < 1) {
    throw new CodedError(ErrorCode.InvalidInput, `options.draws must be a whole number of at least 1, got ${draws}`);
  }
  if (!Number.isInteger(seed)) {
    throw new CodedError(ErrorCode.InvalidInput, `options.seed must be a whole number, got ${seed}`);
  }
  const campaignDays = input.campaignDays ?? DEFAULT_CAMPAIGN_DAYS;
  const plannedChannels = [...new Set(input.channels)];
  const reachedChannels = plannedChannels.filter((channel) => (input.reachByChannel[channel] ?? 0) > 0);
  const deliveredOn = (channel: Channel): number => Math.round((input.reachByChannel[channel] ?? 0) * DELIVERY_RATE[channel]);
  const reach = reachedChannels.reduce((sum, channel) => sum + deliveredOn(channel), 0);
  if (reach === 0) return zeroForecast(input.currency);

  const organic = organicBelief(input.segment, input.pastCampaigns, { objective: input.objective, campaignDays });
  const organicRate = betaMean(organic);
  const channels: ChannelPlan[] = reachedChannels.map((channel) => ({
    channel,
    delivered: deliveredOn(channel),
    response: responseBelief(input.pastCampaigns, {
      channel,
      objective: input.objective,
      discountPercent: input.discountPercent,
      organicRate,
    }),
  }));
  const messageCost = reachedChannels.reduce(
    (sum, channel) => sum + (input.reachByChannel[channel] ?? 0) * (input.costPerMessage[channel] ?? 0),
    0,
  );
  const orderValue = orderValueBelief(input.segment);
  const outcome = simulateOutcomes(
    { channels, organic, orderValue, messageCost, discountPercent: input.discountPercent },
    { draws, seed },
  );
  const roiDefined = outcome.roi.some((value) => Number.isFinite(value));
  const citations = citePastCampaigns(input.pastCampaigns, { objective: input.objective, channels: plannedChannels });
  return {
    reach,
    conversions: summariseDraws(outcome.conversions, 'count'),
    incrementalConversions: summariseDraws(outcome.incrementalConversions, 'count'),
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
  };
}
