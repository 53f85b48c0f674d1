// The English description of a segment: "customers aged 25-30, female, who added to cart in the
// last 30 days (rolling) and have not purchased within 2 hours". Top-level "and" reads as a list,
// nested groups are parenthesised, "not" reads as "excluding those ...".
import type { Condition, LeafCondition, SegmentDefinition, Window } from '../../src/domain/segment.ts';
import type { Channel, EventType, Gender } from '../../src/domain/vocabulary.ts';
import { categoryDisplayName } from './category-names.ts';
import { calendarShape, firstValues, flattenOperands, formatNumber, formatPercent, splitDuration } from './describe-common.ts';
import { CHURN_RISK_RULE } from './rank-and-risk-sql.ts';
import { describeExtendedLeafEn } from './describe-extended-en.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CHANNELS: Record<Channel, string> = { sms: 'SMS', email: 'email', push: 'push notifications', wecom: 'WeCom' };
const GENDERS: Record<Gender, string> = { female: 'female', male: 'male', unknown: 'of unknown gender' };
/** Past tense (for "who logged in") and base form (for "who did not log in"). */
const EVENTS: Record<EventType, { past: string; base: string }> = {
  view: { past: 'viewed a product', base: 'view a product' },
  add_to_cart: { past: 'added to cart', base: 'add to cart' },
  purchase: { past: 'purchased', base: 'purchase' },
  login: { past: 'logged in', base: 'log in' },
  open: { past: 'opened a message', base: 'open a message' },
  click: { past: 'clicked a message', base: 'click a message' },
  unsubscribe: { past: 'unsubscribed', base: 'unsubscribe' },
};
const PROFILE_FIELDS = {
  city: { lead: 'in', noun: 'cities' },
  country: { lead: 'in country', noun: 'countries' },
  locale: { lead: 'whose language is', noun: 'languages' },
  time_zone: { lead: 'in time zone', noun: 'time zones' },
} as const;
const LANGUAGES: Record<string, string> = { en: 'English', zh: 'Chinese' };

function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${formatNumber(count)} ${many}`;
}

function formatDate(parts: { year: number; month: number; day: number }): string {
  return `${parts.day} ${MONTHS[parts.month - 1]} ${parts.year}`;
}

export function describeWindowEn(window: Window): string {
  if (window.type === 'rolling') return `in the last ${plural(window.days, 'day', 'days')} (rolling)`;
  const shape = calendarShape(window);
  switch (shape.shape) {
    case 'year':
      return `in ${shape.year} (calendar)`;
    case 'month':
      return `in ${MONTHS[shape.month - 1]} ${shape.year} (calendar)`;
    case 'day':
      return `on ${formatDate(shape)} (calendar)`;
    case 'range':
      return `from ${formatDate(shape.from)} to ${formatDate(shape.to)} (calendar)`;
  }
}

/** How a bound is written: one amount ("once", "2 completed orders") and the unit after a range. */
interface Unit {
  amount(count: number): string;
  rangeSuffix: string;
}
const TIMES: Unit = { amount: (count) => (count === 1 ? 'once' : `${formatNumber(count)} times`), rangeSuffix: ' times' };
const ORDERS: Unit = { amount: (count) => plural(count, 'completed order', 'completed orders'), rangeSuffix: ' completed orders' };
const AMOUNT: Unit = { amount: formatNumber, rangeSuffix: '' };

/** "at least 3", "at most 2", "between 2 and 5", "exactly 4" — or null without bounds. */
function boundsText(bounds: { min?: number | undefined; max?: number | undefined }, unit: Unit): string | null {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) {
    return min === max ? `exactly ${unit.amount(min)}` : `between ${formatNumber(min)} and ${formatNumber(max)}${unit.rangeSuffix}`;
  }
  if (min !== undefined) return `at least ${unit.amount(min)}`;
  if (max !== undefined) return `at most ${unit.amount(max)}`;
  return null;
}

function durationText(minutes: number): string {
  const { amount, unit } = splitDuration(minutes);
  return plural(amount, unit, `${unit}s`);
}

function ageText(condition: Extract<LeafCondition, { kind: 'age' }>): string {
  const { min, max } = condition;
  if (min !== undefined && max !== undefined) return min === max ? `aged ${min}` : `aged ${min}-${max}`;
  if (min !== undefined) return `aged ${min} or over`;
  if (max !== undefined) return `aged ${max} or under`;
  return 'of known age';
}

function profileText(condition: Extract<LeafCondition, { kind: 'profile' }>): string {
  const field = PROFILE_FIELDS[condition.field];
  const named = condition.field === 'locale' ? condition.values.map((value) => LANGUAGES[value] ?? value) : condition.values;
  const { shown, more } = firstValues(named);
  const list = more > 0 ? `${shown.join(', ')} or one of ${more} other ${field.noun}` : joinOr(shown);
  return `${field.lead} ${list}`;
}

function leafText(condition: LeafCondition, leading: boolean): string {
  switch (condition.kind) {
    case 'age':
      return ageText(condition);
    case 'gender': {
      const genders = joinOr(condition.values.map((gender) => GENDERS[gender]));
      return leading ? `who are ${genders}` : genders;
    }
    case 'profile':
      return profileText(condition);
    case 'consent':
      return `reachable by ${CHANNELS[condition.channel]} (opted in, not suppressed)`;
    case 'event_count': {
      const window = describeWindowEn(condition.window);
      const event = EVENTS[condition.event];
      if (condition.max === 0 && !condition.min) return `who did not ${event.base} ${window}`;
      return `who ${event.past} ${boundsText(condition, TIMES) ?? 'at least once'} ${window}`;
    }
    case 'order_stat': {
      const window = describeWindowEn(condition.window);
      if (condition.metric === 'count') {
        if (condition.max === 0 && !condition.min) return `with no completed orders ${window}`;
        const count = boundsText(condition, ORDERS);
        return `with ${count ?? 'at least 1 completed order'} ${window}`;
      }
      const total = boundsText(condition, AMOUNT);
      return total === null ? `with at least 1 completed order ${window}` : `whose completed orders ${window} total ${total}`;
    }
    case 'sequence':
      return (
        `who ${EVENTS[condition.first].past} ${describeWindowEn(condition.window)}` +
        ` and have not ${EVENTS[condition.missing].past} within ${durationText(condition.withinMinutes)}`
      );
    case 'spend_rank':
      return `in the top ${formatPercent(condition.topShare)}% of buyers by completed-order spend ${describeWindowEn(condition.window)}`;
    case 'churn_risk': {
      const rule = CHURN_RISK_RULE;
      const label = condition.level === 'high' ? 'at high churn risk' : 'at medium or high churn risk';
      return (
        `${label} (daily login rate over the last ${rule.recentDays} days below ${formatPercent(rule.rateRatio[condition.level])}%` +
        ` of their rate over the ${rule.earlierDays} days before, when they logged in at least ${rule.minimumEarlierLogins} times)`
      );
    }
    case 'category_purchase':
      return `who bought from the ${categoryDisplayName(condition.category, 'en')} category ${describeWindowEn(condition.window)}`;
    case 'attribute':
    case 'event_time':
    case 'rfm':
    case 'predicted_clv':
    case 'price_sensitivity':
    case 'category_affinity':
      return describeExtendedLeafEn(condition);
  }
}

/** `depth` 0 is the top of the definition, where "and" reads as a comma-separated list. */
function conditionText(condition: Condition, depth: number, leading: boolean): string {
  if (condition.kind === 'and' || condition.kind === 'or') {
    const operands = flattenOperands(condition);
    if (operands.length === 1) return conditionText(operands[0]!, depth, leading);
    const parts = operands.map((operand, index) =>
      conditionText(operand, depth + 1, condition.kind === 'or' || (depth > 0 && index === 0) || (depth === 0 && index === 0 && leading)),
    );
    const separator = condition.kind === 'or' ? ' or ' : depth === 0 ? ', ' : ' and ';
    return depth === 0 ? parts.join(separator) : `(${parts.join(separator)})`;
  }
  if (condition.kind === 'not') return `excluding those ${conditionText(condition.condition, depth + 1, true)}`;
  return leafText(condition, leading);
}

export function describeSegmentEn(definition: SegmentDefinition): string {
  const root = definition.root;
  if (root.kind !== 'and') return `${root.kind === 'not' ? 'all customers' : 'customers'} ${conditionText(root, 0, true)}`;
  // Exclusions read last: "customers aged 25-30, excluding those ...".
  const operands = flattenOperands(root);
  const ordered = [...operands.filter((operand) => operand.kind !== 'not'), ...operands.filter((operand) => operand.kind === 'not')];
  const subject = ordered[0]?.kind === 'not' ? 'all customers' : 'customers';
  return `${subject} ${conditionText({ kind: 'and', conditions: ordered }, 0, true)}`;
}
