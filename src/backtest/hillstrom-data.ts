// Reads Kevin Hillstrom's MineThatData e-mail experiment (64,000 customers randomly sent a Mens
// e-mail, a Womens e-mail or nothing, with visits, conversions and spend over the next two weeks)
// into typed rows, checking every line so a damaged file is reported by line number.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { CodedError, ErrorCode, describeIssues } from '../errors.ts';

export const HILLSTROM_SOURCE =
  'Kevin Hillstrom, "MineThatData E-Mail Analytics And Data Mining Challenge" (2008); file hillstrom.csv from ' +
  'github.com/carlosquintanillaa/Datasets at commit 86100ca06e114803df9b691b3fe904cc36c350ea';

export const HILLSTROM_COLUMNS = [
  'recency',
  'history_segment',
  'history',
  'mens',
  'womens',
  'zip_code',
  'newbie',
  'channel',
  'segment',
  'visit',
  'conversion',
  'spend',
] as const;

const flag = z.enum(['0', '1']).transform((value) => value === '1');
const wholeNumber = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);
const amount = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'expected an amount such as 142.44')
  .transform(Number);

const HillstromRow = z.object({
  recency: wholeNumber.pipe(z.number().min(1).max(12)),
  history_segment: z.string().regex(/^[1-7]\) /, 'expected a history segment such as "2) $100 - $200"'),
  history: amount,
  mens: flag,
  womens: flag,
  zip_code: z.enum(['Urban', 'Surburban', 'Rural']),
  newbie: flag,
  channel: z.enum(['Phone', 'Web', 'Multichannel']),
  segment: z.enum(['Mens E-Mail', 'Womens E-Mail', 'No E-Mail']),
  visit: flag,
  conversion: flag,
  spend: amount,
});

export type HillstromGroup = 'Mens E-Mail' | 'Womens E-Mail' | 'No E-Mail';

export interface HillstromCustomer {
  /** Months since the last purchase, 1 to 12. */
  recency: number;
  /** History segment 1 ($0-100) to 7 ($1,000+) of spend in the past year. */
  historySegment: number;
  history: number;
  boughtMens: boolean;
  boughtWomens: boolean;
  zipCode: 'Urban' | 'Surburban' | 'Rural';
  /** New customer in the past twelve months. */
  newbie: boolean;
  channel: 'Phone' | 'Web' | 'Multichannel';
  group: HillstromGroup;
  visit: boolean;
  conversion: boolean;
  spend: number;
}

/** Parses the CSV text; every problem names its line (the header is line 1). */
export function parseHillstrom(text: string, { maxProblems = 10 } = {}): HillstromCustomer[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true, info: true, trim: true });
  } catch (error) {
    throw new CodedError(ErrorCode.InvalidInput, `the Hillstrom file is not valid CSV: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = HILLSTROM_COLUMNS.filter((column) => !header.includes(column));
  if (records.length === 0 || missing.length > 0) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `the Hillstrom file needs the columns ${HILLSTROM_COLUMNS.join(', ')}${missing.length ? `; missing: ${missing.join(', ')}` : '; it has no rows'}`,
    );
  }
  const problems: string[] = [];
  const customers: HillstromCustomer[] = [];
  for (const { record, info } of records) {
    const parsed = HillstromRow.safeParse(record);
    if (!parsed.success) {
      if (problems.length < maxProblems) problems.push(`line ${info.lines}: ${describeIssues(parsed.error.issues)}`);
      continue;
    }
    const row = parsed.data;
    customers.push({
      recency: row.recency,
      historySegment: Number(row.history_segment[0]),
      history: row.history,
      boughtMens: row.mens,
      boughtWomens: row.womens,
      zipCode: row.zip_code,
      newbie: row.newbie,
      channel: row.channel,
      group: row.segment,
      visit: row.visit,
      conversion: row.conversion,
      spend: row.spend,
    });
  }
  if (problems.length > 0) {
    throw new CodedError(ErrorCode.InvalidInput, `the Hillstrom file has invalid rows: ${problems.join('; ')}`);
  }
  return customers;
}

export async function loadHillstrom(path: string): Promise<HillstromCustomer[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodedError(
      code === 'ENOENT' ? ErrorCode.NotFound : ErrorCode.InvalidInput,
      code === 'ENOENT' ? `no Hillstrom file at ${path}: give the path to hillstrom.csv` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  return parseHillstrom(text);
}
