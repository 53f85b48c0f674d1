// Reads an outcomes file: one CSV row per finished campaign with what actually happened (sent,
// delivered, converted, revenue and the holdout's result). Every row is checked on its own and
// against the others; all problems are reported together, each with its line number.
import { parse } from 'csv-parse/sync';
import { CodedError, ErrorCode } from '../errors.ts';

export interface OutcomeRow {
  /** Line of the file the row is on (the header is line 1). */
  line: number;
  campaignId: string;
  sent: number;
  delivered: number;
  converted: number;
  revenue: number;
  holdoutSize: number;
  holdoutConverted: number;
  /** When the campaign ended; null to use the time of the import. */
  endedAt: Date | null;
}

export const REQUIRED_OUTCOME_COLUMNS = ['campaign_id', 'sent', 'delivered', 'converted', 'revenue', 'holdout_size', 'holdout_converted'] as const;
export const OPTIONAL_OUTCOME_COLUMNS = ['ended_at'] as const;

/** The largest count PostgreSQL's integer columns hold. */
const MAX_COUNT = 2_147_483_647;
const MAX_PROBLEMS_SHOWN = 20;

type Cells = Record<string, string>;

function readCount(cells: Cells, column: string, problems: string[]): number {
  const text = cells[column] ?? '';
  if (text === '') {
    problems.push(`${column} is empty${column.startsWith('holdout') ? ' (write 0 when there was no holdout)' : ''}`);
    return 0;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > MAX_COUNT) {
    problems.push(`${column} must be a whole number of at least 0, got "${text}"`);
    return 0;
  }
  return value;
}

function readRevenue(cells: Cells, problems: string[]): number {
  const text = cells.revenue ?? '';
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    problems.push(`revenue must be an amount of at least 0 with up to two decimals, e.g. 1234.50, got "${text}"`);
    return 0;
  }
  return Number(text);
}

function readEndedAt(cells: Cells, problems: string[]): Date | null {
  const text = cells.ended_at ?? '';
  if (text === '') return null;
  const date = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? new Date(text) : null;
  if (!date || Number.isNaN(date.getTime())) {
    problems.push(`ended_at must be a date such as 2025-06-30 or 2025-06-30T18:00:00Z, got "${text}"`);
    return null;
  }
  return date;
}

function readRow(cells: Cells, line: number): { row: OutcomeRow; problems: string[] } {
  const problems: string[] = [];
  const campaignId = cells.campaign_id ?? '';
  if (campaignId === '') problems.push('campaign_id is empty');
  const row: OutcomeRow = {
    line,
    campaignId,
    sent: readCount(cells, 'sent', problems),
    delivered: readCount(cells, 'delivered', problems),
    converted: readCount(cells, 'converted', problems),
    revenue: readRevenue(cells, problems),
    holdoutSize: readCount(cells, 'holdout_size', problems),
    holdoutConverted: readCount(cells, 'holdout_converted', problems),
    endedAt: readEndedAt(cells, problems),
  };
  if (problems.length === 0) {
    if (row.delivered > row.sent) problems.push(`delivered (${row.delivered}) cannot exceed sent (${row.sent})`);
    if (row.converted > row.sent) problems.push(`converted (${row.converted}) cannot exceed sent (${row.sent})`);
    if (row.holdoutConverted > row.holdoutSize) {
      problems.push(`holdout_converted (${row.holdoutConverted}) cannot exceed holdout_size (${row.holdoutSize})`);
    }
  }
  return { row, problems };
}

function checkHeader(header: readonly string[]): void {
  const known = new Set<string>([...REQUIRED_OUTCOME_COLUMNS, ...OPTIONAL_OUTCOME_COLUMNS]);
  const missing = REQUIRED_OUTCOME_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !known.has(column));
  const issues = [
    missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : null,
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : null,
  ].filter((issue): issue is string => issue !== null);
  if (issues.length > 0) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `line 1: ${issues.join('; ')} (the columns are ${REQUIRED_OUTCOME_COLUMNS.join(', ')}, and optionally ${OPTIONAL_OUTCOME_COLUMNS.join(', ')})`,
    );
  }
}

/** Throws INVALID_INPUT listing every problem with its line; returns the rows in file order. */
export function parseOutcomeCsv(text: string): OutcomeRow[] {
  let header: string[] = [];
  let records: Array<{ record: Cells; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => (header = names.map((name) => name.toLowerCase())),
    });
  } catch (error) {
    throw new CodedError(ErrorCode.InvalidInput, `the outcomes file is not valid CSV: ${(error as Error).message}`);
  }
  if (header.length === 0) throw new CodedError(ErrorCode.InvalidInput, `the outcomes file is empty: its first line must name the columns ${REQUIRED_OUTCOME_COLUMNS.join(', ')}`);
  checkHeader(header);
  if (records.length === 0) throw new CodedError(ErrorCode.InvalidInput, 'the outcomes file has a header but no rows');
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  const rows = records.map(({ record, info }) => {
    const { row, problems: rowProblems } = readRow(record, info.lines);
    const earlier = firstLine.get(row.campaignId);
    if (row.campaignId && earlier !== undefined) rowProblems.push(`campaign ${row.campaignId} is already on line ${earlier}`);
    else if (row.campaignId) firstLine.set(row.campaignId, info.lines);
    problems.push(...rowProblems.map((problem) => `line ${info.lines}: ${problem}`));
    return row;
  });
  throwProblems(problems, 'the outcomes file has problems, nothing was imported');
  return rows;
}

/** Throws one INVALID_INPUT error listing the problems (at most 20, then how many more). */
export function throwProblems(problems: readonly string[], lead: string): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  throw new CodedError(ErrorCode.InvalidInput, `${lead}: ${shown.join('; ')}${more}`);
}
