// The brief and the audience definition a past campaign would have been planned from, built with
// the domain schemas (and parsed by them, so stored campaigns are always valid).
import { Brief } from '../../domain/brief.ts';
import type { Objective, Offer, Timing } from '../../domain/brief.ts';
import { SegmentDefinition } from '../../domain/segment.ts';
import type { Condition } from '../../domain/segment.ts';
import type { Channel, Locale } from '../../domain/vocabulary.ts';
import type { DemoCategory } from './catalogue.ts';

export interface CampaignPlanInput {
  goal: string;
  locale: Locale;
  objective: Objective;
  channels: readonly Channel[];
  offer: Offer | null;
  category: DemoCategory | null;
  fromCategory: DemoCategory | null;
  /** Festival name when the campaign ran for one. */
  festival: string | null;
  /** `YYYY-MM-DD` */
  startDate: string;
  endDate: string;
  /** Narrow an awareness campaign for beauty or fashion to women of 20-40. */
  targetsYoungWomen: boolean;
}

function timingFor(input: CampaignPlanInput): Timing {
  if (input.objective === 'cart_recovery') return { kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' };
  if (input.festival) return { kind: 'window', label: input.festival, from: input.startDate, to: input.endDate, localTime: '10:00' };
  return { kind: 'at', localDateTime: `${input.startDate}T10:00` };
}

export function buildBrief(input: CampaignPlanInput): Brief {
  return Brief.parse({
    goal: input.goal,
    objective: input.objective,
    channels: [...input.channels],
    offer: input.offer,
    timing: timingFor(input),
    locale: input.locale,
    category: input.category,
    budget: null,
  });
}

const rolling = (days: number) => ({ type: 'rolling' as const, days });

function objectiveConditions(input: CampaignPlanInput): Condition[] {
  switch (input.objective) {
    case 'winback':
      return [
        { kind: 'order_stat', metric: 'count', window: rolling(365), min: 1 },
        { kind: 'order_stat', metric: 'count', window: rolling(90), max: 0 },
      ];
    case 'retention':
      return [{ kind: 'churn_risk', level: 'medium' }, { kind: 'order_stat', metric: 'count', window: rolling(365), min: 1 }];
    case 'aov':
      return [{ kind: 'spend_rank', topShare: 0.2, window: rolling(365) }];
    case 'conversion':
      return [
        { kind: 'event_count', event: 'view', window: rolling(30), min: 3 },
        { kind: 'order_stat', metric: 'count', window: rolling(30), max: 0 },
      ];
    case 'cart_recovery':
      return [{ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: rolling(7) }];
    case 'cross_sell':
      return [
        { kind: 'category_purchase', category: input.fromCategory ?? 'baby', window: rolling(365) },
        { kind: 'not', condition: { kind: 'category_purchase', category: input.category ?? 'kids_education', window: rolling(365) } },
      ];
    case 'activation':
      return [
        { kind: 'order_stat', metric: 'count', window: rolling(3650), max: 0 },
        { kind: 'event_count', event: 'login', window: rolling(30), min: 1 },
      ];
    case 'awareness':
      return [];
  }
}

export function buildSegment(input: CampaignPlanInput): SegmentDefinition {
  const consent: Condition =
    input.channels.length === 1
      ? { kind: 'consent', channel: input.channels[0] as Channel }
      : { kind: 'or', conditions: input.channels.map((channel): Condition => ({ kind: 'consent', channel })) };
  const conditions: Condition[] = [{ kind: 'profile', field: 'locale', values: [input.locale] }, ...objectiveConditions(input)];
  if (input.category === 'alcohol') conditions.push({ kind: 'age', min: 18 });
  if (input.targetsYoungWomen) conditions.push({ kind: 'gender', values: ['female'] }, { kind: 'age', min: 20, max: 40 });
  conditions.push(consent);
  return SegmentDefinition.parse({ version: 1, root: { kind: 'and', conditions } });
}
