// The plain-English assumptions a forecast carries, so the marketer can see what it rests on.
import type { Channel } from '../../src/domain/vocabulary.ts';
import { DELIVERY_RATE, REPEAT_RESPONSE_DECAY } from './channel-baselines.ts';
import { ENGAGEMENT_BASELINES } from './engagement-baselines.ts';
import { DEFAULT_CAMPAIGN_DAYS, type ForecastInput } from './forecast-input.ts';
import { FALLBACK_ORDER_VALUE } from './order-value.ts';

export interface AssumptionFacts {
  input: ForecastInput;
  campaignDays: number;
  draws: number;
  reachedChannels: readonly Channel[];
  citedNames: readonly string[];
  organicRate: number;
  holdoutGroups: number;
  orderValueAssumed: boolean;
  roiDefined: boolean;
}

const percent = (rate: number, digits = 0): string => `${(rate * 100).toFixed(digits)}%`;

export const NOBODY_REACHABLE =
  'Nobody can be reached: no customer in the audience is reachable on the planned channels after consent and exclusions, so every figure is zero.';

function describeEngagement(channel: Channel): string {
  const { opened, clicked } = ENGAGEMENT_BASELINES[channel];
  const share = (rate: number): string => `${Number((rate * 100).toFixed(1))}%`;
  const steps = [opened === null ? null : `${share(opened)} opened`, clicked === null ? null : `${share(clicked)} clicked`];
  return `${channel} ${steps.filter((step) => step !== null).join(', ')}`;
}

export function describeAssumptions(facts: AssumptionFacts): string[] {
  const { input, campaignDays } = facts;
  const window =
    (input.sendsPerRecipient ?? 1) > 1
      ? `from the first message to ${DEFAULT_CAMPAIGN_DAYS} days after the last (${campaignDays} days)`
      : `within ${campaignDays} days of a delivered message`;
  const assumptions = [
    `Conversions are purchases ${window}; each range is the 10th, 50th and 90th percentile of ${facts.draws} simulated outcomes.`,
    `Delivery rates assumed: ${facts.reachedChannels.map((channel) => `${channel} ${percent(DELIVERY_RATE[channel])}`).join(', ')}.`,
    `Opens and clicks are channel baselines, not learned (past outcomes record none): ${facts.reachedChannels.map(describeEngagement).join('; ')}; everyone the message moved to buy is counted as a click.`,
  ];
  const sends = input.sendsPerRecipient ?? 1;
  if (sends > 1) {
    assumptions.push(
      `Each recipient gets ${sends} messages: all are paid for; each later one is assumed to move ${percent(REPEAT_RESPONSE_DECAY)} as many of those not yet moved as the one before (not learned), and a customer counts once however many they answered; the funnel counts recipients.`,
    );
  }
  const delayed = input.audienceSteps?.delayedByQuietHours;
  if (delayed) {
    assumptions.push(`${delayed.toLocaleString('en-US')} sends fall in the recipients' quiet hours and go out when they end; none are dropped.`);
  }
  assumptions.push(
    facts.citedNames.length === 0
      ? 'No similar past campaigns were found: response rates rest on channel baselines alone, so the ranges are wide.'
      : `Response rates start from channel baselines and are updated by similar past campaigns, weighted by similarity and recency (strongest: ${facts.citedNames[0]}).`,
  );
  const { segment } = input;
  if (segment.customers === 0 && facts.holdoutGroups === 0) {
    assumptions.push(
      `No purchase history or holdout results: the share who would buy anyway is a weak default of about ${percent(facts.organicRate, 1)}.`,
    );
  } else {
    const sources = [
      segment.customers > 0 ? "the segment's purchases in the last 30 days" : null,
      facts.holdoutGroups > 0 ? `${facts.holdoutGroups} past holdout group${facts.holdoutGroups === 1 ? '' : 's'}` : null,
    ].filter((source): source is string => source !== null);
    assumptions.push(
      `About ${percent(facts.organicRate, 1)} of the audience would buy within ${campaignDays} days anyway (from ${sources.join(' and ')}); only purchases beyond that count as incremental.`,
    );
  }
  if (segment.customers > 0 && segment.purchasedLast30Days / segment.customers > 0.5) {
    assumptions.push(
      'Most of this segment bought in the last 30 days; if it was chosen for recent purchases, the share who would buy anyway is overstated and the incremental figures understated.',
    );
  }
  assumptions.push(
    facts.orderValueAssumed
      ? `No order history for this segment: an average order of ${FALLBACK_ORDER_VALUE} ${input.currency} is assumed.`
      : `Each order is worth about the segment's average of ${Number(segment.averageOrderValue?.toFixed(2))} ${input.currency}.`,
  );
  if (input.discountPercent > 0) {
    assumptions.push(
      `The ${input.discountPercent}% discount goes to every buyer, including those who would have bought anyway; all of it counts as cost.`,
    );
  }
  for (const channel of facts.reachedChannels) {
    if (input.costPerMessage[channel] === undefined) {
      assumptions.push(`No per-message cost was given for ${channel}: sending on it is counted as free.`);
    }
  }
  for (const channel of input.channels) {
    if (!facts.reachedChannels.includes(channel)) assumptions.push(`Nobody in the audience can be reached on ${channel}.`);
  }
  for (const [channel, reach] of Object.entries(input.reachByChannel)) {
    if (reach && !input.channels.includes(channel as Channel)) {
      assumptions.push(`Reach on ${channel} was given but ${channel} is not a planned channel; it is left out.`);
    }
  }
  assumptions.push(
    facts.roiDefined
      ? 'ROI is (incremental revenue − cost) ÷ cost, where revenue is the full order value before the discount.'
      : 'ROI is not shown: the campaign as entered costs nothing.',
  );
  return assumptions;
}
