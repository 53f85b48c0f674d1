// Compares two segments on the same data and as-of time: how many customers are in both, in only
// the first, in only the second. Both definitions become one statement, so the counts are
// consistent with each other.
import type { Queryable } from '../../src/data/database.ts';
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import { compileSegmentInto } from './compile-segment.ts';
import { createSqlParams } from './sql-builder.ts';

export interface SegmentDiff {
  /** Customers in the first segment. */
  a: number;
  /** Customers in the second segment. */
  b: number;
  overlap: number;
  onlyA: number;
  onlyB: number;
}

export interface DiffSegmentsOptions {
  asOf: Date;
}

export async function diffSegments(db: Queryable, a: SegmentDefinition, b: SegmentDefinition, options: DiffSegmentsOptions): Promise<SegmentDiff> {
  const params = createSqlParams();
  const first = compileSegmentInto(a, params, { asOf: options.asOf });
  const second = compileSegmentInto(b, params, { asOf: options.asOf });
  const sql =
    `WITH segment_a AS MATERIALIZED (${first}), segment_b AS MATERIALIZED (${second})` +
    ` SELECT count(segment_a.customer_id)::int AS a, count(segment_b.customer_id)::int AS b,` +
    ` count(*) FILTER (WHERE segment_a.customer_id IS NOT NULL AND segment_b.customer_id IS NOT NULL)::int AS overlap,` +
    ` count(*) FILTER (WHERE segment_b.customer_id IS NULL)::int AS only_a,` +
    ` count(*) FILTER (WHERE segment_a.customer_id IS NULL)::int AS only_b` +
    ` FROM segment_a FULL JOIN segment_b ON segment_b.customer_id = segment_a.customer_id`;
  const { rows } = await db.query<{ a: number; b: number; overlap: number; only_a: number; only_b: number }>(sql, params.values);
  const row = rows[0] ?? { a: 0, b: 0, overlap: 0, only_a: 0, only_b: 0 };
  return { a: Number(row.a), b: Number(row.b), overlap: Number(row.overlap), onlyA: Number(row.only_a), onlyB: Number(row.only_b) };
}
