// The audience facts guardrails and the forecast need, counted on the database in one query:
// size, reachability per planned channel, minors, customers at the frequency cap, order values,
// recent buyers and time zones; and the recipient list a send is built from.
import type { Queryable } from '../../src/data/database.ts';
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { ageSql, completedStatusParam, reachableSql } from './audience-sql.ts';
import { numberOrNull, plannedChannels, reachableByChannelSql, readReachable, segmentStatement } from './segment-query.ts';
import type { SqlParams } from './sql-builder.ts';
import { asOfDateParam, asOfParam } from './window-sql.ts';

export interface AudienceFactsQuery {
  definition: SegmentDefinition;
  asOf: Date;
  /** Planned channels, in plan order (the first reachable one is used per recipient). */
  channels: Channel[];
  /** Customers younger than this (by birth date, on the as-of date) are minors; unknown ages are not. */
  minimumAge: number;
  /** Sends with status queued or sent whose time (sent_at, else send_at) is in (sendAt - windowDays, sendAt] count towards the cap. */
  frequencyCap: { maxMessages: number; windowDays: number };
  sendAt: Date;
}

export interface AudienceFactsResult {
  count: number;
  reachable: Partial<Record<Channel, number>>;
  minors: number;
  overFrequencyCap: number;
  /** Mean total of the members' completed orders in the 365 days up to as-of; null without orders. */
  averageOrderValue: number | null;
  /** Sample standard deviation of those order totals; null with fewer than two orders. */
  orderValueStdDev: number | null;
  /** Members with a completed order in the 30 days up to as-of. */
  purchasedLast30Days: number;
  /** Members per time zone, largest first. */
  timeZones: Array<{ timeZone: string; customers: number }>;
  /** The members' countries (upper-case codes, null for unknown), sorted: for per-country quiet hours. */
  countries: Array<string | null>;
}

export interface Recipient {
  customerId: string;
  channel: Channel;
  timeZone: string;
  /** Upper-case country code, or null when unknown. */
  country: string | null;
}

/** Sends that count towards the frequency cap. */
const CAPPED_SEND_STATUSES = ['queued', 'sent'];
const ORDER_VALUE_WINDOW_DAYS = 365;
const RECENT_PURCHASE_DAYS = 30;

/** The `member` CTE: segment customers with their zone and whether they are minors or at the cap. */
function memberCte(query: AudienceFactsQuery, params: SqlParams): string {
  const age = ageSql('c.birth_date', asOfDateParam(params, query.asOf));
  const sendAt = params.param(query.sendAt.toISOString(), 'timestamptz');
  const sentAt = 'coalesce(send.sent_at, send.send_at)';
  return (
    `member AS (SELECT c.id, c.time_zone, upper(nullif(trim(c.country), '')) AS country,` +
    ` coalesce(${age} < ${params.param(query.minimumAge, 'int')}, false) AS is_minor,` +
    ` (SELECT count(*) FROM sends send WHERE send.customer_id = c.id AND send.status = ANY(${params.param(CAPPED_SEND_STATUSES, 'text[]')})` +
    ` AND ${sentAt} > ${sendAt} - make_interval(days => ${params.param(query.frequencyCap.windowDays, 'int')}) AND ${sentAt} <= ${sendAt})` +
    ` >= ${params.param(query.frequencyCap.maxMessages, 'int')} AS over_cap` +
    ` FROM segment JOIN customers c ON c.id = segment.customer_id)`
  );
}

function assertValidInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new CodedError(ErrorCode.InvalidInput, `${field} must be a valid date-time`);
  }
}

export async function queryAudienceFacts(db: Queryable, query: AudienceFactsQuery): Promise<AudienceFactsResult> {
  assertValidInstant(query.sendAt, 'sendAt');
  const channels = plannedChannels(query.channels);
  const { withSegment, params } = segmentStatement(query.definition, query.asOf);
  const member = memberCte(query, params);
  const asOf = asOfParam(params, query.asOf);
  const completed = completedStatusParam(params);
  const memberOrders = (days: number) =>
    `FROM orders purchase JOIN member ON member.id = purchase.customer_id WHERE purchase.status = ${completed}` +
    ` AND purchase.ordered_at > ${asOf} - make_interval(days => ${params.param(days, 'int')}) AND purchase.ordered_at <= ${asOf}`;
  const sql =
    `${withSegment}, ${member}, order_value AS (SELECT avg(purchase.total) AS mean, stddev_samp(purchase.total) AS spread ${memberOrders(ORDER_VALUE_WINDOW_DAYS)})` +
    ` SELECT (SELECT count(*) FROM member) AS count,` +
    ` (SELECT count(*) FILTER (WHERE is_minor) FROM member) AS minors,` +
    ` (SELECT count(*) FILTER (WHERE over_cap) FROM member) AS over_cap,` +
    ` ${reachableByChannelSql(params, channels)} AS reachable,` +
    ` (SELECT mean FROM order_value) AS average_order_value, (SELECT spread FROM order_value) AS order_value_std_dev,` +
    ` (SELECT count(DISTINCT purchase.customer_id) ${memberOrders(RECENT_PURCHASE_DAYS)}) AS purchased_recently,` +
    ` (SELECT json_agg(json_build_object('timeZone', zone.time_zone, 'customers', zone.customers) ORDER BY zone.customers DESC, zone.time_zone)` +
    ` FROM (SELECT time_zone, count(*) AS customers FROM member GROUP BY time_zone) zone) AS time_zones,` +
    ` (SELECT json_agg(DISTINCT country) FROM member) AS countries`;
  const { rows } = await db.query(sql, params.values);
  const row = rows[0] ?? {};
  return {
    count: Number(row.count ?? 0),
    reachable: readReachable(row.reachable),
    minors: Number(row.minors ?? 0),
    overFrequencyCap: Number(row.over_cap ?? 0),
    averageOrderValue: numberOrNull(row.average_order_value),
    orderValueStdDev: numberOrNull(row.order_value_std_dev),
    purchasedLast30Days: Number(row.purchased_recently ?? 0),
    timeZones: ((row.time_zones ?? []) as Array<{ timeZone: string; customers: number }>).map((zone) => ({
      timeZone: zone.timeZone,
      customers: Number(zone.customers),
    })),
    countries: ((row.countries ?? []) as Array<string | null>).sort((a, b) => (a ?? '~').localeCompare(b ?? '~')),
  };
}

/** A reachable segment member with what would exclude them from a send. */
export interface FlaggedRecipient extends Recipient {
  isMinor: boolean;
  overFrequencyCap: boolean;
}

/**
 * Segment members reachable on at least one planned channel, each with the first planned channel (in
 * plan order) they consented to and are not suppressed on, and whether they are minors or at the
 * frequency cap. Ordered by customer id. One query serves both the consented count and the recipients.
 */
export async function selectReachableMembers(db: Queryable, query: AudienceFactsQuery): Promise<FlaggedRecipient[]> {
  assertValidInstant(query.sendAt, 'sendAt');
  const channels = plannedChannels(query.channels);
  const { withSegment, params } = segmentStatement(query.definition, query.asOf);
  const member = memberCte(query, params);
  const sql =
    `${withSegment}, ${member} SELECT member.id AS customer_id, chosen.channel, member.time_zone, member.country, member.is_minor, member.over_cap FROM member` +
    ` CROSS JOIN LATERAL (SELECT planned.channel FROM unnest(${params.param(channels, 'text[]')}) WITH ORDINALITY AS planned(channel, plan_order)` +
    ` WHERE ${reachableSql('member.id', 'planned.channel')} ORDER BY planned.plan_order LIMIT 1) chosen` +
    ` ORDER BY member.id`;
  const { rows } = await db.query<{ customer_id: string; channel: Channel; time_zone: string; country: string | null; is_minor: boolean; over_cap: boolean }>(
    sql,
    params.values,
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    channel: row.channel,
    timeZone: row.time_zone,
    country: row.country,
    isMinor: row.is_minor,
    overFrequencyCap: row.over_cap,
  }));
}

/** The recipients a send is built from: the reachable members, optionally without minors and without customers at the frequency cap. */
export function withoutExcluded(members: readonly FlaggedRecipient[], exclude: { minors: boolean; overFrequencyCap: boolean }): Recipient[] {
  return members
    .filter((member) => !(member.isMinor && exclude.minors) && !(member.overFrequencyCap && exclude.overFrequencyCap))
    .map(({ customerId, channel, timeZone, country }) => ({ customerId, channel, timeZone, country }));
}

/** The customers to message (see selectReachableMembers and withoutExcluded). */
export async function selectRecipients(
  db: Queryable,
  query: AudienceFactsQuery & { exclude: { minors: boolean; overFrequencyCap: boolean } },
): Promise<Recipient[]> {
  return withoutExcluded(await selectReachableMembers(db, query), query.exclude);
}
