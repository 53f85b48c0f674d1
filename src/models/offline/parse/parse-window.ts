// Reads the time window an audience phrase is scoped to: "in the last 30 days" and 近30天 (rolling),
// "this month"/本月, "last month", "in October"/10月 (calendar, the most recent one not in the future).
import type { DateTime } from 'luxon';
import type { Window } from '../../../domain/segment.ts';
import { NUM, matchAll, parseNumber, unitToDays } from './text.ts';

export interface FoundWindow {
  window: Window;
  start: number;
  end: number;
}

const MAX_DAYS = 3650;
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const iso = (day: DateTime): string => day.toFormat('yyyy-MM-dd');

function calendar(from: DateTime, to: DateTime): Window {
  return { type: 'calendar', from: iso(from), to: iso(to) };
}

function rolling(days: number): Window | null {
  const rounded = Math.round(days);
  return rounded >= 1 && rounded <= MAX_DAYS ? { type: 'rolling', days: rounded } : null;
}

/** The most recent whole month numbered `month` that is not in the future; the current month runs to today. */
function monthWindow(today: DateTime, month: number): Window {
  if (month === today.month) return calendar(today.startOf('month'), today);
  const year = month < today.month ? today.year : today.year - 1;
  const first = today.set({ year, month, day: 1 });
  return calendar(first, first.endOf('month'));
}

/** Every audience window the text names, in order of appearance. */
export function findWindows(text: string, today: DateTime): FoundWindow[] {
  const found: FoundWindow[] = [];
  const add = (window: Window | null, match: RegExpExecArray): void => {
    if (window) found.push({ window, start: match.index, end: match.index + match[0].length });
  };
  const unitEn = '(days?|weeks?|months?|years?)';
  for (const m of matchAll(new RegExp(`\\b(?:in|within|over|during|for)?\\s*(?:the\\s+)?(?:last|past|previous|recent)\\s+${NUM}\\s*${unitEn}\\b`), text)) {
    add(rolling(parseNumber(m[1] ?? '') * unitToDays(m[2] ?? '')), m);
  }
  for (const m of matchAll(/\b(?:in )?(?:the )?(?:last|past) (day|week|month|year|quarter)\b/, text)) {
    add(rolling({ day: 1, week: 7, month: 30, year: 365, quarter: 90 }[m[1] as 'day'] ?? 30), m);
  }
  for (const m of matchAll(new RegExp(`(?:近|最近|过去|前)\\s*${NUM}\\s*(天|日|周|个?星期|个?月|年)`), text)) {
    add(rolling(parseNumber(m[1] ?? '') * unitToDays(m[2] ?? '')), m);
  }
  for (const m of matchAll(/近半年|最近半年|过去半年/, text)) add(rolling(180), m);
  for (const m of matchAll(/\bthis month\b|本月|这个月|当月/, text)) add(calendar(today.startOf('month'), today), m);
  for (const m of matchAll(/\blast month\b|上个?月/, text)) {
    const previous = today.minus({ months: 1 });
    add(calendar(previous.startOf('month'), previous.endOf('month')), m);
  }
  for (const m of matchAll(/\bthis week\b|(?:本周|这周)(?![一二三四五六日天1-7末])/, text)) add(calendar(today.startOf('week'), today), m);
  for (const m of matchAll(/\blast week\b|上周(?![一二三四五六日天1-7末])/, text)) {
    const previous = today.minus({ weeks: 1 });
    add(calendar(previous.startOf('week'), previous.endOf('week')), m);
  }
  for (const m of matchAll(/\bthis year\b|今年/, text)) add(calendar(today.startOf('year'), today), m);
  for (const m of matchAll(/\blast year\b|去年/, text)) {
    const previous = today.minus({ years: 1 });
    add(calendar(previous.startOf('year'), previous.endOf('year')), m);
  }
  for (const m of matchAll(new RegExp(`\\b(?:in|during|throughout) (${MONTHS_EN.join('|')})\\b(?!\\.?\\s*\\d)`), text)) {
    add(monthWindow(today, MONTHS_EN.indexOf(m[1] ?? '') + 1), m);
  }
  for (const m of matchAll(new RegExp(`\\b(?:since|from) (?:the (?:start|beginning) of )?(${MONTHS_EN.join('|')})\\b(?!\\.?\\s*\\d)`), text)) {
    const month = monthWindow(today, MONTHS_EN.indexOf(m[1] ?? '') + 1);
    if (month.type === 'calendar') add({ type: 'calendar', from: month.from, to: iso(today) }, m);
  }
  for (const m of matchAll(/(?<![\d.近前去最])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?!\s*[\d一二三四五六七八九十]+\s*[日号])(?!底|初|中)/, text)) {
    add(monthWindow(today, parseNumber(m[1] ?? '')), m);
  }
  // "in the last month" is one rolling window, not also the calendar "last month" inside it.
  const widest = found.filter((item) => !found.some((other) => other !== item && other.start <= item.start && other.end >= item.end && other.end - other.start > item.end - item.start));
  return widest.sort((a, b) => a.start - b.start);
}
