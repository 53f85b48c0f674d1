// SQL for first / last occurrence conditions: the customer's first (or last) event of a type — or
// completed order — at or before as-of falls inside the window. Written as "one in the window and
// none before it" (first) or "none after it up to as-of" (last), so each part is an index range
// lookup on (customer, type, time) instead of a min/max over the customer's whole history.
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { asOfParam, windowPredicate } from './window-sql.ts';
import { afterWindowSql, beforeWindowSql } from './window-edges-sql.ts';

/** The rows of one kind of occurrence for customer `c`, as `FROM ... WHERE ...` with its time column. */
function occurrences(condition: LeafOf<'event_time'>, alias: string, context: CompileContext): { from: string; time: string } {
  const { params, asOf } = context;
  if (condition.event === 'order') {
    const time = `${alias}.ordered_at`;
    return {
      from: `FROM orders ${alias} WHERE ${alias}.customer_id = c.id AND ${alias}.status = ${completedStatusParam(params)} AND ${time} <= ${asOfParam(params, asOf)}`,
      time,
    };
  }
  const time = `${alias}.occurred_at`;
  return {
    from: `FROM events ${alias} WHERE ${alias}.customer_id = c.id AND ${alias}.type = ${params.param(condition.event, 'text')} AND ${time} <= ${asOfParam(params, asOf)}`,
    time,
  };
}

export function eventTimeConditionSql(condition: LeafOf<'event_time'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  const inside = occurrences(condition, 'occurrence', context);
  const outside = occurrences(condition, condition.which === 'first' ? 'earlier' : 'later', context);
  const outsidePredicate =
    condition.which === 'first'
      ? beforeWindowSql(outside.time, condition.window, params, asOf, `${path}.window`)
      : afterWindowSql(outside.time, condition.window, params, asOf, `${path}.window`);
  return (
    `(EXISTS (SELECT 1 ${inside.from} AND ${windowPredicate(inside.time, condition.window, params, asOf, `${path}.window`)})` +
    ` AND NOT EXISTS (SELECT 1 ${outside.from} AND ${outsidePredicate}))`
  );
}
