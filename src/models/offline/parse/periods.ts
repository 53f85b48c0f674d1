// Shopping periods marketers name instead of dates (双11, 618, Black Friday, Christmas, 春节), resolved
// to the next occurrence whose last day is not in the past.
import type { DateTime } from 'luxon';
import type { Locale } from '../../../domain/vocabulary.ts';
import { matchAll, say } from './text.ts';

export interface FoundPeriod {
  label: string;
  from: DateTime;
  to: DateTime;
  start: number;
  end: number;
}

/** 春节 (Chinese New Year's Day) follows the lunar calendar, so it is a table, not a rule. */
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13',
  2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08',
};

interface PeriodRule {
  pattern: RegExp;
  label: (locale: Locale) => string;
  /** The period in a given year, or null when it cannot be computed for that year. */
  inYear: (year: number, today: DateTime) => { from: DateTime; to: DateTime } | null;
}

const on = (today: DateTime, year: number, month: number, day: number): DateTime =>
  today.set({ year, month, day }).startOf('day');

function blackFriday(year: number, today: DateTime): DateTime {
  const novemberFirst = on(today, year, 11, 1);
  const firstThursday = novemberFirst.plus({ days: (4 - novemberFirst.weekday + 7) % 7 });
  return firstThursday.plus({ weeks: 3, days: 1 });
}

const RULES: readonly PeriodRule[] = [
  {
    pattern: /双\s*(?:11|十一)|\bdouble[ -]?(?:11|eleven)\b|\bsingles'? ?day\b|(?<![\d.])11\.11(?![\d.])|光棍节/,
    label: () => '双11',
    inYear: (year, today) => ({ from: on(today, year, 11, 1), to: on(today, year, 11, 11) }),
  },
  {
    pattern: /双\s*(?:12|十二)|\bdouble[ -]?(?:12|twelve)\b|(?<![\d.])12\.12(?![\d.])/,
    label: () => '双12',
    inYear: (year, today) => ({ from: on(today, year, 12, 1), to: on(today, year, 12, 12) }),
  },
  {
    pattern: /(?<![\d.$¥]|\d,)(?:618|6\.18)(?![\d%.]|\s*(?:元|块|yuan|rmb|dollars?))/,
    label: () => '618',
    inYear: (year, today) => ({ from: on(today, year, 6, 1), to: on(today, year, 6, 18) }),
  },
  {
    pattern: /\bblack friday\b|黑五|黑色星期五/,
    label: (locale) => say(locale, 'Black Friday', '黑五'),
    inYear: (year, today) => {
      const friday = blackFriday(year, today);
      return { from: friday, to: friday.plus({ days: 3 }) };
    },
  },
  {
    pattern: /\bchristmas\b|\bxmas\b|圣诞/,
    label: (locale) => say(locale, 'Christmas', '圣诞'),
    inYear: (year, today) => ({ from: on(today, year, 12, 18), to: on(today, year, 12, 25) }),
  },
  {
    pattern: /春节|过年|年货节|\b(?:chinese|lunar) new year\b|\bspring festival\b/,
    label: (locale) => say(locale, 'Spring Festival', '春节'),
    inYear: (year, today) => {
      const newYear = SPRING_FESTIVAL[year];
      if (!newYear) return null;
      const day = today.set({ year: Number(newYear.slice(0, 4)), month: Number(newYear.slice(5, 7)), day: Number(newYear.slice(8, 10)) }).startOf('day');
      return { from: day.minus({ days: 14 }), to: day.minus({ days: 1 }) };
    },
  },
];

export interface PeriodSearch {
  period: FoundPeriod | null;
  /** A period was named but could not be dated (春节 outside the table). */
  undated: string | null;
}

/** The first shopping period the text names, at its next occurrence not yet over. */
export function findPeriod(text: string, today: DateTime, locale: Locale): PeriodSearch {
  const hits = RULES.flatMap((rule) => matchAll(rule.pattern, text).map((match) => ({ rule, match })));
  hits.sort((a, b) => a.match.index - b.match.index);
  const first = hits[0];
  if (!first) return { period: null, undated: null };
  const { rule, match } = first;
  for (const year of [today.year, today.year + 1]) {
    const span = rule.inYear(year, today);
    if (span && span.to >= today.startOf('day')) {
      return { period: { label: rule.label(locale), ...span, start: match.index, end: match.index + match[0].length }, undated: null };
    }
  }
  return { period: null, undated: rule.label(locale) };
}

/** Where a 618/双11 span overlaps, the other parsers should not read its digits as ages or amounts. */
export const PERIOD_DIGITS = /双\s*(?:11|12|十一|十二)|(?<![\d.])(?:11\.11|12\.12|618|6\.18)(?![\d.])/g;
