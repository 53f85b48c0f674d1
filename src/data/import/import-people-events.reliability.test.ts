// Fuzzing customer and event CSV imports (fast-check): files whose header keeps a random choice of
// the optional columns (one renamed and given with --map), whose rows mix good values with bad ones
// in every column (dates in each format and garbage, ids, emails, phones, genders, zones, locales,
// event types, NUL), free unicode text with quotes and line breaks, extra columns kept as attributes,
// and rows with too few or too many fields. Each cell knows whether the importer must refuse it, so
// an import either takes exactly the good rows or is rejected with INVALID_INPUT naming exactly the
// bad lines (and the column at fault), writing nothing; with --skip-bad-rows the good rows are
// written and exactly the bad lines reported.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import type { ImportKind } from './column-mapping.ts';
import { cellOf, countRows, createCsvFiles, freeText, type FuzzCell, nulText, rowStartLines } from './csv-fuzzing.ts';
import type { DateFormat } from './date-values.ts';
import { importCsv, ImportRejectedError, type ImportReport, type RowIssue } from './import-csv.ts';

let test: TestDatabase;
const files = createCsvFiles('import-people-fuzz');
/** Each generated file gets fresh ids, so what a file adds to the tables is known. */
let run = 0;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.dispose();
  files.dispose();
});

const birthDay = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
/** After 2001-09-09 epoch values have 10 digits (seconds) and 13 (milliseconds), as the detector expects. */
const eventTime = fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const pad = (value: number) => String(value).padStart(2, '0');
function writeDate(date: Date, format: DateFormat, withTime: boolean): string {
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const time = withTime ? ` ${date.getUTCHours()}:${pad(date.getUTCMinutes())}` : '';
  switch (format) {
    case 'iso':
      return withTime ? date.toISOString() : `${y}-${pad(m)}-${pad(d)}`;
    case 'mdy':
      return `${m}/${d}/${y}${time}`;
    case 'dmy':
      return `${pad(d)}/${pad(m)}/${y}${time}`;
    case 'epoch_s':
      return String(Math.floor(date.getTime() / 1000));
    case 'epoch_ms':
      return String(date.getTime());
  }
}
/** Dates no format reads: impossible days and months, words, numbers out of range. */
const badDate = fc.constantFrom('garbage', '2026-13-01', '31/02/2026', '2026-02-30', 'NaN', '1e309', '12.5', 'yesterday', '２０２６-01-01', '0000-00-00T25:61');
const idText = (prefix: string) => fc.integer({ min: 0, max: 5 }).map((n) => `${prefix}${run}-${n}`);
const paddedId = (prefix: string) => fc.tuple(idText(prefix), fc.constantFrom('', ' ', '  ')).map(([id, space]) => `${space}${id}${space}`);
const requiredId = (prefix: string) => cellOf(fc.oneof(paddedId(prefix), paddedId(prefix).map((id) => `${id}-键`)), fc.oneof(fc.constantFrom('', '   '), nulText));

/** One column of a generated file: its header, how its cells are drawn, and the field it feeds. */
interface ColumnPlan {
  header: string;
  field: string | null;
  cell: fc.Arbitrary<FuzzCell>;
}
/** Free text; in a field a NUL makes the row bad, in an extra column it is left out of the attributes. */
const neutral = (header: string, field: string | null): ColumnPlan => ({
  header,
  field,
  cell: field === null ? fc.oneof(freeText, nulText).map((text) => ({ text, bad: false })) : cellOf(freeText, nulText),
});

function customerColumns(format: DateFormat): ColumnPlan[] {
  return [
    { header: 'customer_id', field: 'customer_id', cell: requiredId('c') },
    {
      header: 'email',
      field: 'email',
      cell: cellOf(
        fc.oneof(fc.stringMatching(/^[a-z0-9._%+-]{1,12}@[a-z0-9-]{1,10}\.[a-z]{2,6}$/), fc.constantFrom('', '张三@例子.中国', 'Ann.O+tag@Example.co.uk')),
        fc.constantFrom('not-an-email', 'a@b', '@example.com', 'a b@c.com', 'a@@b.com', 'x@y.', 'mailto:', 'a@b@c.com'),
      ),
    },
    {
      header: 'phone',
      field: 'phone',
      cell: cellOf(
        fc.oneof(fc.stringMatching(/^\+?[1-9][0-9]{6,12}$/), fc.constantFrom('', '+86 138 0013 8000', '(020) 7946-0958', '138.0013.8000')),
        fc.constantFrom('abc', '12', '+', '555-CALL-NOW', '1'.repeat(25), '+86 138 0013 8000 ext. 5', '--'),
      ),
    },
    neutral('first_name', 'first_name'),
    neutral('last_name', 'last_name'),
    { header: 'gender', field: 'gender', cell: cellOf(fc.constantFrom('', 'F', 'male', '女', 'unknown', 'X', 'Woman'), fc.constantFrom('robot', '2', 'fm', '男人')) },
    { header: 'birth_date', field: 'birth_date', cell: cellOf(fc.oneof(birthDay.map((date) => writeDate(date, format, false)), fc.constant('')), badDate) },
    neutral('city', 'city'),
    neutral('country', 'country'),
    { header: 'time_zone', field: 'time_zone', cell: cellOf(fc.constantFrom('', 'Asia/Shanghai', 'UTC', 'Europe/London', 'America/New_York'), fc.constantFrom('Mars/Olympus_Mons', 'GMT+25', 'not a zone', 'Asia/')) },
    { header: 'locale', field: 'locale', cell: cellOf(fc.constantFrom('', 'en', 'zh-CN', 'EN_us', '中文', 'english'), fc.constantFrom('fr', 'klingon', 'e', 'zh!')) },
    // Not import fields: kept as custom attributes whatever they hold.
    neutral('email_consent', null),
    neutral('notes', null),
  ];
}

function eventColumns(format: DateFormat): ColumnPlan[] {
  return [
    { header: 'customer_id', field: 'customer_id', cell: requiredId('e') },
    {
      header: 'event_type',
      field: 'type',
      cell: cellOf(fc.constantFrom('view', 'Page View', 'add_to_cart', 'ADD-TO-CART', 'purchase', 'login', 'open', 'click', 'unsubscribe'), fc.oneof(fc.constantFrom('', 'teleport', '登录', 'view2x', '   '), nulText)),
    },
    {
      header: 'occurred_at',
      field: 'occurred_at',
      cell: cellOf(fc.tuple(eventTime, fc.boolean()).map(([date, withTime]) => writeDate(date, format, withTime || format === 'iso')), fc.oneof(badDate, fc.constant(''))),
    },
    neutral('product_id', 'product_id'),
    { header: 'event_id', field: 'event_id', cell: requiredId('ev') },
    neutral('channel', null),
  ];
}

/** Required columns always; the others by chance; one column (maybe) renamed and passed with --map. */
function fileShape(columns: ColumnPlan[], required: readonly string[]) {
  const optional = columns.filter((column) => !required.includes(column.header));
  return fc.record({
    kept: fc.subarray(optional),
    renamed: fc.option(fc.constantFrom(...columns.map((column) => column.header)), { nil: null }),
    newName: fc.constantFrom('客户 编号', 'Spalte Ä', 'x"y', 'col,with,commas'),
  }).map(({ kept, renamed, newName }) => {
    const chosen = columns.filter((column) => required.includes(column.header) || kept.includes(column));
    const plans = chosen.map((column) => (column.header === renamed && column.field !== null ? { ...column, header: newName } : column));
    const map = new Map(plans.filter((plan, index) => plan.header !== chosen[index]!.header).map((plan) => [plan.field!, plan.header]));
    return { plans, map };
  });
}

interface GeneratedRow {
  cells: FuzzCell[];
  /** Fields dropped from the end (negative) or added (positive). */
  shape: number;
}

function rowsFor(plans: ColumnPlan[]) {
  const row = fc.record({
    cells: fc.tuple(...plans.map((plan) => plan.cell)),
    shape: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }) }),
  });
  return fc.array(row, { minLength: 1, maxLength: 8 }) as fc.Arbitrary<GeneratedRow[]>;
}

function written(row: GeneratedRow, plans: readonly unknown[]): string[] {
  const texts = row.cells.map((cell) => cell.text);
  if (row.shape < 0) return texts.slice(0, Math.max(1, texts.length + row.shape));
  return [...texts, ...Array.from({ length: row.shape }, (_, index) => `extra ${index}`)].slice(0, plans.length + Math.max(0, row.shape));
}

interface Expected {
  /** Data rows the importer counts (rows of empty cells are skipped). */
  rows: number;
  good: string[][];
  bad: Array<{ line: number; columns: Array<string | null> }>;
}

function expectedOutcome(rows: GeneratedRow[], plans: ReadonlyArray<{ header: string }>): Expected {
  const texts = rows.map((row) => written(row, plans));
  const lines = rowStartLines(texts);
  const result: Expected = { rows: 0, good: [], bad: [] };
  texts.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    result.rows += 1;
    if (cells.length !== plans.length) result.bad.push({ line: lines[index]!, columns: [null] });
    else {
      const columns = rows[index]!.cells.flatMap((cell, position) => (cell.bad ? [plans[position]!.header] : []));
      if (columns.length > 0) result.bad.push({ line: lines[index]!, columns });
      else result.good.push(cells);
    }
  });
  return result;
}

function expectIssuesMatch(issues: RowIssue[], expected: Expected): void {
  expect(issues.map((issue) => issue.line)).toEqual(expected.bad.map((bad) => bad.line));
  issues.forEach((issue, index) => {
    expect(expected.bad[index]!.columns).toContain(issue.column);
    expect(issue.message.length).toBeGreaterThan(3);
  });
}

const TABLES = ['customers', 'events'] as const;

async function fuzzImport(kind: ImportKind, columns: (format: DateFormat) => ColumnPlan[], required: string[], formats: DateFormat[], numRuns: number, seed: number) {
  const tally = { imported: 0, rejected: 0, skipped: 0 };
  const scenario = fc
    .record({ format: fc.constantFrom(...formats), detect: fc.boolean(), skipBadRows: fc.boolean() })
    .chain((options) =>
      fileShape(columns(options.format), required).chain(({ plans, map }) =>
        // The plans' generators stay out of the value, so a failure prints only headers and rows.
        rowsFor(plans).map((rows) => ({ ...options, map, plans: plans.map(({ header, field }) => ({ header, field })), rows })),
      ),
    );
  await fc.assert(
    fc.asyncProperty(scenario, async ({ format, detect, skipBadRows, plans, map, rows }) => {
      run += 1;
      const file = files.write(kind, plans.map((plan) => plan.header), rows.map((row) => written(row, plans)));
      const expected = expectedOutcome(rows, plans);
      const idColumn = plans.findIndex((plan) => plan.field === 'customer_id');
      const newCustomers = new Set(expected.good.map((cells) => cells[idColumn]!.trim())).size;
      const before = await countRows(test.db, TABLES);
      // Day/month order cannot be detected from dates such as 3/4/2011: those files name their format.
      const dateFormat = detect && (format === 'iso' || format === 'epoch_ms') ? undefined : format;
      let report: ImportReport;
      try {
        report = await importCsv(test.db, { kind, file, map, skipBadRows, ...(dateFormat ? { dateFormat } : {}) });
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        expect(error.code).toBe('INVALID_INPUT');
        expect(skipBadRows).toBe(false);
        expectIssuesMatch(error.issues, expected);
        expect(error.message).toContain(`line ${expected.bad[0]!.line}`);
        expect(await countRows(test.db, TABLES)).toEqual(before);
        tally.rejected += 1;
        return;
      }
      expect(expected.bad.length === 0 || skipBadRows).toBe(true);
      expectIssuesMatch(report.skipped, expected);
      expect(report.rows).toBe(expected.rows);
      expect(report.imported).toBe(expected.good.length);
      const after = await countRows(test.db, TABLES);
      expect(after.customers - before.customers).toBe(newCustomers);
      if (kind === 'customers') {
        expect(report.written.customersCreated).toBe(newCustomers);
        expect(after.events).toBe(before.events);
      } else {
        expect(report.written.eventsCreated + report.written.eventsAlreadyPresent).toBe(expected.good.length);
        expect(after.events - before.events).toBe(report.written.eventsCreated);
        const eventIdColumn = plans.findIndex((plan) => plan.field === 'event_id');
        if (eventIdColumn >= 0) expect(report.written.eventsCreated).toBe(new Set(expected.good.map((cells) => cells[eventIdColumn]!.trim())).size);
      }
      if (expected.bad.length > 0) tally.skipped += 1;
      else tally.imported += 1;
    }),
    { numRuns, seed },
  );
  // The generators reach every outcome.
  expect(Math.min(tally.imported, tally.rejected, tally.skipped)).toBeGreaterThan(0);
}

describe('customer and event CSV imports under fuzzing', () => {
  it('customers: exactly the good rows, or rejected naming every bad line and column with nothing written', async () => {
    await fuzzImport('customers', customerColumns, ['customer_id'], ['iso', 'mdy', 'dmy'], 150, 20261123);
  });

  it('events: exactly the good rows, or rejected naming every bad line and column with nothing written', async () => {
    await fuzzImport('events', eventColumns, ['customer_id', 'event_type', 'occurred_at'], ['iso', 'mdy', 'dmy', 'epoch_s', 'epoch_ms'], 150, 20261124);
  });
});
