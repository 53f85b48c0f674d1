// Streams a CSV file record by record with the line each record starts on (1 = the header) and how
// many bytes have been read, for progress. The delimiter (comma, semicolon, tab or bar) is taken
// from the header line; a UTF-8 byte-order mark is skipped. Malformed quoting is reported with its
// line, and with `skipMalformed` skipped like any other bad row.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { CodedError, ErrorCode } from '../../errors.ts';

export interface CsvRecord {
  /** Line the record starts on, 1-based, counting the header as line 1. */
  line: number;
  fields: string[];
}

export interface CsvSourceOptions {
  /** Skip records whose quoting is broken (reported through onMalformed) instead of failing. */
  skipMalformed?: boolean;
  onMalformed?: (problem: { line: number; message: string }) => void;
  /** Bytes of the file consumed so far, after each record. */
  onBytes?: (bytes: number) => void;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that occurs most often outside quotes in the first line; comma when none does. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

function readFirstLine(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const bytes = readSync(descriptor, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytes).toString('utf8').replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    closeSync(descriptor);
  }
}

/** Size of the file in bytes; a missing or unreadable file is an error naming it. */
export function csvFileSize(file: string): number {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new CodedError(ErrorCode.InvalidInput, `${file} is not a file`);
    return stats.size;
  } catch (error) {
    if (error instanceof CodedError) throw error;
    throw new CodedError(ErrorCode.InvalidInput, `cannot read ${file}: ${(error as Error).message}`);
  }
}

function occurrences(text: string, search: string): number {
  let count = 0;
  for (let index = text.indexOf(search); index >= 0; index = text.indexOf(search, index + search.length)) count += 1;
  return count;
}
const countIn = (fields: readonly string[], search: string) => fields.reduce((sum, field) => sum + occurrences(field, search), 0);

/** The file's records in order, the header first. Blank lines are skipped. */
export async function* readCsvRecords(file: string, options: CsvSourceOptions = {}): AsyncGenerator<CsvRecord> {
  csvFileSize(file);
  const delimiter = sniffDelimiter(readFirstLine(file));
  const source = createReadStream(file);
  const parser = source.pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: Boolean(options.skipMalformed),
      on_skip: (error: CsvError | undefined) => {
        if (error) options.onMalformed?.({ line: Number((error as CsvError & { lines?: number }).lines ?? 0), message: error.message });
      },
    }),
  );
  // csv-parse's info.lines is the line a record ends on, but it counts a CRLF inside a quoted field
  // as two lines; those extra counts are taken off again here.
  let extraLineCounts = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      extraLineCounts += countIn(record, '\r\n');
      const line = info.lines - extraLineCounts - countIn(record, '\n');
      options.onBytes?.(info.bytes);
      yield { line, fields: record };
    }
  } catch (error) {
    if ((error as CsvError).code?.startsWith?.('CSV_')) {
      throw new CodedError(ErrorCode.InvalidInput, `${file}: ${(error as Error).message}; fix the quoting or pass --skip-bad-rows`);
    }
    throw error;
  } finally {
    // Stopping early (date-format detection reads only the first records) must close the file too.
    source.destroy();
  }
}
