// SQL for the conditions that compare a customer with others or with their own past: spend rank
// (top share by order total in a window) and churn risk (recent login rate against the earlier rate).
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { asOfParam, windowPredicate } from './window-sql.ts';

/**
 * Churn risk, measured on `login` events relative to as-of: recent = logins in (asOf - 30 d, asOf],
 * earlier = logins in (asOf - 180 d, asOf - 30 d]. A customer is at a level when they logged in at
 * least 5 times earlier and recent / 30 < ratio × earlier / 150, with ratio 0.3 for `high` and 0.6
 * for `medium`; so `medium` means "medium or higher" and includes every `high` customer.
 */
export const CHURN_RISK_RULE = {
  event: 'login',
  recentDays: 30,
  earlierDays: 150,
  minimumEarlierLogins: 5,
  rateRatio: { high: 0.3, medium: 0.6 },
} as const;

/**
 * Customers in the top `topShare` by the summed total of their completed orders in the window,
 * ranked among customers with at least one completed order there: a customer qualifies when
 * cume_dist() over (order by total desc) <= topShare, i.e. the share of those customers whose total
 * is at least theirs is within topShare. Ties rank together, so a tie across the cut-off is left
 * out whole and the selected share never exceeds topShare.
 */
export function spendRankConditionSql(condition: LeafOf<'spend_rank'>, context: CompileContext): string {
  const { params, asOf, path } = context;
  return (
    `c.id IN (SELECT ranked.customer_id FROM (SELECT purchase.customer_id,` +
    ` cume_dist() OVER (ORDER BY sum(purchase.total) DESC) AS share_at_or_above` +
    ` FROM orders purchase WHERE purchase.status = ${completedStatusParam(params)}` +
    ` AND ${windowPredicate('purchase.ordered_at', condition.window, params, asOf, `${path}.window`)}` +
    ` GROUP BY purchase.customer_id) ranked WHERE ranked.share_at_or_above <= ${params.param(condition.topShare, 'float8')})`
  );
}

/** Churn risk at `level` or higher, per CHURN_RISK_RULE; rates are compared exactly in numeric. */
export function churnRiskConditionSql(condition: LeafOf<'churn_risk'>, context: CompileContext): string {
  const { params, asOf } = context;
  const rule = CHURN_RISK_RULE;
  const end = asOfParam(params, asOf);
  const recentDays = params.param(rule.recentDays, 'int');
  const earlierDays = params.param(rule.earlierDays, 'int');
  const recentStart = `${end} - make_interval(days => ${recentDays})`;
  const recent = `count(*) FILTER (WHERE login_event.occurred_at > ${recentStart})`;
  const earlier = `count(*) FILTER (WHERE login_event.occurred_at <= ${recentStart})`;
  return (
    `(SELECT ${earlier} >= ${params.param(rule.minimumEarlierLogins, 'int')}` +
    ` AND ${recent} * ${earlierDays} < ${params.param(rule.rateRatio[condition.level], 'numeric')} * ${earlier} * ${recentDays}` +
    ` FROM events login_event WHERE login_event.customer_id = c.id AND login_event.type = ${params.param(rule.event, 'text')}` +
    ` AND login_event.occurred_at > ${end} - make_interval(days => ${recentDays} + ${earlierDays}) AND login_event.occurred_at <= ${end})`
  );
}
