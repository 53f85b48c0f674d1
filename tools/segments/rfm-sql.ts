// SQL for RFM conditions: recency, frequency and monetary quintile scores of the customers with at
// least one completed order in the window.
//
// Method. For each buyer in the window: R = time of their last completed order there, F = number of
// completed orders there, M = their summed total. Each measure is scored among all buyers as
//   score = 1 + floor(5 × (buyers with a strictly lower value) / buyers)
// so 5 is the most recent / frequent / valuable fifth and 1 the least. Equal values always get the
// same score (a fifth can be empty when many buyers tie: if most buyers ordered once, frequency 1
// covers all of them). Customers without a completed order in the window have no scores and never
// match. The computation is exact integer arithmetic on rank() and count().
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { windowPredicate } from './window-sql.ts';

export const RFM_SCORES = 5;

const MEASURES = { recency: 'buyer.last_ordered_at', frequency: 'buyer.orders', monetary: 'buyer.total' } as const;

export function rfmConditionSql(condition: LeafOf<'rfm'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  const scores = params.shared('rfm_scores', RFM_SCORES, 'int');
  const scoreColumns = Object.entries(MEASURES)
    .map(([name, measure]) => `1 + (${scores} * (rank() OVER (ORDER BY ${measure}) - 1)) / count(*) OVER () AS ${name}`)
    .join(', ');
  const checks = (Object.keys(MEASURES) as Array<keyof typeof MEASURES>).flatMap((name) => {
    const range = condition[name];
    return range ? [`scored.${name} BETWEEN ${params.param(range[0], 'int')} AND ${params.param(range[1], 'int')}`] : [];
  });
  return (
    `c.id IN (SELECT scored.customer_id FROM (SELECT buyer.customer_id, ${scoreColumns}` +
    ` FROM (SELECT purchase.customer_id, max(purchase.ordered_at) AS last_ordered_at, count(*) AS orders, sum(purchase.total) AS total` +
    ` FROM orders purchase WHERE purchase.status = ${completedStatusParam(params)}` +
    ` AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}` +
    ` GROUP BY purchase.customer_id) buyer) scored WHERE ${checks.join(' AND ')})`
  );
}
