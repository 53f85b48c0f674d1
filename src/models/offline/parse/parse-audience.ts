// Turns the audience words of a goal into segment conditions (ANDed by the caller): who people are
// (age, gender, city), what they did (value, lapse, churn risk, carts, events, categories bought) and
// the window each behaviour is counted in. Consent is not added here: guardrails apply it later.
import type { DateTime } from 'luxon';
import type { Condition, Window } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { findBehaviour } from './audience-behaviour.ts';
import { findPeople } from './audience-people.ts';
import { describeWindow } from './describe.ts';
import { findCategoryRoles } from './parse-category.ts';
import { findWindows } from './parse-window.ts';
import { PERIOD_DIGITS } from './periods.ts';
import { say } from './text.ts';

export interface AudienceContext {
  today: DateTime;
  locale: Locale;
  categories: readonly string[];
  /** Delay of a cart trigger, which is also how long "abandoned" means; null for none. */
  cartDelayMinutes: number | null;
}

export interface AudienceFinding {
  /** Conditions in the order: who, then what they did. */
  conditions: Condition[];
  assumptions: string[];
  promotedCategory: string | null;
  lapseDays: number | null;
  lapseVague: boolean;
  hasSpendRank: boolean;
  /** Something already says they are or were customers (value, category, repeat, bought). */
  impliesPastPurchase: boolean;
  /** Something already says when they were last active (lapse, cart, events, churn). */
  hasRecency: boolean;
}

export const DEFAULT_LAPSE_DAYS = 90;
export const TWELVE_MONTHS: Window = { type: 'rolling', days: 365 };
export const DEFAULT_CART_WINDOW: Window = { type: 'rolling', days: 7 };
const DEFAULT_EVENT_DAYS = 30;
const DEFAULT_EVENT_WINDOW: Window = { type: 'rolling', days: DEFAULT_EVENT_DAYS };

export function parseAudience(goalText: string, context: AudienceContext): AudienceFinding {
  const { today, locale } = context;
  const text = goalText.replace(PERIOD_DIGITS, (period) => ' '.repeat(period.length));
  const people = findPeople(text, today, locale);
  const behaviour = findBehaviour(text);
  const windows = findWindows(behaviour.rest, today);
  const stated = windows[0]?.window ?? null;
  const roles = findCategoryRoles(behaviour.rest, context.categories);
  const conditions: Condition[] = [...people.conditions];
  const assumptions: string[] = [...people.assumptions];

  if (stated?.type === 'calendar' && windows[0]) {
    const phrase = behaviour.rest.slice(windows[0].start, windows[0].end).trim();
    assumptions.push(say(locale, `${phrase} = ${stated.from} to ${stated.to}`, `${phrase} = ${stated.from} 至 ${stated.to}`));
  }
  if (behaviour.spendRank) {
    const share = Math.round(behaviour.spendRank.topShare * 100);
    conditions.push({ kind: 'spend_rank', topShare: behaviour.spendRank.topShare, window: TWELVE_MONTHS });
    assumptions.push(say(locale, `high-value = top ${share}% by 12-month spend`, `高价值 = 近12个月消费额前${share}%`));
  }
  if (behaviour.spentAtLeast !== null) {
    conditions.push({ kind: 'order_stat', metric: 'total', window: stated ?? TWELVE_MONTHS, min: behaviour.spentAtLeast });
  }
  if (behaviour.churn) {
    conditions.push({ kind: 'churn_risk', level: behaviour.churn });
    assumptions.push(
      behaviour.churn === 'high'
        ? say(locale, "churn risk = logins in the last 30 days below 30% of the customer's usual rate", '流失风险 = 近30天登录频率低于该用户以往的30%')
        : say(locale, "medium churn risk = logins in the last 30 days below 60% of the customer's usual rate", '中等流失风险 = 近30天登录频率低于该用户以往的60%'),
    );
  }
  let lapseDays = behaviour.lapseDays;
  if (lapseDays === null && behaviour.lapseFromWindow) {
    // "viewed but didn't buy": no purchase over the same span the behaviour was counted in.
    const eventDays = behaviour.events.find((found) => found.days !== null)?.days ?? (behaviour.events.length > 0 && !stated ? DEFAULT_EVENT_DAYS : null);
    lapseDays = stated?.type === 'rolling' ? stated.days : eventDays;
    if (lapseDays === null) {
      lapseDays = DEFAULT_LAPSE_DAYS;
      assumptions.push(say(locale, `no purchase = none in the last ${lapseDays} days`, `未购买 = 近${lapseDays}天未购买`));
    }
  }
  if (lapseDays !== null) {
    conditions.push({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: lapseDays }, max: 0 });
  }
  if (behaviour.cart) {
    const withinMinutes = context.cartDelayMinutes && context.cartDelayMinutes > 0 ? context.cartDelayMinutes : 1440;
    conditions.push({ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes, window: stated ?? DEFAULT_CART_WINDOW });
    if (!stated) assumptions.push(cartAssumption(locale, withinMinutes));
  }
  for (const found of behaviour.events) {
    const own: Window | null = found.days !== null ? { type: 'rolling', days: found.days } : null;
    const window = own ?? stated ?? DEFAULT_EVENT_WINDOW;
    conditions.push({ kind: 'event_count', event: found.event, window, ...(found.negated ? { max: 0 } : { min: 1 }) });
    if (own) continue;
    if (found.activeWording && !stated) assumptions.push(say(locale, 'active = logged in within the last 30 days', '活跃 = 近30天有登录'));
    else if (!stated) assumptions.push(say(locale, `opens, clicks and visits are counted ${describeWindow(window, 'en')}`, `打开、点击和浏览按${describeWindow(window, 'zh')}统计`));
  }
  const purchased = [...roles.purchased];
  if (people.impliesBabyBuyer && !purchased.includes('baby') && context.categories.includes('baby')) purchased.push('baby');
  for (const category of purchased) {
    conditions.push({ kind: 'category_purchase', category, window: stated ?? TWELVE_MONTHS });
  }
  if (behaviour.neverBought) {
    conditions.push({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 3650 }, max: 0 });
    assumptions.push(say(locale, 'new users = customers with no order yet', '新用户 = 尚未下过单的用户'));
  }
  if (behaviour.oneOrder) {
    conditions.push({ kind: 'order_stat', metric: 'count', window: stated ?? TWELVE_MONTHS, min: 1, max: 1 });
    assumptions.push(say(locale, 'first-time buyers = exactly one order', '首次购买用户 = 只下过1单'));
  }
  if (behaviour.repeatBuyers) {
    conditions.push({ kind: 'order_stat', metric: 'count', window: stated ?? TWELVE_MONTHS, min: 2 });
    assumptions.push(say(locale, 'repeat buyers = at least 2 orders', '复购用户 = 至少下过2单'));
  }
  const boughtOnly = behaviour.boughtCue && purchased.length === 0 && lapseDays === null && !behaviour.neverBought && !behaviour.repeatBuyers && !behaviour.oneOrder;
  if (boughtOnly) conditions.push({ kind: 'order_stat', metric: 'count', window: stated ?? TWELVE_MONTHS, min: 1 });
  if (behaviour.everyone && conditions.length === 0) {
    // Zero or more orders in ten years is true of every customer: the whole base, before consent.
    conditions.push({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 3650 }, min: 0 });
    assumptions.push(say(locale, 'all customers = everyone on file (consent is still checked)', '所有用户 = 全部用户（仍会校验发送许可）'));
  }

  return {
    conditions,
    assumptions,
    promotedCategory: roles.promoted,
    lapseDays,
    lapseVague: behaviour.lapseVague,
    hasSpendRank: behaviour.spendRank !== null,
    impliesPastPurchase: behaviour.spendRank !== null || behaviour.spentAtLeast !== null || purchased.length > 0 || behaviour.repeatBuyers || behaviour.oneOrder || boughtOnly,
    hasRecency: lapseDays !== null || behaviour.cart || behaviour.events.length > 0 || behaviour.churn !== null,
  };
}

export function cartAssumption(locale: Locale, withinMinutes: number): string {
  const hours = withinMinutes % 60 === 0 ? `${withinMinutes / 60}` : (withinMinutes / 60).toFixed(1);
  return say(
    locale,
    `cart abandoners = added to cart in the last 7 days and did not buy within ${hours} hours`,
    `加购未购买 = 近7天加购且${hours}小时内未付款`,
  );
}
