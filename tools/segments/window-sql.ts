// Time windows as SQL predicates, always relative to the as-of instant (a bind parameter):
// rolling {days}  = (asOf - days, asOf]               — the instant exactly `days` ago is outside;
// calendar {from, to} = [from 00:00 UTC, to + 1 day 00:00 UTC) — both dates included, whole days in UTC.
// Calendar days are UTC days for every customer: windows do not follow each recipient's time zone.
import type { Window } from '../../src/domain/segment.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import type { SqlParams } from './sql-builder.ts';

const MILLISECONDS_PER_DAY = 86_400_000;

/** The placeholder of the as-of instant, shared by every fragment of one statement. */
export function asOfParam(params: SqlParams, asOf: Date): string {
  return params.shared('as_of', asOf.toISOString(), 'timestamptz');
}

/** The placeholder of the as-of date (its UTC calendar day), which ages are measured against. */
export function asOfDateParam(params: SqlParams, asOf: Date): string {
  return params.shared('as_of_date', asOf.toISOString().slice(0, 10), 'date');
}

/** Midnight UTC of an ISO date, or null when the text is not a real calendar date. */
function utcMidnight(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const roundTrips = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? date : null;
}

/** The instants a calendar window covers, [start, endExclusive), in UTC; `path` names the window in errors. */
export function calendarBoundsUtc(window: { from: string; to: string }, path = 'window'): { start: Date; endExclusive: Date } {
  const start = utcMidnight(window.from);
  if (!start) throw new CodedError(ErrorCode.InvalidInput, `${path}.from: ${JSON.stringify(window.from)} is not a calendar date (YYYY-MM-DD)`);
  const last = utcMidnight(window.to);
  if (!last) throw new CodedError(ErrorCode.InvalidInput, `${path}.to: ${JSON.stringify(window.to)} is not a calendar date (YYYY-MM-DD)`);
  if (last < start) {
    throw new CodedError(ErrorCode.InvalidInput, `${path}: the window ends (${window.to}) before it starts (${window.from}); swap from and to`);
  }
  return { start, endExclusive: new Date(last.getTime() + MILLISECONDS_PER_DAY) };
}

/** `column` (a timestamptz expression) lies in the window; every bound is a parameter. */
export function windowPredicate(column: string, window: Window, params: SqlParams, asOf: Date, path = 'window'): string {
  if (window.type === 'rolling') {
    const end = asOfParam(params, asOf);
    return `(${column} > ${end} - make_interval(days => ${params.param(window.days, 'int')}) AND ${column} <= ${end})`;
  }
  const { start, endExclusive } = calendarBoundsUtc(window, path);
  return `(${column} >= ${params.param(start.toISOString(), 'timestamptz')} AND ${column} < ${params.param(endExclusive.toISOString(), 'timestamptz')})`;
}
