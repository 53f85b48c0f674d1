// The forecast's reasons: what moves the response rate (channel, objective, offer, what similar
// past campaigns taught), what the audience brings (its buy-anyway rate) and the season, each with
// its effect in a shape a chart can plot.
import type { Objective } from '../../src/domain/brief.ts';
import type { ForecastDriver } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { BASELINE_RESPONSE_RATE, OBJECTIVE_MULTIPLIER, averageOverChannels, discountMultiplier } from './channel-baselines.ts';

export interface DriverFacts {
  /** Planned channels with their share of the messages and their prior and posterior mean response. */
  channels: ReadonlyArray<{ channel: Channel; share: number; priorResponse: number; response: number }>;
  objective: Objective;
  discountPercent: number;
  /** Past campaigns that carried weight. */
  evidenceCount: number;
  organicRate: number;
  /** True when the buy-anyway rate rests on the segment's own purchases. */
  organicFromOwnPurchases: boolean;
  campaignDays: number;
  /** `YYYY-MM-DD` of the send, when known. */
  sendDate?: string;
}

const CHANNEL_NAMES: Record<Channel, string> = { sms: 'SMS', email: 'E-mail', push: 'Push', wecom: 'WeCom' };

const OBJECTIVE_REASONS: Record<Objective, string> = {
  cart_recovery: 'cart recovery: people who were about to buy',
  conversion: 'conversion: browsers close to buying',
  activation: 'activation: first purchase after sign-up',
  retention: 'retention: an average audience',
  aov: 'order value: asks for more, not for a purchase',
  cross_sell: 'cross-sell: another category than usual',
  winback: 'win-back: lapsed customers answer less',
  awareness: 'awareness: no call to buy',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const percent = (rate: number, digits = 1): string => `${Number((rate * 100).toFixed(digits))}%`;
const times = (multiplier: number): string => `×${multiplier.toFixed(2)}`;

function multiplierDriver(factor: ForecastDriver['factor'], label: string, effect: number): ForecastDriver {
  const rounded = Math.round(effect * 1000) / 1000;
  const direction = rounded > 1.005 ? 'up' : rounded < 0.995 ? 'down' : 'neutral';
  return { factor, label, effect: rounded, unit: 'multiplier', direction };
}

function weighted(facts: DriverFacts, value: (entry: DriverFacts['channels'][number]) => number): number {
  const totalShare = facts.channels.reduce((sum, entry) => sum + entry.share, 0);
  if (totalShare <= 0) return 0;
  return facts.channels.reduce((sum, entry) => sum + entry.share * value(entry), 0) / totalShare;
}

function channelDriver(facts: DriverFacts): ForecastDriver {
  const average = averageOverChannels(BASELINE_RESPONSE_RATE, []);
  const baseline = weighted(facts, (entry) => BASELINE_RESPONSE_RATE[entry.channel]);
  const names = facts.channels.map((entry) => CHANNEL_NAMES[entry.channel]).join(' and ');
  const mixed = facts.channels.length > 1 ? ' (weighted by messages)' : '';
  return multiplierDriver(
    'channel',
    `${names}: ${percent(baseline, 2)} of delivered messages respond at baseline${mixed}, against ${percent(average, 2)} across channels`,
    baseline / average,
  );
}

function evidenceDriver(facts: DriverFacts): ForecastDriver {
  const prior = weighted(facts, (entry) => entry.priorResponse);
  const posterior = weighted(facts, (entry) => entry.response);
  const effect = prior > 0 ? posterior / prior : 1;
  if (facts.evidenceCount === 0) return multiplierDriver('evidence', 'No similar past campaigns: the response rests on the baselines alone', 1);
  const campaigns = `${facts.evidenceCount} similar past campaign${facts.evidenceCount === 1 ? '' : 's'}`;
  return multiplierDriver('evidence', `${campaigns}: response ${times(effect)} against the baselines (${percent(prior, 2)} → ${percent(posterior, 2)})`, effect);
}

function seasonDriver(facts: DriverFacts): ForecastDriver {
  const month = facts.sendDate ? MONTHS[Number(facts.sendDate.slice(5, 7)) - 1] : undefined;
  const when = month ? `Sending in ${month}` : 'Season';
  return multiplierDriver(
    'season',
    `${when}: no seasonal effect on response is modelled; recent seasonality enters only through the segment's last 30 days of purchases`,
    1,
  );
}

function segmentDriver(facts: DriverFacts): ForecastDriver {
  const points = Math.round(facts.organicRate * 10000) / 100;
  const source = facts.organicFromOwnPurchases ? "from the segment's own recent purchases" : 'from past holdout groups and defaults';
  return {
    factor: 'segment',
    label: `About ${percent(facts.organicRate)} of this audience would buy within ${facts.campaignDays} days anyway (${source}): adds to conversions, not to incremental ones`,
    effect: points,
    unit: 'points',
    direction: points > 0.005 ? 'up' : 'neutral',
  };
}

/** The drivers in a fixed order: channel, objective, offer, evidence, segment, season. */
export function explainDrivers(facts: DriverFacts): ForecastDriver[] {
  const discount = facts.discountPercent;
  const offerEffect = discountMultiplier(discount);
  return [
    channelDriver(facts),
    multiplierDriver('objective', `Objective ${OBJECTIVE_REASONS[facts.objective]} (${times(OBJECTIVE_MULTIPLIER[facts.objective])})`, OBJECTIVE_MULTIPLIER[facts.objective]),
    multiplierDriver(
      'offer',
      discount > 0 ? `A ${Number(discount.toFixed(1))}% discount lifts response ${times(offerEffect)}` : 'No discount: response at the undiscounted rate',
      offerEffect,
    ),
    evidenceDriver(facts),
    segmentDriver(facts),
    seasonDriver(facts),
  ];
}
