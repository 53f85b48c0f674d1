// SQL for the conditions that compare a customer with others or with their own past: spend rank
// (top share by order total in a window) and churn risk (recent login rate against the earlier rate).
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { shareAtOrAboveSql } from './share-rank-sql.ts';
import { conditionPartsSql, customerWindowedValueSql, summaryUsableSql, windowedValuesSql, type ConditionParts, type ExactCondition, type SummarisedCondition, type WindowedValue } from './summary-sql.ts';
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
 * cume_dist() over (order by total desc) <= topShare (computed as shareAtOrAboveSql), i.e. the share of those customers whose total
 * is at least theirs is within topShare. Ties rank together, so a tie across the cut-off is left
 * out whole and the selected share never exceeds topShare.
 */
export function spendRankParts(condition: LeafOf<'spend_rank'>, context: CompileContext): ConditionParts {
  const { params, asOf, path } = context;
  const topShare = params.param(condition.topShare, 'float8');
  const window = condition.window;
  const exactMembers = (extraFilter: string) =>
    `SELECT ranked.customer_id FROM (SELECT purchase.customer_id,` +
    ` ${shareAtOrAboveSql('sum(purchase.total)')} AS share_at_or_above` +
    ` FROM orders purchase WHERE ${extraFilter} AND purchase.status = ${completedStatusParam(params)}` +
    ` AND ${windowPredicate('purchase.ordered_at', window, params, asOf, `${path}.window`)}` +
    ` GROUP BY purchase.customer_id) ranked WHERE ranked.share_at_or_above <= ${topShare}`;
  const exact: ExactCondition = { members: exactMembers, perCustomer: () => `c.id IN (${exactMembers('true')})` };
  if (window.type !== 'rolling') return { exact, summarised: null, groupable: true, membersOnly: true };
  const values: WindowedValue[] = [
    { name: 'orders', measure: 'orders', days: window.days },
    { name: 'total', measure: 'totals', days: window.days },
  ];
  const summarised: SummarisedCondition = {
    usable: summaryUsableSql([window.days], context),
    members: () =>
      `SELECT ranked.customer_id FROM (SELECT windowed.customer_id, ${shareAtOrAboveSql('windowed.total')} AS share_at_or_above` +
      ` FROM (${windowedValuesSql({ kind: 'orders' }, values, context)}) windowed WHERE windowed.orders > 0) ranked` +
      ` WHERE ranked.share_at_or_above <= ${topShare}`,
  };
  return { exact, summarised, groupable: true, membersOnly: true };
}

export function spendRankConditionSql(condition: LeafOf<'spend_rank'>, context: CompileContext): string {
  return conditionPartsSql(spendRankParts(condition, context), context);
}

/**
 * Churn risk at `level` or higher, per CHURN_RISK_RULE; rates are compared exactly in numeric. A
 * customer with fewer than the minimum earlier logins is never at risk, so the members can be
 * selected in one pass over the logins (or over the summary).
 */
export function churnRiskParts(condition: LeafOf<'churn_risk'>, context: CompileContext): ConditionParts {
  const { params, asOf } = context;
  const rule = CHURN_RISK_RULE;
  const end = asOfParam(params, asOf);
  const recentDays = params.param(rule.recentDays, 'int');
  const earlierDays = params.param(rule.earlierDays, 'int');
  const minimumEarlier = params.param(rule.minimumEarlierLogins, 'int');
  const ratio = params.param(rule.rateRatio[condition.level], 'numeric');
  const atRisk = (recent: string, earlier: string) => `${earlier} >= ${minimumEarlier} AND ${recent} * ${earlierDays} < ${ratio} * ${earlier} * ${recentDays}`;
  const recentStart = `${end} - make_interval(days => ${recentDays})`;
  const recent = `count(*) FILTER (WHERE login_event.occurred_at > ${recentStart})`;
  const earlier = `count(*) FILTER (WHERE login_event.occurred_at <= ${recentStart})`;
  const loginEvent = params.param(rule.event, 'text');
  const logins =
    `FROM events login_event WHERE login_event.type = ${loginEvent}` +
    ` AND login_event.occurred_at > ${end} - make_interval(days => ${recentDays} + ${earlierDays}) AND login_event.occurred_at <= ${end}`;
  const exact: ExactCondition = {
    members: (extraFilter) => `SELECT login_event.customer_id ${logins} AND ${extraFilter} GROUP BY login_event.customer_id HAVING ${atRisk(recent, earlier)}`,
    perCustomer: () => `(SELECT ${atRisk(recent, earlier)} ${logins} AND login_event.customer_id = c.id)`,
  };
  const totalDays = rule.recentDays + rule.earlierDays;
  const values: WindowedValue[] = [
    { name: 'recent', measure: 'events', days: rule.recentDays },
    { name: 'in_both', measure: 'events', days: totalDays },
  ];
  const source = { kind: 'events' as const, eventType: rule.event };
  const summarised: SummarisedCondition = {
    usable: summaryUsableSql([rule.recentDays, totalDays], context),
    members: () =>
      `SELECT windowed.customer_id FROM (${windowedValuesSql(source, values, context)}) windowed` +
      ` WHERE ${atRisk('windowed.recent', '(windowed.in_both - windowed.recent)')}`,
    perCustomer: () => {
      const [recentValue, bothValue] = values.map((value) => customerWindowedValueSql(source, value, context)) as [string, string];
      return `(SELECT ${atRisk('counted.recent', '(counted.in_both - counted.recent)')} FROM (SELECT ${recentValue} AS recent, ${bothValue} AS in_both) counted)`;
    },
  };
  return { exact, summarised, groupable: true };
}

export function churnRiskConditionSql(condition: LeafOf<'churn_risk'>, context: CompileContext): string {
  return conditionPartsSql(churnRiskParts(condition, context), context);
}
