// Builds statements over a segment's members: the compiled segment becomes the `segment` CTE and
// further parameters continue its numbering, so preview and audience facts stay one query each.
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { reachableSql } from './audience-sql.ts';
import { compileSegment } from './compile-segment.ts';
import { createSqlParams, type SqlParams } from './sql-builder.ts';

export interface SegmentStatement {
  /** `WITH segment AS (...)`, to be followed by further CTEs (`, name AS (...)`) or the final SELECT. */
  withSegment: string;
  params: SqlParams;
}

export function segmentStatement(definition: SegmentDefinition, asOf: Date): SegmentStatement {
  const compiled = compileSegment(definition, { asOf });
  return { withSegment: `WITH segment AS MATERIALIZED (${compiled.sql})`, params: createSqlParams(compiled.params) };
}

/** The planned channels once each, in plan order; at least one is required. */
export function plannedChannels(channels: readonly Channel[]): Channel[] {
  const unique = [...new Set(channels)];
  if (unique.length === 0) throw new CodedError(ErrorCode.InvalidInput, 'channels: name at least one channel to count reachable customers on');
  return unique;
}

/** Reads a JSON number, text number or null from a result row as a number (or null). */
export function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A JSON array of `{ channel, customers }` in plan order: `member` rows reachable on each planned channel. */
export function reachableByChannelSql(params: SqlParams, channels: readonly Channel[]): string {
  return (
    `(SELECT json_agg(json_build_object('channel', planned.channel, 'customers',` +
    ` (SELECT count(*) FROM member WHERE ${reachableSql('member.id', 'planned.channel')})) ORDER BY planned.plan_order)` +
    ` FROM unnest(${params.param(channels, 'text[]')}) WITH ORDINALITY AS planned(channel, plan_order))`
  );
}

/** Reads the result of reachableByChannelSql. */
export function readReachable(value: unknown): Partial<Record<Channel, number>> {
  const reachable: Partial<Record<Channel, number>> = {};
  for (const entry of (value ?? []) as Array<{ channel: Channel; customers: number }>) reachable[entry.channel] = Number(entry.customers);
  return reachable;
}
