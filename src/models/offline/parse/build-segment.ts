// Completes the audience of a goal from its objective: a win-back needs lapsed past buyers, a cart
// recovery needs cart abandoners, an activation needs people who never bought; with no audience
// words at all the campaign goes to everyone who bought in the last 12 months.
import type { Objective } from '../../../domain/brief.ts';
import type { Condition, SegmentDefinition } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { type AudienceFinding, DEFAULT_CART_WINDOW, DEFAULT_LAPSE_DAYS, TWELVE_MONTHS, cartAssumption } from './parse-audience.ts';
import { segmentOf } from './segment-tree.ts';
import { say } from './text.ts';

export interface BuiltSegment {
  segment: SegmentDefinition;
  assumptions: string[];
}

export interface BuildSegmentInput {
  audience: AudienceFinding;
  objective: Objective;
  locale: Locale;
  cartDelayMinutes: number | null;
}

export function buildSegment({ audience, objective, locale, cartDelayMinutes }: BuildSegmentInput): BuiltSegment {
  const conditions: Condition[] = [...audience.conditions];
  const assumptions: string[] = [...audience.assumptions];
  const has = (kind: Condition['kind']): boolean => conditions.some((condition) => condition.kind === kind);

  if (objective === 'winback') {
    let lapseDays = audience.lapseDays;
    if (lapseDays === null && !audience.hasRecency) {
      lapseDays = DEFAULT_LAPSE_DAYS;
      conditions.push({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: lapseDays }, max: 0 });
      assumptions.push(say(locale, `lapsed = no purchase in the last ${lapseDays} days`, `流失 = 近${lapseDays}天未购买`));
    }
    if (lapseDays !== null && !audience.impliesPastPurchase) {
      const days = lapseDays < 365 ? 365 : Math.min(3650, lapseDays + 365);
      conditions.push({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days }, min: 1 });
      assumptions.push(
        days === 365
          ? say(locale, 'win-back audience = customers who bought in the last 12 months', '召回对象 = 近12个月内有过购买的用户')
          : say(locale, `win-back audience = customers who bought in the last ${days} days`, `召回对象 = 近${days}天内有过购买的用户`),
      );
    }
  }
  if (objective === 'cart_recovery' && !has('sequence')) {
    const withinMinutes = cartDelayMinutes && cartDelayMinutes > 0 ? cartDelayMinutes : 1440;
    conditions.push({ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes, window: DEFAULT_CART_WINDOW });
    assumptions.push(cartAssumption(locale, withinMinutes));
  }
  if (objective === 'activation' && !conditions.some((c) => c.kind === 'order_stat' && c.max === 0)) {
    conditions.push({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 3650 }, max: 0 });
    assumptions.push(say(locale, 'new users = customers with no order yet', '新用户 = 尚未下过单的用户'));
  }
  if (conditions.length === 0) {
    conditions.push({ kind: 'order_stat', metric: 'count', window: TWELVE_MONTHS, min: 1 });
    assumptions.push(say(locale, 'no audience named: customers who bought in the last 12 months', '未指定人群：近12个月有过购买的用户'));
  }
  return { segment: segmentOf(conditions), assumptions };
}
