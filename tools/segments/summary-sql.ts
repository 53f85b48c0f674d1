// SQL over the activity summary (src/data/activity-summary.ts): a customer's events of one type, or
// completed orders, over a standard rolling window ending at as-of A, computed exactly from the
// summary built at instant T:
//   value(A - d, A] = summary(T - d, T] + sign × (value(lo, hi] - value(lo - d, hi - d])
// with lo = min(T, A), hi = max(T, A), sign = +1 when A >= T, else -1: the rows that entered the
// window since T minus those that left it (or the reverse when A is before T). Both corrections are
// short index range scans, as |A - T| is at most SUMMARY_MAX_LAG_DAYS.
//
// Every statement decides at run time, in its own snapshot, whether the summary may be used
// (summaryUsableSql): it exists, nothing it counts has changed since, A is near T and the window is
// one it counts. Otherwise the exact form over the events runs instead; the SQL text is the same
// either way, and every value in it is a bind parameter.
import { SUMMARY_MAX_LAG_DAYS, SUMMARY_WINDOW_DAYS } from '../../src/data/activity-summary.ts';
import { completedStatusParam } from './audience-sql.ts';
import type { CompileContext } from './compile-context.ts';
import { asOfParam } from './window-sql.ts';

/** The refresh instant T, read in the statement's own snapshot. */
const SUMMARY_INSTANT = '(SELECT summary_state.as_of FROM activity_summary_state summary_state)';

/** Where the summary keeps one measure, and the per-row expression that measure sums in the source. */
const MEASURES = {
  events: { table: 'event_window_counts', row: '1' },
  orders: { table: 'order_window_totals', row: '1' },
  totals: { table: 'order_window_totals', row: 'source.total' },
  discounted: { table: 'order_window_totals', row: 'CASE WHEN source.discount > 0 THEN 1 ELSE 0 END' },
} as const;

export type SummaryMeasure = keyof typeof MEASURES;

/** What a summarised condition reads: events of one type, or completed orders. */
export type SummarySource = { kind: 'events'; eventType: string } | { kind: 'orders' };

/** One value per customer: `measure` over the rolling window of `days` ending at as-of. */
export interface WindowedValue {
  name: string;
  measure: SummaryMeasure;
  days: number;
}

/** The position of `days` in the summary's windows (1-based, as SQL arrays are), 0 when not counted. */
export function summaryWindowIndex(days: number): number {
  return (SUMMARY_WINDOW_DAYS as readonly number[]).indexOf(days) + 1;
}

/** True in a statement where the summary may stand in for the events over these windows. */
export function summaryUsableSql(dayCounts: readonly number[], context: CompileContext): string {
  const { params, asOf } = context;
  const asOfInstant = asOfParam(params, asOf);
  const lag = params.shared('summary_max_lag_days', SUMMARY_MAX_LAG_DAYS, 'int');
  const windowsCounted = dayCounts.map((days) => `${params.param(summaryWindowIndex(days), 'int')} > 0`);
  return (
    `coalesce((SELECT summary_state.current AND ${windowsCounted.join(' AND ')}` +
    ` AND ${asOfInstant} BETWEEN summary_state.as_of - make_interval(days => ${lag}) AND summary_state.as_of + make_interval(days => ${lag})` +
    ` FROM activity_summary_state summary_state), false)`
  );
}

/**
 * The signed corrections of `values`, as `SELECT source.customer_id, <value names>...` rows (one per
 * source row in a correction range) to be summed per customer: +measure for a row that entered the
 * windows between T and A, -measure for one that left a window, all times the direction's sign.
 * One UNION ALL branch per range, each a plain index range scan (an OR of ranges would not be).
 * `customerFilter` narrows every branch (to customer `c`, or to nothing extra: `true`).
 */
function correctionRowsSql(source: SummarySource, values: readonly WindowedValue[], customerFilter: string, context: CompileContext): string {
  const { params, asOf } = context;
  const asOfInstant = asOfParam(params, asOf);
  const time = source.kind === 'events' ? 'source.occurred_at' : 'source.ordered_at';
  const table = source.kind === 'events' ? 'events source' : 'orders source';
  const filter = source.kind === 'events' ? `source.type = ${params.param(source.eventType, 'text')}` : `source.status = ${completedStatusParam(params)}`;
  const low = `least(${SUMMARY_INSTANT}, ${asOfInstant})`;
  const high = `greatest(${SUMMARY_INSTANT}, ${asOfInstant})`;
  const sign = `(CASE WHEN ${asOfInstant} >= ${SUMMARY_INSTANT} THEN 1 ELSE -1 END)`;
  const branch = (range: string, columns: string[]) => `SELECT source.customer_id, ${columns.join(', ')} FROM ${table} WHERE ${customerFilter} AND ${filter} AND ${range}`;
  const entered = branch(
    `${time} > ${low} AND ${time} <= ${high}`,
    values.map((value) => `${sign} * ${MEASURES[value.measure].row} AS ${value.name}`),
  );
  const left = [...new Set(values.map((value) => value.days))].map((days) => {
    const span = `make_interval(days => ${params.param(days, 'int')})`;
    return branch(
      `${time} > ${low} - ${span} AND ${time} <= ${high} - ${span}`,
      values.map((value) => (value.days === days ? `-${sign} * ${MEASURES[value.measure].row}` : '0') + ` AS ${value.name}`),
    );
  });
  return [entered, ...left].join(' UNION ALL ');
}

/** The summary's rows of the source as `(customer_id, <value names>...)`. */
function summaryRowsSql(source: SummarySource, values: readonly WindowedValue[], context: CompileContext): string {
  const { params } = context;
  const table = MEASURES[values[0]!.measure].table;
  const typeFilter = source.kind === 'events' ? ` WHERE summary.type = ${params.param(source.eventType, 'text')}` : '';
  const columns = values.map((value) => `summary.${columnOf(value.measure)}[${params.param(summaryWindowIndex(value.days), 'int')}] AS ${value.name}`);
  return `(SELECT summary.customer_id, ${columns.join(', ')} FROM ${table} summary${typeFilter})`;
}

function columnOf(measure: SummaryMeasure): string {
  return measure === 'events' ? 'counts' : measure;
}

/**
 * The relation `(customer_id, <value names>...)` of every customer with a non-zero value in any of
 * the windows: the summary's rows joined with the corrections of the customers who have any.
 */
export function windowedValuesSql(source: SummarySource, values: readonly WindowedValue[], context: CompileContext): string {
  const summary = summaryRowsSql(source, values, context);
  const sums = values.map((value) => `sum(correction.${value.name}) AS ${value.name}`);
  const corrected = `(SELECT correction.customer_id, ${sums.join(', ')} FROM (${correctionRowsSql(source, values, 'true', context)}) correction GROUP BY correction.customer_id)`;
  const selected = values.map((value) => `coalesce(summarised.${value.name}, 0) + coalesce(corrected.${value.name}, 0) AS ${value.name}`);
  return (
    `SELECT coalesce(summarised.customer_id, corrected.customer_id) AS customer_id, ${selected.join(', ')}` +
    ` FROM ${summary} summarised FULL JOIN ${corrected} corrected ON corrected.customer_id = summarised.customer_id`
  );
}

/** One windowed value of customer `c`: its summary entry plus its correction (two index lookups). */
export function customerWindowedValueSql(source: SummarySource, value: WindowedValue, context: CompileContext): string {
  const { params } = context;
  const table = MEASURES[value.measure].table;
  const typeFilter = source.kind === 'events' ? ` AND summary.type = ${params.param(source.eventType, 'text')}` : '';
  return (
    `(coalesce((SELECT summary.${columnOf(value.measure)}[${params.param(summaryWindowIndex(value.days), 'int')}] FROM ${table} summary` +
    ` WHERE summary.customer_id = c.id${typeFilter}), 0)` +
    ` + coalesce((SELECT sum(correction.${value.name}) FROM (${correctionRowsSql(source, [value], 'source.customer_id = c.id', context)}) correction), 0))`
  );
}

/**
 * A condition the summary can answer: `members` selects the customers meeting it from the summary
 * (`SELECT customer_id ...`), `perCustomer` checks customer `c` alone, both valid only where `usable`.
 */
export interface SummarisedCondition {
  usable: string;
  /** Built on use only, since each form adds its own parameters. */
  members(): string;
  /** Absent for conditions selected as members only. */
  perCustomer?: () => string;
}

/** The exact forms of the same condition over the raw rows, used when the summary is not usable. */
export interface ExactCondition {
  /** `SELECT <alias>.customer_id FROM ... WHERE <filter> GROUP BY ... HAVING ...`: the members, one pass. */
  members(extraFilter: string): string;
  /** A boolean for customer `c` (not used for conditions selected as members only). */
  perCustomer(): string;
}

/**
 * Both forms of one condition. `groupable`: a customer without rows cannot meet it (a positive lower
 * bound), so its members can be selected in one pass instead of checking every customer.
 */
export interface ConditionParts {
  exact: ExactCondition;
  summarised: SummarisedCondition | null;
  groupable: boolean;
  /** Selected as members wherever it stands (conditions that rank customers against each other). */
  membersOnly?: boolean;
}

/** `SELECT customer_id ...` of the members, from the summary where it is usable, else from the rows. */
export function membersSql(parts: ConditionParts): string {
  const { exact, summarised } = parts;
  if (!summarised) return exact.members('true');
  return (
    `SELECT summarised.customer_id FROM (${summarised.members()}) summarised WHERE ${summarised.usable}` +
    ` UNION ALL ${exact.members(`NOT ${summarised.usable}`)}`
  );
}

/**
 * The condition as a predicate on customer `c`: as one of the root's AND-ed conditions (where a
 * semi-join is one grouped pass) its members, elsewhere (under OR / NOT) per customer.
 */
export function conditionPartsSql(parts: ConditionParts, context: CompileContext): string {
  const { exact, summarised } = parts;
  if ((context.conjunct === true && parts.groupable) || parts.membersOnly === true) return `c.id IN (${membersSql(parts)})`;
  if (!summarised?.perCustomer) return exact.perCustomer();
  return `(CASE WHEN ${summarised.usable} THEN (${summarised.perCustomer()}) ELSE (${exact.perCustomer()}) END)`;
}

/**
 * The condition as the whole segment, when the summary may answer it: its members straight from the
 * summary, without visiting every customer; null when the usual `FROM customers` form is needed.
 */
export function segmentFromPartsSql(parts: ConditionParts): string | null {
  const { exact, summarised } = parts;
  if (!summarised || !parts.groupable) return null;
  return (
    `SELECT summarised.customer_id FROM (${summarised.members()}) summarised WHERE ${summarised.usable}` +
    ` UNION ALL SELECT c.id AS customer_id FROM customers c WHERE NOT ${summarised.usable} AND c.id IN (${exact.members('true')})`
  );
}
