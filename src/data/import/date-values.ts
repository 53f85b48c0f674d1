// Dates and date-times as CSV files write them: ISO 8601, month-first (`12/1/2010 8:26`, the UCI
// Online Retail layout), day-first (`01/12/2010`), and Unix epoch seconds or milliseconds. A column's
// format is detected from its values (or set with --date-format); a date-time without an offset is
// read in the import's time zone (UTC unless given).
import { DateTime } from 'luxon';
import { CodedError, ErrorCode } from '../../errors.ts';

export type DateFormat = 'iso' | 'mdy' | 'dmy' | 'epoch_s' | 'epoch_ms';
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'mdy', 'dmy', 'epoch_s', 'epoch_ms'];

/** How each format is named in messages. */
export const DATE_FORMAT_NAMES: Record<DateFormat, string> = {
  iso: 'ISO (YYYY-MM-DD[THH:mm[:ss]][Z])',
  mdy: 'M/D/YYYY [H:mm[:ss]]',
  dmy: 'D/M/YYYY [H:mm[:ss]]',
  epoch_s: 'epoch seconds',
  epoch_ms: 'epoch milliseconds',
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
const DIGITS = /^-?\d+$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** `Z`, `+08:00`, `+0800`; null when the text has no offset. */
  offset: string | null;
}

function fromParts(parts: Parts, zone: string): Date | null {
  const offsetZone = parts.offset === null ? zone : parts.offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${parts.offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
  const instant = DateTime.fromObject(
    { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, millisecond: parts.millisecond },
    { zone: offsetZone },
  );
  // luxon rejects 30 February and hour 24; a local time skipped by a DST change moves forward, which is kept.
  return instant.isValid ? instant.toJSDate() : null;
}

function slashedParts(match: RegExpExecArray, dayFirst: boolean): Parts | null {
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let hour = match[4] === undefined ? 0 : Number(match[4]);
  const meridiem = match[7]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return {
    year,
    month: dayFirst ? second : first,
    day: dayFirst ? first : second,
    hour,
    minute: match[5] === undefined ? 0 : Number(match[5]),
    second: match[6] === undefined ? 0 : Number(match[6]),
    millisecond: 0,
    offset: null,
  };
}

/** The instant `text` names in `format`, or null when it does not fit the format or is no real date. */
export function parseDateTime(text: string, format: DateFormat, zone = 'UTC'): Date | null {
  const value = text.trim();
  switch (format) {
    case 'iso': {
      const match = ISO.exec(value);
      if (!match) return null;
      const fraction = (match[7] ?? '').padEnd(3, '0').slice(0, 3);
      return fromParts(
        {
          year: Number(match[1]),
          month: Number(match[2]),
          day: Number(match[3]),
          hour: Number(match[4] ?? 0),
          minute: Number(match[5] ?? 0),
          second: Number(match[6] ?? 0),
          millisecond: Number(fraction),
          offset: match[8] ?? null,
        },
        zone,
      );
    }
    case 'mdy':
    case 'dmy': {
      const match = SLASHED.exec(value);
      const parts = match ? slashedParts(match, format === 'dmy') : null;
      return parts ? fromParts(parts, zone) : null;
    }
    case 'epoch_s':
    case 'epoch_ms': {
      if (!DIGITS.test(value)) return null;
      const milliseconds = Number(value) * (format === 'epoch_s' ? 1000 : 1);
      const date = new Date(milliseconds);
      return Number.isFinite(milliseconds) && !Number.isNaN(date.getTime()) ? date : null;
    }
  }
}

/** A calendar date (`YYYY-MM-DD`) for a date column such as a birth date: the date part as written. */
export function parseCalendarDate(text: string, format: DateFormat): string | null {
  const instant = parseDateTime(text, format, 'UTC');
  if (!instant) return null;
  if (format === 'iso') {
    // Keep the written date even when the text carries an offset.
    const match = ISO.exec(text.trim());
    return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
  }
  return instant.toISOString().slice(0, 10);
}

/** Which formats could read `text`: epoch values by their digit count (up to 11 seconds, 12-14 milliseconds). */
export function formatsReading(text: string): DateFormat[] {
  const value = text.trim();
  if (DIGITS.test(value)) {
    const digits = value.replace('-', '').length;
    if (digits <= 11) return ['epoch_s'];
    return digits <= 14 ? ['epoch_ms'] : [];
  }
  return DATE_FORMATS.filter((format) => format !== 'epoch_s' && format !== 'epoch_ms' && parseDateTime(value, format) !== null);
}

/**
 * Collects evidence about one column's format value by value. A value no remaining format reads is
 * ignored here (it becomes a bad row later) so one typo does not undo the detection.
 */
export class DateFormatDetector {
  #candidates: DateFormat[] = [...DATE_FORMATS];
  #seen = 0;

  observe(text: string): void {
    if (text.trim() === '') return;
    const readable = formatsReading(text);
    const remaining = this.#candidates.filter((format) => readable.includes(format));
    if (remaining.length > 0) {
      this.#candidates = remaining;
      this.#seen += 1;
    }
  }

  /** Detection is over once one format is left. */
  get decided(): boolean {
    return this.#candidates.length === 1 && this.#seen > 0;
  }

  /** The detected format, or an error naming the column when none or several remain. */
  result(column: string): DateFormat {
    if (this.#seen === 0) return 'iso';
    if (this.#candidates.length === 1) return this.#candidates[0]!;
    if (this.#candidates.includes('mdy') && this.#candidates.includes('dmy')) {
      throw new CodedError(
        ErrorCode.InvalidInput,
        `${column}: every date in the file could be month/day or day/month (such as 3/4/2011); ` +
          'pass --date-format M/D/YYYY or --date-format D/M/YYYY',
      );
    }
    return this.#candidates[0]!;
  }
}

const FORMAT_ALIASES: Record<string, DateFormat> = {
  iso: 'iso',
  'yyyy-mm-dd': 'iso',
  ymd: 'iso',
  mdy: 'mdy',
  dmy: 'dmy',
  epoch: 'epoch_s',
  epoch_s: 'epoch_s',
  unix: 'epoch_s',
  epoch_ms: 'epoch_ms',
  unix_ms: 'epoch_ms',
};

/** Reads a --date-format value: iso, M/D/YYYY (or MM/DD/YYYY, mdy), D/M/YYYY (or DD/MM/YYYY, dmy), epoch, epoch_ms. */
export function parseDateFormatOption(text: string): DateFormat {
  const value = text.trim().toLowerCase();
  const alias = FORMAT_ALIASES[value];
  if (alias) return alias;
  if (/^m{1,2}[/.-]d{1,2}[/.-]y{4}\b/.test(value)) return 'mdy';
  if (/^d{1,2}[/.-]m{1,2}[/.-]y{4}\b/.test(value)) return 'dmy';
  if (/^y{4}-m{2}-d{2}\b/.test(value)) return 'iso';
  throw new CodedError(
    ErrorCode.InvalidInput,
    `--date-format ${JSON.stringify(text)} is not a known format: use iso, M/D/YYYY, D/M/YYYY, epoch (seconds) or epoch_ms`,
  );
}
