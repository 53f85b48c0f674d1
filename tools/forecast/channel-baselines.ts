// Channel baselines: the prior beliefs the forecast starts from before any evidence — how often a
// delivered message makes someone buy who would not have bought anyway, per channel, objective
// and discount depth, plus delivery rates and how far campaigns differ from one another.
import type { Objective } from '../../src/domain/brief.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';

/** Response within the attribution window for a delivered message, for an average objective, no discount. */
export const BASELINE_RESPONSE_RATE: Readonly<Record<Channel, number>> = {
  sms: 0.015,
  email: 0.008,
  push: 0.006,
  wecom: 0.02,
};

/** Share of sent messages that reach the customer. */
export const DELIVERY_RATE: Readonly<Record<Channel, number>> = {
  sms: 0.97,
  email: 0.95,
  push: 0.85,
  wecom: 0.95,
};

/** How responsive each objective's audience is compared with an average campaign. */
export const OBJECTIVE_MULTIPLIER: Readonly<Record<Objective, number>> = {
  cart_recovery: 2.5, // people who were about to buy
  conversion: 1.2,
  activation: 1.0,
  retention: 1.0,
  aov: 0.9,
  cross_sell: 0.8,
  winback: 0.7, // lapsed customers answer less
  awareness: 0.3, // no call to buy
};

/** How strongly the baseline is believed, in pseudo-messages: weak, so a little evidence moves it. */
export const PRIOR_STRENGTH = 40;

/**
 * Campaign-to-campaign spread: the log-scale standard deviation of one campaign's response rate
 * around the typical rate for campaigns like it (0.35 ≈ ±35 %). It caps what one past campaign
 * can teach and keeps a floor under the width of every forecast.
 */
export const CAMPAIGN_SPREAD = 0.35;

/**
 * Window-to-window spread of one audience's own buy-anyway rate (log scale): how far the next
 * window may differ from the last 30 days for the same customers.
 */
export const OWN_PURCHASE_SPREAD = 0.2;

/** The largest response rate any prior or translated piece of evidence may claim. */
export const MAX_RESPONSE_RATE = 0.9;

/**
 * Each further send of a recurring campaign is assumed to move this share as many of the people
 * still not moved as the send before it (fatigue). An assumption, not learned: recorded outcomes
 * are per campaign, not per occurrence.
 */
export const REPEAT_RESPONSE_DECAY = 0.6;

/** The chance that a recipient answers at least one of `sends` messages, each `decay` times as moving as the last. */
export function repeatedResponseRate(rate: number, sends: number, decay = REPEAT_RESPONSE_DECAY): number {
  let unmoved = 1;
  for (let send = 0; send < sends; send += 1) unmoved *= 1 - rate * decay ** send;
  return 1 - unmoved;
}

/** Response rises with discount depth (percent), with diminishing returns: 10 % → ×1.20, 30 % → ×1.43. */
export function discountMultiplier(discountPercent: number): number {
  const depth = Math.min(100, Math.max(0, discountPercent));
  return 1 + 0.04 * Math.pow(depth, 0.7);
}

/** Mean of a rate table over a set of channels (all channels when the set is empty). */
export function averageOverChannels(table: Readonly<Record<Channel, number>>, channels: readonly Channel[]): number {
  const used = channels.length > 0 ? channels : (Object.keys(table) as Channel[]);
  return used.reduce((sum, channel) => sum + table[channel], 0) / used.length;
}

export interface ResponseContext {
  channels: readonly Channel[];
  objective: Objective;
  discountPercent: number;
}

/** Prior mean response for a delivered message in a context (averaged over its channels). */
export function priorResponseRate(context: ResponseContext): number {
  const rate =
    averageOverChannels(BASELINE_RESPONSE_RATE, context.channels) *
    OBJECTIVE_MULTIPLIER[context.objective] *
    discountMultiplier(context.discountPercent);
  return Math.min(MAX_RESPONSE_RATE, rate);
}

/**
 * The most binomial trials one campaign's rate is worth as evidence about another's when their
 * typical rate is `rate` and they differ by `spread` (log scale): beyond this, more messages say
 * more about that campaign, not this one.
 */
export function campaignEvidenceCap(rate: number, spread: number = CAMPAIGN_SPREAD): number {
  const clamped = Math.min(0.99, Math.max(1e-4, rate));
  return (1 - clamped) / (clamped * spread * spread);
}
