// SQL for predicted attributes computed from a customer's own orders: expected lifetime value and
// price sensitivity. Both consider completed orders only.
//
// Expected CLV (CLV_RULE), from the completed orders in the 365 days up to as-of, per buyer:
//   n = orders, value = their summed total, tenure = days from the first of them to as-of (at least 30),
//   gap = tenure / n (their usual days between orders), recency = days since the last of them,
//   p_active = exp(−max(0, recency − gap) / gap)   (fully active until a usual gap has passed without
//              an order, then decaying by e for every further gap),
//   CLV = (value / n) × (n / tenure) × horizon × p_active = value / tenure × 365 × p_active,
// i.e. average order value × purchase frequency × the expected active part of the next 365 days.
// `topShare` ranks buyers by CLV with cume_dist, as shareAtOrAboveSql (ties together, never more than the share);
// `min` is a floor on the CLV. Customers without an order in those 365 days have no CLV.
//
// Price sensitivity: the share of the customer's completed orders in the window with a discount
// (discount > 0), compared exactly (discounted >= min × orders); buyers in the window only.
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { shareAtOrAboveSql } from './share-rank-sql.ts';
import { conditionPartsSql, summaryUsableSql, windowedValuesSql, type ConditionParts, type ExactCondition, type SummarisedCondition, type WindowedValue } from './summary-sql.ts';
import { asOfParam, windowPredicate } from './window-sql.ts';

export const CLV_RULE = { historyDays: 365, horizonDays: 365, minimumTenureDays: 30 } as const;

const SECONDS_PER_DAY = 86_400;

export function predictedClvConditionSql(condition: LeafOf<'predicted_clv'>, context: CompileContext): string {
  const { params, asOf } = context;
  const end = asOfParam(params, asOf);
  const day = params.shared('seconds_per_day', SECONDS_PER_DAY, 'float8');
  const daysBefore = (instant: string) => `extract(epoch FROM (${end} - ${instant}))::float8 / ${day}`;
  const tenure = `greatest(${params.param(CLV_RULE.minimumTenureDays, 'float8')}, ${daysBefore('min(purchase.ordered_at)')})`;
  const history =
    `SELECT purchase.customer_id, sum(purchase.total)::float8 AS value, count(*)::float8 AS orders,` +
    ` ${tenure} AS tenure, ${daysBefore('max(purchase.ordered_at)')} AS recency` +
    ` FROM orders purchase WHERE purchase.status = ${completedStatusParam(params)}` +
    ` AND purchase.ordered_at > ${end} - make_interval(days => ${params.param(CLV_RULE.historyDays, 'int')}) AND purchase.ordered_at <= ${end}` +
    ` GROUP BY purchase.customer_id`;
  const clv =
    `buyer.value / buyer.tenure * ${params.param(CLV_RULE.horizonDays, 'float8')}` +
    ` * exp(-greatest(0, buyer.recency - buyer.tenure / buyer.orders) / (buyer.tenure / buyer.orders))`;
  const checks: string[] = [];
  if (condition.topShare !== undefined) checks.push(`valued.share_at_or_above <= ${params.param(condition.topShare, 'float8')}`);
  if (condition.min !== undefined) checks.push(`valued.clv >= ${params.param(condition.min, 'float8')}`);
  return (
    `c.id IN (SELECT valued.customer_id FROM (SELECT predicted.customer_id, predicted.clv,` +
    ` ${shareAtOrAboveSql('predicted.clv')} AS share_at_or_above` +
    ` FROM (SELECT buyer.customer_id, ${clv} AS clv FROM (${history}) buyer) predicted) valued WHERE ${checks.join(' AND ')})`
  );
}

export function priceSensitivityParts(condition: LeafOf<'price_sensitivity'>, context: CompileContext): ConditionParts {
  const { params, asOf, path } = context;
  const sensitive = (orders: string, discounted: string) => {
    const checks = [`${orders} > 0`];
    if (condition.min !== undefined) checks.push(`${discounted} >= ${params.param(condition.min, 'numeric')} * ${orders}`);
    if (condition.max !== undefined) checks.push(`${discounted} <= ${params.param(condition.max, 'numeric')} * ${orders}`);
    return checks.join(' AND ');
  };
  const exactMembers = (extraFilter: string) =>
    `SELECT purchase.customer_id FROM orders purchase WHERE ${extraFilter} AND purchase.status = ${completedStatusParam(params)}` +
    ` AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}` +
    ` GROUP BY purchase.customer_id HAVING ${sensitive('count(*)', 'count(*) FILTER (WHERE purchase.discount > 0)')}`;
  const exact: ExactCondition = { members: exactMembers, perCustomer: () => `c.id IN (${exactMembers('true')})` };
  const window = condition.window;
  if (window.type !== 'rolling') return { exact, summarised: null, groupable: true, membersOnly: true };
  const values: WindowedValue[] = [
    { name: 'orders', measure: 'orders', days: window.days },
    { name: 'discounted', measure: 'discounted', days: window.days },
  ];
  const summarised: SummarisedCondition = {
    usable: summaryUsableSql([window.days], context),
    members: () =>
      `SELECT windowed.customer_id FROM (${windowedValuesSql({ kind: 'orders' }, values, context)}) windowed` +
      ` WHERE ${sensitive('windowed.orders', 'windowed.discounted')}`,
  };
  return { exact, summarised, groupable: true, membersOnly: true };
}

export function priceSensitivityConditionSql(condition: LeafOf<'price_sensitivity'>, context: CompileContext): string {
  return conditionPartsSql(priceSensitivityParts(condition, context), context);
}
