// Turns the Monte Carlo draws into the figures a forecast shows: the funnel per channel, the
// conversion rate, the cost breakdown and the holdout worth keeping.
import type { ChannelFunnel, CostBreakdown, HoldoutPlan, Range } from '../../src/domain/plan.ts';
import { recommendHoldout } from './holdout.ts';
import type { ChannelPlan, OutcomeDraws } from './simulate-outcomes.ts';
import { summariseDraws } from './summarise-draws.ts';

export function summariseFunnel(plans: readonly ChannelPlan[], draws: OutcomeDraws): ChannelFunnel[] {
  return plans.map((plan, index) => {
    const channel = draws.channels[index]!;
    return {
      channel: plan.channel,
      sent: plan.sent,
      delivered: summariseDraws(channel.delivered, 'count'),
      opened: channel.opened ? summariseDraws(channel.opened, 'count') : null,
      clicked: channel.clicked ? summariseDraws(channel.clicked, 'count') : null,
      converted: summariseDraws(channel.converted, 'count'),
    };
  });
}

/** Conversions per message sent. */
export function conversionRateRange(draws: OutcomeDraws, sent: number): Range {
  return summariseDraws(draws.conversions.map((conversions) => conversions / sent), 'rate');
}

export function summariseCosts(draws: OutcomeDraws, messageCost: number): CostBreakdown {
  const messages = Math.round(messageCost * 100) / 100;
  return {
    messages: { p10: messages, p50: messages, p90: messages },
    discount: summariseDraws(draws.discountCost, 'money'),
    discountOnOrganic: summariseDraws(draws.discountOnOrganic, 'money'),
  };
}

/** Expected (mean) incremental conversions per recipient: in small audiences the median count is zero. */
export function expectedLiftRate(draws: OutcomeDraws, recipients: number): number {
  if (recipients === 0 || draws.incrementalConversions.length === 0) return 0;
  const total = draws.incrementalConversions.reduce((sum, value) => sum + value, 0);
  return total / draws.incrementalConversions.length / recipients;
}

/** The holdout to keep: sized to detect the expected forecast lift over the buy-anyway rate. */
export function holdoutFor(recipients: number, organicRate: number, liftRate: number): HoldoutPlan {
  if (recipients === 0) {
    return { share: 0, size: 0, measurable: false, statement: 'Nobody can be reached, so there is nothing to hold out.' };
  }
  const baselineRate = Math.min(0.99, Math.max(0, organicRate));
  const expectedLift = Math.min(0.99 - baselineRate, Math.max(0, liftRate));
  return recommendHoldout({ audience: recipients, baselineRate, expectedLift });
}
