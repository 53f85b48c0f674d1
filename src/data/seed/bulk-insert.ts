// Bulk loading that works the same on PGlite and PostgreSQL: rows are buffered by column and
// written with one `INSERT ... SELECT FROM unnest($1::text[], $2::int[], ...)` per batch, and
// batches can be queued back to back so the server works while the next rows are generated.
import type { Queryable } from '../database.ts';

export type ColumnType = 'text' | 'integer' | 'numeric' | 'boolean' | 'timestamptz' | 'date' | 'jsonb';

export interface ColumnSpec {
  name: string;
  /** Element type of the array parameter. */
  type: ColumnType;
  /** SQL computing the stored value from the unnested one, `u.<name>` (default: the value itself). */
  select?: string;
}

export interface TableSpec {
  table: string;
  columns: readonly ColumnSpec[];
}

/** Rows of one table held column by column, ready to become array parameters. */
export class ColumnarRows {
  readonly spec: TableSpec;
  #columns: unknown[][];

  constructor(spec: TableSpec) {
    this.spec = spec;
    this.#columns = spec.columns.map(() => []);
  }

  /** Appends one row; `values` in the order of `spec.columns`. */
  push(values: readonly unknown[]): void {
    const columns = this.#columns;
    for (let i = 0; i < columns.length; i++) (columns[i] as unknown[]).push(values[i] ?? null);
  }

  get length(): number {
    return this.#columns[0]?.length ?? 0;
  }

  /** The first `count` rows as columns (all rows by default), removed from the buffer. */
  take(count = this.length): unknown[][] {
    return this.#columns.map((column) => column.splice(0, count));
  }

  /** The rows as objects keyed by column name (for tests and small tables). */
  toObjects(): Record<string, unknown>[] {
    return Array.from({ length: this.length }, (_, row) =>
      Object.fromEntries(this.spec.columns.map((column, index) => [column.name, this.#columns[index]?.[row]])),
    );
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** `INSERT INTO t (a, b) SELECT u.a, u.b FROM unnest($1::text[], $2::integer[]) AS u(a, b)` (jsonb columns as text[], cast per row). */
export function unnestInsertSql(spec: TableSpec): string {
  for (const name of [spec.table, ...spec.columns.map((column) => column.name)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulk insert: "${name}" is not a plain SQL identifier`);
  }
  const names = spec.columns.map((column) => column.name).join(', ');
  // jsonb travels as text and is cast per row: parsing a jsonb[] parameter is several times slower.
  const arrays = spec.columns.map((column, index) => `$${index + 1}::${column.type === 'jsonb' ? 'text' : column.type}[]`).join(', ');
  const values = spec.columns
    .map((column) => column.select ?? (column.type === 'jsonb' ? `u.${column.name}::jsonb` : `u.${column.name}`))
    .join(', ');
  return `INSERT INTO ${spec.table} (${names}) SELECT ${values} FROM unnest(${arrays}) AS u(${names})`;
}

/** Inserts rows given as columns in batches of at most `batchSize` rows; returns the number inserted. */
export async function insertColumns(db: Queryable, spec: TableSpec, columns: unknown[][], batchSize = 10_000): Promise<number> {
  const sql = unnestInsertSql(spec);
  const total = columns[0]?.length ?? 0;
  for (let start = 0; start < total; start += batchSize) {
    await db.query(sql, columns.map((column) => column.slice(start, start + batchSize)));
  }
  return total;
}

export interface InsertPipeline {
  /** Queues the buffered rows of `rows` (emptying it) in batches; waits only when too much is queued. */
  flush(rows: ColumnarRows): Promise<void>;
  /** Waits for everything queued; throws the first failure. */
  drain(): Promise<void>;
  /** Rows written so far, per table. */
  readonly written: ReadonlyMap<string, number>;
}

export interface InsertPipelineOptions {
  batchSize?: number;
  /** Statements queued ahead of the one the server is running. */
  maxInFlight?: number;
}

/**
 * Batches run one after another on one connection (a transaction), in the order they were
 * flushed, so rows referenced by later batches (customers before their orders) only need to be
 * flushed first. Flushing returns as soon as the batch is queued, unless `maxInFlight` batches are
 * already waiting; after a failure nothing more is sent.
 */
export function createInsertPipeline(db: Queryable, { batchSize = 10_000, maxInFlight = 6 }: InsertPipelineOptions = {}): InsertPipeline {
  const pending: Promise<void>[] = [];
  const written = new Map<string, number>();
  const sqlByTable = new Map<string, string>();
  let tail: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;

  const throwIfFailed = (): void => {
    if (failure) throw failure.error;
  };
  const enqueue = (run: () => Promise<void>): void => {
    tail = tail.then(async () => {
      if (failure) return;
      try {
        await run();
      } catch (error) {
        failure = { error };
      }
    });
    pending.push(tail);
  };

  return {
    written,
    async flush(rows) {
      throwIfFailed();
      const table = rows.spec.table;
      let sql = sqlByTable.get(table);
      if (!sql) {
        sql = unnestInsertSql(rows.spec);
        sqlByTable.set(table, sql);
      }
      const statement = sql;
      while (rows.length > 0) {
        const batch = rows.take(Math.min(batchSize, rows.length));
        const count = batch[0]?.length ?? 0;
        enqueue(async () => {
          await db.query(statement, batch);
          written.set(table, (written.get(table) ?? 0) + count);
        });
        while (pending.length > maxInFlight) await pending.shift();
        throwIfFailed();
      }
    },
    async drain() {
      await tail;
      pending.length = 0;
      throwIfFailed();
    },
  };
}
