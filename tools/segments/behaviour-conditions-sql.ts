// SQL for the conditions on what a customer did in a window: event counts, order counts and totals,
// event sequences ("added to cart, no purchase within 2 h") and purchases in a product category.
// The customer row is `c`; only completed orders are purchases.
import { completedStatusParam } from './audience-sql.ts';
import { boundsSql, type CompileContext, type LeafOf } from './compile-context.ts';
import type { Window } from '../../src/domain/segment.ts';
import {
  conditionPartsSql,
  customerWindowedValueSql,
  summaryUsableSql,
  windowedValuesSql,
  type ConditionParts,
  type ExactCondition,
  type SummarisedCondition,
  type SummaryMeasure,
  type SummarySource,
  type WindowedValue,
} from './summary-sql.ts';
import { asOfParam, windowPredicate } from './window-sql.ts';

/**
 * The bounded aggregate over one customer's rows of `table` matching `filter`, in both forms (see
 * conditionPartsSql): members in one grouped pass when the lower bound is above zero (customers
 * without rows are out), else per customer. The SQL text thus depends on whether the lower bound is
 * above zero, never on the values themselves. Over a rolling window the activity summary stands in
 * for the rows when it is usable (summary-sql.ts).
 */
function boundedAggregateParts(
  from: { table: string; alias: string; filter: string },
  measure: string,
  bounds: { min?: number | undefined; max?: number | undefined },
  summarisedValue: { source: SummarySource; value: WindowedValue } | null,
  context: CompileContext,
): ConditionParts {
  const { table, alias, filter } = from;
  const checks = boundsSql(measure, bounds, context)!;
  const exact: ExactCondition = {
    members: (extraFilter) => `SELECT ${alias}.customer_id FROM ${table} ${alias} WHERE ${extraFilter} AND ${filter} GROUP BY ${alias}.customer_id HAVING ${checks}`,
    perCustomer: () => `(SELECT ${checks} FROM ${table} ${alias} WHERE ${alias}.customer_id = c.id AND ${filter})`,
  };
  const groupable = bounds.min !== undefined && bounds.min > 0;
  if (!summarisedValue) return { exact, summarised: null, groupable };
  const { source, value } = summarisedValue;
  const summarised: SummarisedCondition = {
    usable: summaryUsableSql([value.days], context),
    members: () => `SELECT windowed.customer_id FROM (${windowedValuesSql(source, [value], context)}) windowed WHERE ${boundsSql(`windowed.${value.name}`, bounds, context)!}`,
    perCustomer: () => boundsSql(customerWindowedValueSql(source, value, context), bounds, context)!,
  };
  return { exact, summarised, groupable };
}

const hasBounds = (bounds: { min?: number | undefined; max?: number | undefined }) => bounds.min !== undefined || bounds.max !== undefined;

/** The summarised form of a condition over `window`, or null for a calendar window (never summarised). */
function summarisedOver(window: Window, source: SummarySource, measure: SummaryMeasure): { source: SummarySource; value: WindowedValue } | null {
  return window.type === 'rolling' ? { source, value: { name: 'value', measure, days: window.days } } : null;
}

/**
 * Events of one type in the window, within the bounds. Without bounds: at least one such event.
 * Only a max ("at most N") also matches customers with no such event at all.
 */
export function eventCountConditionSql(condition: LeafOf<'event_count'>, context: CompileContext): string {
  const parts = eventCountParts(condition, context);
  return parts ? conditionPartsSql(parts, context) : `EXISTS (SELECT 1 FROM events event WHERE event.customer_id = c.id AND ${eventFilter(condition, context)})`;
}

function eventFilter(condition: LeafOf<'event_count'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  return `event.type = ${params.param(condition.event, 'text')} AND ${windowPredicate('event.occurred_at', condition.window, params, asOf, `${path}.window`)}`;
}

/** Both forms of a bounded event count; null without bounds (then it is a plain EXISTS). */
export function eventCountParts(condition: LeafOf<'event_count'>, context: CompileContext): ConditionParts | null {
  if (!hasBounds(condition)) return null;
  const summarised = summarisedOver(condition.window, { kind: 'events', eventType: condition.event }, 'events');
  return boundedAggregateParts({ table: 'events', alias: 'event', filter: eventFilter(condition, context) }, 'count(*)', condition, summarised, context);
}

/**
 * The number of completed orders, or their summed total, in the window, within the bounds. Without
 * bounds: at least one completed order. A customer without orders has count 0 and total 0.
 */
export function orderStatConditionSql(condition: LeafOf<'order_stat'>, context: CompileContext): string {
  const parts = orderStatParts(condition, context);
  return parts ? conditionPartsSql(parts, context) : `EXISTS (SELECT 1 FROM orders purchase WHERE purchase.customer_id = c.id AND ${orderFilter(condition, context)})`;
}

function orderFilter(condition: LeafOf<'order_stat'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  return `purchase.status = ${completedStatusParam(params)} AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}`;
}

/** Both forms of a bounded order count or total; null without bounds (then it is a plain EXISTS). */
export function orderStatParts(condition: LeafOf<'order_stat'>, context: CompileContext): ConditionParts | null {
  if (!hasBounds(condition)) return null;
  const measure = condition.metric === 'count' ? 'count(*)' : 'coalesce(sum(purchase.total), 0)';
  const summarised = summarisedOver(condition.window, { kind: 'orders' }, condition.metric === 'count' ? 'orders' : 'totals');
  return boundedAggregateParts({ table: 'orders', alias: 'purchase', filter: orderFilter(condition, context) }, measure, condition, summarised, context);
}

/**
 * A `first` event at some instant t inside the window with no `missing` event in (t, t + withinMinutes],
 * where that follow-up period has fully passed by as-of: a customer who added to cart ten minutes
 * ago has not abandoned the cart yet. The period may reach past the window's end.
 */
export function sequenceConditionSql(condition: LeafOf<'sequence'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  return (
    `EXISTS (SELECT 1 FROM events first_event WHERE first_event.customer_id = c.id` +
    ` AND first_event.type = ${params.param(condition.first, 'text')}` +
    ` AND ${windowPredicate('first_event.occurred_at', condition.window, params, asOf, `${path}.window`)}` +
    ` AND first_event.occurred_at + make_interval(mins => ${params.param(condition.withinMinutes, 'int')}) <= ${asOfParam(params, asOf)}` +
    ` AND NOT EXISTS (SELECT 1 FROM events follow_up WHERE follow_up.customer_id = c.id` +
    ` AND follow_up.type = ${params.param(condition.missing, 'text')}` +
    ` AND follow_up.occurred_at > first_event.occurred_at` +
    ` AND follow_up.occurred_at <= first_event.occurred_at + make_interval(mins => ${params.param(condition.withinMinutes, 'int')})))`
  );
}

/** A completed order in the window with at least one line whose product is in the category. */
export function categoryPurchaseConditionSql(condition: LeafOf<'category_purchase'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  return (
    `EXISTS (SELECT 1 FROM orders purchase JOIN order_items item ON item.order_id = purchase.id` +
    ` JOIN products product ON product.id = item.product_id` +
    ` WHERE purchase.customer_id = c.id AND purchase.status = ${completedStatusParam(params)}` +
    ` AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}` +
    ` AND product.category = ${params.param(condition.category, 'text')})`
  );
}
