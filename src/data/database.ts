// The one query interface of the product. Both backends (embedded PGlite and PostgreSQL through
// `pg`) implement it, so nothing above the data layer knows which one is in use.
import type pg from 'pg';

export type Row = Record<string, unknown>;

export interface QueryResult<T extends Row = Row> {
  rows: T[];
  /** Rows inserted, updated or deleted by the statement, when it reports them. */
  affectedRows: number;
}

export interface Queryable {
  /** Runs one parameterised statement (`$1`, `$2`, ...). Values never go into the SQL text. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Where the data lives: the data directory, or the PostgreSQL URL with its password masked. */
  readonly location: string;
  /** Campaign memory needs pgvector; false when it is switched off (CAMPAIGN_AGENT_MEMORY=off). */
  readonly memoryEnabled: boolean;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A `pg.Pool`-compatible handle for libraries that take a pool (the LangGraph checkpointer).
   * On PGlite it shares the single connection and serialises whole transactions with app queries.
   */
  libraryPool(): pg.Pool;
  close(): Promise<void>;
}

/** Numeric parsers applied on both backends so counts and amounts arrive as numbers. */
export const NUMERIC_TYPE_IDS = { int8: 20, numeric: 1700 } as const;
export function parseNumeric(value: string): number {
  return Number(value);
}
