// Finds a calendar day in a goal or edit and resolves it against "today" in the marketer's zone.
// Rules: "next Tuesday" is the first Tuesday strictly after today; "Tuesday", "on Tuesday" and
// "this Tuesday" are the first Tuesday on or after today; "Tuesday next week" and 下周二 are the Tuesday
// of the following Monday-to-Sunday week; 周二/星期二 alone is the first Tuesday on or after today.
// A month and day without a year ("Nov 20", "11月20日") is the next such day that is not in the past.
import { DateTime } from 'luxon';
import { matchAll, parseNumber } from './text.ts';

export interface FoundDate {
  /** Start of the day in the marketer's zone. */
  date: DateTime;
  start: number;
  end: number;
  /** Named relative to today or without a year (tomorrow, next Tuesday, Nov 20), so the resolved day is worth spelling out. */
  relative: boolean;
}

const WEEKDAYS_EN: Record<string, number> = {
  monday: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thurs: 4, thu: 4, friday: 5, fri: 5, saturday: 6, sunday: 7,
};
const WEEKDAYS_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const MONTHS_EN: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const firstOnOrAfter = (today: DateTime, weekday: number): DateTime => today.plus({ days: (weekday - today.weekday + 7) % 7 });
const firstAfter = (today: DateTime, weekday: number): DateTime => today.plus({ days: (weekday - today.weekday + 7) % 7 || 7 });
const inWeek = (today: DateTime, weekday: number, weeksAhead: number): DateTime =>
  today.minus({ days: today.weekday - 1 }).plus({ weeks: weeksAhead, days: weekday - 1 });

/** The next month/day that is not before today (this year, else next year). */
function upcoming(today: DateTime, month: number, day: number, year?: number): DateTime | null {
  const candidate = DateTime.fromObject({ year: year ?? today.year, month, day }, { zone: today.zone });
  if (!candidate.isValid) return null;
  if (year === undefined && candidate < today) return candidate.plus({ years: 1 });
  return candidate;
}

/** Every day the text names, in order of appearance. */
export function findDates(text: string, today: DateTime): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (date: DateTime | null, match: RegExpExecArray, relative: boolean): void => {
    if (date?.isValid) found.push({ date: date.startOf('day'), start: match.index, end: match.index + match[0].length, relative });
  };
  for (const m of matchAll(/\b(?:the )?day after tomorrow\b|大后天|(?<!大)后天/, text)) add(today.plus({ days: m[0] === '大后天' ? 3 : 2 }), m, true);
  for (const m of matchAll(/\btomorrow\b|\btmrw\b|明天|明日|明早|明晚/, text)) add(today.plus({ days: 1 }), m, true);
  for (const m of matchAll(/\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b|今天|今日|今晚|今早/, text)) add(today, m, true);
  for (const m of matchAll(/\b(next|this|coming|on)?\s*(monday|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sunday)\b(\s+next week)?/, text)) {
    const weekday = WEEKDAYS_EN[m[2] ?? ''] ?? 1;
    if (!m[1] && !m[3] && (m[2] ?? '').length <= 4) continue; // a bare "wed" or "fri" is too easily something else
    if (m[3]) add(inWeek(today, weekday, 1), m, true);
    else add(m[1] === 'next' ? firstAfter(today, weekday) : firstOnOrAfter(today, weekday), m, true);
  }
  for (const m of matchAll(/\b(?:this|next) weekend\b|周末/, text)) add(m[0].startsWith('next') ? firstAfter(today.plus({ days: 1 }), 6) : firstOnOrAfter(today, 6), m, true);
  for (const m of matchAll(/(下下个?|下个?|本|这个?|这一)?(?:周|星期|礼拜)([一二三四五六日天1-7])/, text)) {
    const weekday = WEEKDAYS_ZH[m[2] ?? ''] ?? 1;
    const prefix = m[1] ?? '';
    if (prefix.startsWith('下下')) add(inWeek(today, weekday, 2), m, true);
    else if (prefix.startsWith('下')) add(inWeek(today, weekday, 1), m, true);
    else if (prefix) add(inWeek(today, weekday, 0), m, true);
    else add(firstOnOrAfter(today, weekday), m, true);
  }
  for (const m of matchAll(new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?`), text)) {
    add(upcoming(today, MONTHS_EN[(m[1] ?? '').slice(0, 3)] ?? 0, Number(m[2]), m[3] ? Number(m[3]) : undefined), m, !m[3]);
  }
  for (const m of matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b(?:,?\\s*(\\d{4})\\b)?`), text)) {
    add(upcoming(today, MONTHS_EN[(m[2] ?? '').slice(0, 3)] ?? 0, Number(m[1]), m[3] ? Number(m[3]) : undefined), m, !m[3]);
  }
  for (const m of matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, text)) add(upcoming(today, Number(m[2]), Number(m[3]), Number(m[1])), m, false);
  const zhNumber = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
  for (const m of matchAll(new RegExp(`(?:(\\d{4})年)?${zhNumber}月${zhNumber}(?:日|号)`), text)) {
    add(upcoming(today, parseNumber(m[2] ?? ''), parseNumber(m[3] ?? ''), m[1] ? Number(m[1]) : undefined), m, !m[1]);
  }
  for (const m of matchAll(new RegExp(`(?<![月\\d一二三四五六七八九十])${zhNumber}号`), text)) {
    const day = parseNumber(m[1] ?? '');
    let date = DateTime.fromObject({ year: today.year, month: today.month, day }, { zone: today.zone });
    if (date.isValid && date < today) date = date.plus({ months: 1 });
    add(date, m, true);
  }
  // The same words can match twice (明晚 as tomorrow, 周二 inside 下周二): keep the widest match at each place.
  const widest = found.filter((item) => !found.some((other) => other !== item && other.start <= item.start && other.end >= item.end && other.end - other.start > item.end - item.start));
  return widest.sort((a, b) => a.start - b.start);
}
