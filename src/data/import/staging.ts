// The staging table an import streams its checked rows into (batched unnest inserts), and the
// contract each kind of file (customers, orders, events) fulfils: how a CSV row becomes a staged
// row, which staged rows contradict each other, and the set-based upserts that apply them.
import type { Queryable } from '../database.ts';
import type { ColumnSpec, TableSpec } from '../seed/bulk-insert.ts';
import type { DateFormat } from './date-values.ts';
import type { FieldReader } from './field-values.ts';

export const STAGING_TABLE = 'import_rows';

/** A bad row: its line in the file, the column at fault (null for the row as a whole) and what is wrong. */
export interface RowIssue {
  line: number;
  column: string | null;
  message: string;
}

export interface RowContext {
  reader: FieldReader;
  /** The record's raw fields, for columns kept as attributes or properties. */
  fields: readonly string[];
  extra: ReadonlyArray<{ name: string; index: number }>;
  /** Detected or given format per date field. */
  dateFormats: Readonly<Record<string, DateFormat>>;
  timeZone: string;
}

export interface ApplyContext {
  /** Fields the file provides (mapped to a column). */
  mapped: ReadonlySet<string>;
  currency: string;
}

export interface WrittenCounts {
  customersCreated: number;
  customersUpdated: number;
  productsCreated: number;
  ordersCreated: number;
  ordersUpdated: number;
  orderLines: number;
  eventsCreated: number;
  /** Events already in the database (an earlier import of the same rows) or repeated in the file. */
  eventsAlreadyPresent: number;
}

export const NO_WRITES: WrittenCounts = {
  customersCreated: 0,
  customersUpdated: 0,
  productsCreated: 0,
  ordersCreated: 0,
  ordersUpdated: 0,
  orderLines: 0,
  eventsCreated: 0,
  eventsAlreadyPresent: 0,
};

export interface KindImporter {
  /** The staging columns after `line` (which every staging table starts with). */
  columns: readonly ColumnSpec[];
  /** Date fields and whether they hold instants or calendar dates. */
  dateFields: ReadonlyArray<{ field: string; type: 'instant' | 'date' }>;
  /** The staged values of one record (in `columns` order); throws RowProblem for a bad value. */
  readRow(context: RowContext): unknown[];
  /** Staged rows that contradict others (an order with two customers); each becomes a RowIssue. */
  findConflicts(tx: Queryable, context: ApplyContext): Promise<RowIssue[]>;
  /** Writes the staged rows to the real tables. */
  apply(tx: Queryable, context: ApplyContext): Promise<WrittenCounts>;
}

export function stagingSpec(importer: KindImporter): TableSpec {
  return { table: STAGING_TABLE, columns: [{ name: 'line', type: 'integer' }, ...importer.columns] };
}

export async function createStagingTable(tx: Queryable, importer: KindImporter): Promise<void> {
  const columns = stagingSpec(importer).columns.map((column) => `${column.name} ${column.type}`).join(', ');
  await tx.query(`CREATE TEMP TABLE ${STAGING_TABLE} (${columns}) ON COMMIT DROP`);
}

export async function dropStagedLines(tx: Queryable, lines: readonly number[]): Promise<void> {
  if (lines.length > 0) await tx.query(`DELETE FROM ${STAGING_TABLE} WHERE line = ANY($1::int[])`, [lines]);
}

/**
 * Runs an `INSERT ... ON CONFLICT ...` that ends in `RETURNING (xmax = 0) AS inserted` and counts the
 * rows it created and updated, without sending the rows themselves back.
 */
export async function countWritten(tx: Queryable, upsertSql: string, params: readonly unknown[] = []): Promise<{ created: number; updated: number }> {
  const { rows } = await tx.query<{ created: number; updated: number }>(
    `WITH written AS (${upsertSql}) SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
    params,
  );
  return { created: Number(rows[0]?.created ?? 0), updated: Number(rows[0]?.updated ?? 0) };
}

/** Non-empty values of the columns no field reads, keyed by their header: attributes or properties. */
export function extraValues(context: RowContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name, index } of context.extra) {
    const value = (context.fields[index] ?? '').trim();
    if (value !== '' && !value.includes('\u0000') && !name.includes('\u0000')) values[name] = value;
  }
  return values;
}
