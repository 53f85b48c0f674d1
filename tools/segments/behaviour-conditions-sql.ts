// SQL for the conditions on what a customer did in a window: event counts, order counts and totals,
// event sequences ("added to cart, no purchase within 2 h") and purchases in a product category.
// The customer row is `c`; only completed orders are purchases.
import { completedStatusParam } from './audience-sql.ts';
import { boundsSql, type CompileContext, type LeafOf } from './compile-context.ts';
import { asOfParam, windowPredicate } from './window-sql.ts';

/**
 * The bounded aggregate over one customer's rows of `table` matching `filter`. As one of the root's
 * AND-ed conditions with a positive lower bound (so customers without rows are out), it is written
 * as a grouped semi-join — one pass over the window's rows — instead of one lookup per customer.
 * Elsewhere (under OR / NOT, or when zero is within the bounds) it stays per customer. The SQL text
 * thus depends on whether the lower bound is above zero, never on the values themselves.
 */
function boundedAggregateSql(
  from: { table: string; alias: string; filter: string },
  measure: string,
  bounds: { min?: number | undefined; max?: number | undefined },
  context: CompileContext,
): string {
  const { table, alias, filter } = from;
  const checks = boundsSql(measure, bounds, context)!;
  if (context.conjunct && bounds.min !== undefined && bounds.min > 0) {
    return `c.id IN (SELECT ${alias}.customer_id FROM ${table} ${alias} WHERE ${filter} GROUP BY ${alias}.customer_id HAVING ${checks})`;
  }
  return `(SELECT ${checks} FROM ${table} ${alias} WHERE ${alias}.customer_id = c.id AND ${filter})`;
}

const hasBounds = (bounds: { min?: number | undefined; max?: number | undefined }) => bounds.min !== undefined || bounds.max !== undefined;

/**
 * Events of one type in the window, within the bounds. Without bounds: at least one such event.
 * Only a max ("at most N") also matches customers with no such event at all.
 */
export function eventCountConditionSql(condition: LeafOf<'event_count'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  const filter =
    `event.type = ${params.param(condition.event, 'text')}` +
    ` AND ${windowPredicate('event.occurred_at', condition.window, params, asOf, `${path}.window`)}`;
  if (!hasBounds(condition)) return `EXISTS (SELECT 1 FROM events event WHERE event.customer_id = c.id AND ${filter})`;
  return boundedAggregateSql({ table: 'events', alias: 'event', filter }, 'count(*)', condition, context);
}

/**
 * The number of completed orders, or their summed total, in the window, within the bounds. Without
 * bounds: at least one completed order. A customer without orders has count 0 and total 0.
 */
export function orderStatConditionSql(condition: LeafOf<'order_stat'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  const filter =
    `purchase.status = ${completedStatusParam(params)}` +
    ` AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}`;
  if (!hasBounds(condition)) return `EXISTS (SELECT 1 FROM orders purchase WHERE purchase.customer_id = c.id AND ${filter})`;
  const measure = condition.metric === 'count' ? 'count(*)' : 'coalesce(sum(purchase.total), 0)';
  return boundedAggregateSql({ table: 'orders', alias: 'purchase', filter }, measure, condition, context);
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
