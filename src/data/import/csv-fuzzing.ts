// Pieces the CSV import fuzz tests share: writing generated rows as a CSV file (quoted where needed),
// cells that know whether the importer must refuse them, where each record starts in the file, and
// table counts to prove a rejected file wrote nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Queryable } from '../database.ts';

/** A cell as CSV writes it: quoted when it holds a quote, comma or line break. */
export const quoteCsv = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Text no importer should accept as a number, date or code. */
export const junkCell = fc.oneof(fc.string(), fc.constant(''), fc.constantFrom('-1', '1e309', 'NaN', '31/02/2026', '2026-13-01', 'null', '"', ',', '\u0000'));

/** A directory of generated CSV files, removed by `dispose`. */
export function createCsvFiles(prefix: string): { write(name: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), `campaign-agent-${prefix}-`));
  let files = 0;
  return {
    write(name, header, rows) {
      const file = join(dir, `${name}-${++files}.csv`);
      writeFileSync(file, csvText(header, rows));
      return file;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header.map(quoteCsv).join(','), ...rows.map((cells) => cells.map(quoteCsv).join(','))].join('\n') + '\n';
}

/** The line each row starts on in `csvText` (the header is line 1): line breaks inside quoted cells count. */
export function rowStartLines(rows: ReadonlyArray<readonly string[]>): number[] {
  let line = 2;
  return rows.map((cells) => {
    const start = line;
    line += 1 + cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    return start;
  });
}

/** A generated value and whether the importer must refuse it. */
export interface FuzzCell {
  text: string;
  bad: boolean;
}

/** Mostly good values, sometimes bad ones. */
export function cellOf(good: fc.Arbitrary<string>, bad: fc.Arbitrary<string>, badWeight = 1): fc.Arbitrary<FuzzCell> {
  return fc.oneof(
    { weight: 6, arbitrary: good.map((text) => ({ text, bad: false })) },
    { weight: badWeight, arbitrary: bad.map((text) => ({ text, bad: true })) },
  );
}

/** Free text a file may hold in a name or city: unicode, quotes, commas, line breaks, spaces; never NUL. */
export const freeText = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('', '   ', 'O\'Brien "Bob"', 'a,b', 'line one\nline two', 'crlf\r\ninside', '张伟', 'Zoë 🚀', '\'; DROP TABLE customers; --', '=1+1'),
  )
  // A lone carriage return is no line break a person writes; CRLF and LF are.
  .map((text) => text.replaceAll('\u0000', '').replace(/\r(?!\n)/g, ''));

/** Text with a NUL character, which no text column can store. */
export const nulText = fc.string({ maxLength: 6 }).map((text) => `${text}\u0000x`);

export async function countRows<Table extends string>(db: Queryable, tables: readonly Table[]): Promise<Record<Table, number>> {
  const { rows } = await db.query<Record<Table, string>>(`SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`);
  return Object.fromEntries(tables.map((table) => [table, Number(rows[0]![table])])) as Record<Table, number>;
}
