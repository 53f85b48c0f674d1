// The known truth behind the demo's past campaigns: how likely a recipient is to buy because of a
// message, by channel, objective and discount, and how often people buy anyway. Outcomes are drawn
// from it (binomially, with a per-campaign log-normal factor so campaigns differ like real ones),
// so a forecast trained on the demo history can be checked against the rates that generated it.
import type { Objective } from '../../domain/brief.ts';
import type { Channel } from '../../domain/vocabulary.ts';
import type { Random } from './random.ts';

export interface ResponseModel {
  /** Incremental conversion of a delivered message, average objective, no discount. */
  baseRate: Record<Channel, number>;
  /** How responsive each objective's audience is, relative to an average campaign. */
  objectiveMultiplier: Record<Objective, number>;
  /** Multiplier on the incremental rate for a discount of `discountPercent` (1 at 0%). */
  discountEffect(discountPercent: number): number;
  /** Chance a recipient (or a holdout member) buys within the attribution window anyway. */
  organicRate: number;
  /** Share of sent messages that reach the customer. */
  deliveryRate: Record<Channel, number>;
  /** Standard deviation of the campaign-level log-normal factor (median 1). */
  campaignSpread: number;
  /** The highest incremental rate any campaign can have. */
  maxRate: number;
}

export const RESPONSE_MODEL: ResponseModel = {
  baseRate: { sms: 0.018, email: 0.009, push: 0.007, wecom: 0.024 },
  objectiveMultiplier: {
    cart_recovery: 2.8,
    conversion: 1.3,
    activation: 1.1,
    retention: 1.0,
    aov: 0.9,
    cross_sell: 0.85,
    winback: 0.75,
    awareness: 0.3,
  },
  // Diminishing returns: 10% off -> x1.23, 20% -> x1.37, 30% -> x1.49.
  discountEffect(discountPercent: number): number {
    const depth = Math.min(100, Math.max(0, discountPercent));
    return 1 + 0.045 * Math.pow(depth, 0.7);
  },
  organicRate: 0.006,
  deliveryRate: { sms: 0.97, email: 0.94, push: 0.86, wecom: 0.96 },
  campaignSpread: 0.35,
  maxRate: 0.9,
};

export interface CampaignContext {
  channels: readonly Channel[];
  objective: Objective;
  discountPercent: number;
}

const meanOver = (table: Record<Channel, number>, channels: readonly Channel[]): number =>
  channels.reduce((sum, channel) => sum + table[channel], 0) / Math.max(1, channels.length);

/** The model's incremental conversion rate of a delivered message (channels averaged), before campaign variation. */
export function expectedIncrementalRate(context: CampaignContext, model: ResponseModel = RESPONSE_MODEL): number {
  const rate = meanOver(model.baseRate, context.channels) * model.objectiveMultiplier[context.objective] * model.discountEffect(context.discountPercent);
  return Math.min(model.maxRate, rate);
}

export function expectedDeliveryRate(channels: readonly Channel[], model: ResponseModel = RESPONSE_MODEL): number {
  return meanOver(model.deliveryRate, channels);
}

export interface OutcomeDraw {
  audienceSize: number;
  sent: number;
  delivered: number;
  converted: number;
  revenue: number;
  holdoutSize: number;
  holdoutConverted: number;
  /** This campaign's log-normal factor on the incremental rate. */
  campaignFactor: number;
}

export interface OutcomeInput extends CampaignContext {
  audienceSize: number;
  /** Share of the audience held out (not messaged), e.g. 0.05-0.10. */
  holdoutShare: number;
  /** Average value of a converting order, in CNY. */
  averageOrderValue: number;
}

/**
 * Draws what happened: the holdout converts at the organic rate; the treated part is sent (a few
 * drop out to frequency caps), delivered per channel, and a delivered recipient converts at
 * organic + incremental × campaign factor, an undelivered one at the organic rate.
 */
export function drawCampaignOutcome(input: OutcomeInput, random: Random, model: ResponseModel = RESPONSE_MODEL): OutcomeDraw {
  const holdoutSize = Math.round(input.audienceSize * input.holdoutShare);
  const treated = input.audienceSize - holdoutSize;
  const sent = treated - random.binomial(treated, 0.03);
  const delivered = random.binomial(sent, expectedDeliveryRate(input.channels, model));
  const campaignFactor = Math.exp(random.normal(0, model.campaignSpread));
  const deliveredRate = Math.min(model.maxRate, model.organicRate + expectedIncrementalRate(input, model) * campaignFactor);
  const converted = random.binomial(delivered, deliveredRate) + random.binomial(sent - delivered, model.organicRate);
  const holdoutConverted = random.binomial(holdoutSize, model.organicRate);
  const orderValueNoise = converted > 0 ? Math.exp(random.normal(0, 0.25 / Math.sqrt(converted))) : 0;
  const revenue = Math.round(converted * input.averageOrderValue * orderValueNoise * 100) / 100;
  return { audienceSize: input.audienceSize, sent, delivered, converted, revenue, holdoutSize, holdoutConverted, campaignFactor };
}
