// The forecast at the level of rates: what share of one channel's recipients will take the
// outcome the past campaigns recorded (a purchase, a site visit...) and how far above the buy-anyway
// rate that is. The same evidence and simulation as `forecastImpact`, without money; used to check
// the model against real experiments, where the outcome need not be a purchase.
import type { Objective } from '../../src/domain/brief.ts';
import type { Range } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { betaMean, organicBelief, responseBelief, type RatePrior } from './beta-evidence.ts';
import { CAMPAIGN_SPREAD, DELIVERY_RATE } from './channel-baselines.ts';
import { validateForecastOptions, type ForecastOptions } from './forecast-impact.ts';
import { DEFAULT_CAMPAIGN_DAYS, PastCampaignEvidence, type SegmentBehaviour } from './forecast-input.ts';
import { orderValueBelief } from './order-value.ts';
import { simulateOutcomes } from './simulate-outcomes.ts';
import { summariseDraws } from './summarise-draws.ts';

export interface RateForecastInput {
  channel: Channel;
  objective: Objective;
  discountPercent: number;
  /** Customers messaged: the rates are shares of them. */
  recipients: number;
  pastCampaigns: readonly PastCampaignEvidence[];
  /** The audience's own recent purchases, when known; without them it varies like past audiences. */
  segment?: SegmentBehaviour | null;
  campaignDays?: number;
  /** Priors for outcomes the channel baselines do not describe (defaults: the purchase priors). */
  priors?: { organic?: RatePrior; response?: RatePrior };
}

export interface RateForecast {
  /** Mean of the belief about the buy-anyway (no-message) rate. */
  organicRate: number;
  /** Share of recipients with the outcome, binomial noise included. */
  treatedRate: Range;
  /** Treated rate minus the audience's buy-anyway rate: what a holdout comparison measures. */
  lift: Range;
  /** The sorted draws behind `treatedRate` and `lift`, for calibration checks. */
  treatedRateDraws: Float64Array;
  liftDraws: Float64Array;
}

const NO_SEGMENT: SegmentBehaviour = { customers: 0, purchasedLast30Days: 0, averageOrderValue: null, orderValueStdDev: null };

function validateRateInput(input: RateForecastInput): void {
  if (!Number.isInteger(input.recipients) || input.recipients < 1) {
    throw new CodedError(ErrorCode.InvalidInput, `recipients must be a whole number of at least 1, got ${input.recipients}`);
  }
  input.pastCampaigns.forEach((campaign, index) => {
    const parsed = PastCampaignEvidence.safeParse(campaign);
    if (!parsed.success) {
      throw new CodedError(ErrorCode.InvalidInput, `pastCampaigns.${index} is invalid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
    }
    if (campaign.converted > campaign.sent || campaign.holdoutConverted > campaign.holdoutSize) {
      throw new CodedError(ErrorCode.InvalidInput, `pastCampaigns.${index}: outcomes cannot exceed the group they were counted in`);
    }
  });
}

export function forecastRates(input: RateForecastInput, options: ForecastOptions = {}): RateForecast {
  validateRateInput(input);
  const { draws, seed } = validateForecastOptions(options);
  const segment = input.segment ?? NO_SEGMENT;
  const campaignDays = input.campaignDays ?? DEFAULT_CAMPAIGN_DAYS;
  const organic = organicBelief(segment, input.pastCampaigns, { objective: input.objective, campaignDays }, input.priors?.organic);
  const organicRate = betaMean(organic);
  const response = responseBelief(
    input.pastCampaigns,
    { channel: input.channel, objective: input.objective, discountPercent: input.discountPercent, organicRate },
    input.priors?.response,
  );
  const outcome = simulateOutcomes(
    {
      channels: [{ channel: input.channel, sent: input.recipients, deliveryRate: DELIVERY_RATE[input.channel], response, opened: null, clicked: null }],
      organic,
      organicSpread: segment.customers > 0 ? 0 : CAMPAIGN_SPREAD,
      orderValue: orderValueBelief(segment),
      messageCost: 0,
      discountPercent: 0,
    },
    { draws, seed },
  );
  const treatedRateDraws = outcome.conversions.map((count) => count / input.recipients).sort();
  const liftDraws = outcome.incrementalConversions.map((count) => count / input.recipients).sort();
  return {
    organicRate,
    treatedRate: summariseDraws(treatedRateDraws, 'rate'),
    lift: summariseDraws(liftDraws, 'rate'),
    treatedRateDraws,
    liftDraws,
  };
}
