// SQL for category affinity by co-purchase lift: who is likely to buy a category next.
//
// Method. Baskets are per customer: the set of categories each customer bought (completed orders)
// in the window; N = customers with such a basket. For the target category T and any other category X:
//   lift(X, T) = (buyers of both X and T) × N / ((buyers of X) × (buyers of T)),
// how much more often X's buyers also buy T than customers in general (1 = no association). The
// categories with lift(X, T) >= minLift (and at least one buyer of T) are T's affine categories; the
// condition selects customers who bought an affine category in the window and have never bought T
// (no completed order with a product of T at or before as-of). The comparison is exact:
// both × N >= minLift × buyers(X) × buyers(T).
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { asOfParam, windowPredicate } from './window-sql.ts';

export function categoryAffinityConditionSql(condition: LeafOf<'category_affinity'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  const completed = completedStatusParam(params);
  const basket =
    `SELECT DISTINCT purchase.customer_id, product.category FROM orders purchase` +
    ` JOIN order_items item ON item.order_id = purchase.id JOIN products product ON product.id = item.product_id` +
    ` WHERE purchase.status = ${completed} AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}`;
  const targetBuyer = `SELECT basket.customer_id FROM basket WHERE basket.category = ${params.param(condition.category, 'text')}`;
  const lifted =
    `SELECT basket.category FROM basket LEFT JOIN target_buyer ON target_buyer.customer_id = basket.customer_id` +
    ` WHERE basket.category <> ${params.param(condition.category, 'text')} GROUP BY basket.category` +
    ` HAVING count(target_buyer.customer_id) > 0` +
    ` AND count(target_buyer.customer_id) * (SELECT count(DISTINCT everyone.customer_id) FROM basket everyone)` +
    ` >= ${params.param(condition.minLift, 'numeric')} * count(*) * (SELECT count(*) FROM target_buyer)`;
  const boughtTarget =
    `SELECT 1 FROM orders bought JOIN order_items bought_item ON bought_item.order_id = bought.id` +
    ` JOIN products bought_product ON bought_product.id = bought_item.product_id` +
    ` WHERE bought.customer_id = c.id AND bought.status = ${completed} AND bought.ordered_at <= ${asOfParam(params, asOf)}` +
    ` AND bought_product.category = ${params.param(condition.category, 'text')}`;
  return (
    `(c.id IN (WITH basket AS MATERIALIZED (${basket}), target_buyer AS (${targetBuyer}), lifted AS (${lifted})` +
    ` SELECT basket.customer_id FROM basket JOIN lifted ON lifted.category = basket.category)` +
    ` AND NOT EXISTS (${boughtTarget}))`
  );
}
