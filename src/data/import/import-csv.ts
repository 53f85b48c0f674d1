// Imports a customers, orders or events CSV file into the database in one transaction: the file is
// streamed, each row checked (a bad row is reported with its line and column), good rows are staged
// in batches (unnest inserts) and applied with a few set-based upserts keyed by the source ids.
// Without skipBadRows one bad row rejects the whole file and nothing is written; with it, bad rows
// are skipped and listed. Date formats are detected per date column unless one is given.
import { CodedError, ErrorCode } from '../../errors.ts';
import type { Database, Queryable } from '../database.ts';
import { ColumnarRows, unnestInsertSql } from '../seed/bulk-insert.ts';
import { type ColumnMapping, describeMapping, type ImportKind, resolveColumnMapping } from './column-mapping.ts';
import { csvFileSize, readCsvRecords } from './csv-source.ts';
import { customersImporter } from './customers-import.ts';
import { type DateFormat, DateFormatDetector } from './date-values.ts';
import { eventsImporter } from './events-import.ts';
import { createFieldReader, RowProblem } from './field-values.ts';
import { markOwnData, type DataOrigin } from './data-origin.ts';
import { ordersImporter } from './orders-import.ts';
import { createStagingTable, dropStagedLines, type KindImporter, type RowIssue, stagingSpec, type WrittenCounts } from './staging.ts';

export type { RowIssue } from './staging.ts';

const IMPORTERS: Record<ImportKind, KindImporter> = { customers: customersImporter, orders: ordersImporter, events: eventsImporter };
/** The schema's default currency, for orders and products whose file names none. */
export const DEFAULT_CURRENCY = 'CNY';

export interface ImportProgress {
  stage: 'detecting' | 'reading' | 'writing';
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface ImportCsvOptions {
  kind: ImportKind;
  file: string;
  /** target field -> source column (`--map`); an empty source leaves the field out. */
  map?: ReadonlyMap<string, string>;
  /** Format of every date column; detected per column when absent. */
  dateFormat?: DateFormat;
  /** Zone of date-times written without an offset; default UTC. */
  timeZone?: string;
  /** Currency of orders and new products when the file has no currency column; default CNY. */
  currency?: string;
  skipBadRows?: boolean;
  /** Rows per staging insert; default 5,000. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  imported: number;
  skipped: RowIssue[];
  /** field -> CSV column. */
  mapping: Record<string, string>;
  /** Columns kept as custom attributes (customers) or event properties (events); ignored for orders. */
  extraColumns: string[];
  dateFormats: Record<string, DateFormat>;
  written: WrittenCounts;
  /** The data origin after the import ("own" unless the database holds the demo data). */
  dataOrigin: DataOrigin;
}

/** A file rejected because of bad rows; `issues` lists every one. */
export class ImportRejectedError extends CodedError {
  readonly issues: RowIssue[];
  constructor(file: string, issues: RowIssue[]) {
    const shown = issues.slice(0, 10).map(formatRowIssue).join('; ');
    const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
    super(
      ErrorCode.InvalidInput,
      `${file}: ${issues.length} bad row${issues.length === 1 ? '' : 's'}, nothing was imported: ${shown}${more}. Fix them, or pass --skip-bad-rows to import the other rows`,
    );
    this.issues = issues;
  }
}

export function formatRowIssue(issue: RowIssue): string {
  return `line ${issue.line}${issue.column === null ? '' : `, column ${issue.column}`}: ${issue.message}`;
}

async function readHeader(file: string): Promise<string[]> {
  for await (const record of readCsvRecords(file, { skipMalformed: true })) {
    const headers = record.fields.map((name, index) => name.trim() || `column ${index + 1}`);
    const seen = new Set<string>();
    for (const name of headers) {
      if (seen.has(name)) throw new CodedError(ErrorCode.InvalidInput, `${file}: the header names the column ${JSON.stringify(name)} twice`);
      seen.add(name);
    }
    return headers;
  }
  throw new CodedError(ErrorCode.InvalidInput, `${file} is empty: expected a header line and rows`);
}

/** Reads the date columns until each one's format is decided (or the file ends). */
async function detectDateFormats(options: ImportCsvOptions, importer: KindImporter, mapping: ColumnMapping, report: (bytes: number) => void): Promise<Record<string, DateFormat>> {
  const fields = importer.dateFields.filter(({ field }) => mapping.fields[field] !== undefined);
  if (options.dateFormat) return Object.fromEntries(fields.map(({ field }) => [field, options.dateFormat!]));
  const detectors = fields.map(({ field }) => ({ field, index: mapping.fields[field]!, detector: new DateFormatDetector() }));
  if (detectors.length === 0) return {};
  let header = true;
  for await (const record of readCsvRecords(options.file, { skipMalformed: true, onBytes: report })) {
    if (header) {
      header = false;
      continue;
    }
    for (const { index, detector } of detectors) detector.observe(record.fields[index] ?? '');
    if (detectors.every(({ detector }) => detector.decided)) break;
  }
  return Object.fromEntries(detectors.map(({ field, index, detector }) => [field, detector.result(mapping.headers[index] ?? field)]));
}

interface StagingResult {
  rows: number;
  staged: number;
  issues: RowIssue[];
}

async function stageRows(tx: Queryable, options: ImportCsvOptions, importer: KindImporter, mapping: ColumnMapping, dateFormats: Record<string, DateFormat>, totalBytes: number): Promise<StagingResult> {
  const spec = stagingSpec(importer);
  const insertSql = unnestInsertSql(spec);
  const buffer = new ColumnarRows(spec);
  const batchSize = options.batchSize ?? 5_000;
  const issues: RowIssue[] = [];
  let rows = 0;
  let staged = 0;
  let bytes = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    staged += buffer.length;
    await tx.query(insertSql, buffer.take());
  };
  const timeZone = options.timeZone ?? 'UTC';
  let header = true;
  const records = readCsvRecords(options.file, {
    skipMalformed: options.skipBadRows,
    onMalformed: (problem) => issues.push({ line: problem.line, column: null, message: problem.message }),
    onBytes: (read) => (bytes = read),
  });
  for await (const record of records) {
    if (header) {
      header = false;
      continue;
    }
    if (record.fields.every((field) => field.trim() === '')) continue;
    rows += 1;
    try {
      if (record.fields.length !== mapping.headers.length) {
        throw new RowProblem('', `has ${record.fields.length} fields where the header has ${mapping.headers.length}`);
      }
      const reader = createFieldReader(record.fields, mapping.fields, mapping.headers);
      const values = importer.readRow({ reader, fields: record.fields, extra: mapping.extra, dateFormats, timeZone });
      // After a bad row without skipBadRows the file is rejected: keep checking, stop staging.
      if (issues.length > 0 && !options.skipBadRows) continue;
      buffer.push([record.line, ...values]);
      if (buffer.length >= batchSize) await flush();
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      issues.push({ line: record.line, column: error.column === '' ? null : error.column, message: error.message });
    }
    if (rows % 1000 === 0) options.onProgress?.({ stage: 'reading', bytes, totalBytes, rows });
  }
  await flush();
  options.onProgress?.({ stage: 'reading', bytes: totalBytes, totalBytes, rows });
  return { rows, staged, issues };
}

export async function importCsv(db: Database, options: ImportCsvOptions): Promise<ImportReport> {
  const importer = IMPORTERS[options.kind];
  if (!importer) throw new CodedError(ErrorCode.InvalidInput, `cannot import ${JSON.stringify(options.kind)}: choose customers, orders or events`);
  const totalBytes = csvFileSize(options.file);
  const headers = await readHeader(options.file);
  const mapping = resolveColumnMapping(options.kind, headers, options.map);
  const progress = (stage: ImportProgress['stage']) => (bytes: number) => options.onProgress?.({ stage, bytes, totalBytes, rows: 0 });
  const dateFormats = await detectDateFormats(options, importer, mapping, progress('detecting'));
  const mapped = new Set(Object.keys(mapping.fields));
  const applyContext = { mapped, currency: options.currency ?? DEFAULT_CURRENCY };

  return db.transaction(async (tx) => {
    await createStagingTable(tx, importer);
    const staging = await stageRows(tx, options, importer, mapping, dateFormats, totalBytes);
    let issues = staging.issues;
    if (issues.length > 0 && !options.skipBadRows) throw new ImportRejectedError(options.file, issues);
    await tx.query('ANALYZE import_rows');
    const conflicts = await importer.findConflicts(tx, applyContext);
    if (conflicts.length > 0) {
      if (!options.skipBadRows) throw new ImportRejectedError(options.file, conflicts);
      await dropStagedLines(tx, conflicts.map((conflict) => conflict.line));
      issues = [...issues, ...conflicts].sort((a, b) => a.line - b.line);
    }
    options.onProgress?.({ stage: 'writing', bytes: totalBytes, totalBytes, rows: staging.rows });
    const written = await importer.apply(tx, applyContext);
    const dataOrigin = await markOwnData(tx);
    return {
      kind: options.kind,
      file: options.file,
      rows: staging.rows,
      imported: staging.staged - conflicts.length,
      skipped: issues,
      mapping: describeMapping(mapping),
      extraColumns: options.kind === 'orders' ? [] : mapping.extra.map((column) => column.name),
      dateFormats,
      written,
      dataOrigin,
    };
  });
}
