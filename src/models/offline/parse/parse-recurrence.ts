// Finds a repeating send in a goal: "every Monday", "every Mon and Thu", "daily", "weekly on Friday",
// 每周一, 每周一、周四, 每天, with how long it runs ("for 4 weeks", "6 times", 连续4周, 共6次, 连续5天).
// Text is normalised (lower case, half width) before it gets here.
import { matchAll, parseNumber } from './text.ts';

export interface FoundRecurrence {
  /** 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  /** Sends in all, when the text says; null: the default applies. */
  count: number | null;
  /** Where the day rule and the duration were found, to keep them from being read as a date or clock. */
  spans: Array<{ start: number; end: number }>;
}

const EN_DAY = '(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const EN_DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const ZH_DAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const NUMBER = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[一二两三四五六七八九十]+)';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

const enDay = (word: string): number => EN_DAYS[word.slice(0, 3)] ?? 1;

function findDays(text: string): { weekdays: number[]; start: number; end: number } | null {
  const en = new RegExp(`\\b(?:every|each)\\s+${EN_DAY}((?:\\s*(?:,|and|&)\\s*${EN_DAY})*)\\b|\\bweekly\\s+on\\s+${EN_DAY}((?:\\s*(?:,|and|&)\\s*${EN_DAY})*)\\b`);
  const enMatch = en.exec(text);
  if (enMatch) {
    const words = enMatch[0].match(new RegExp(EN_DAY, 'g')) ?? [];
    return { weekdays: [...new Set(words.map(enDay))].sort((a, b) => a - b), start: enMatch.index, end: enMatch.index + enMatch[0].length };
  }
  // Only with a time or a duration beside it: "log in every day" and 每天都买 describe customers.
  const daily = /\b(?:every day|daily)(?=\s+(?:at|for|from)\b|\s+\d)|(?:每天|每日)(?=\s*(?:早|上午|中午|下午|晚|凌晨|\d))/.exec(text);
  if (daily) return { weekdays: ALL_WEEK, start: daily.index, end: daily.index + daily[0].length };
  const zh = /每(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])((?:\s*[、,和及与]\s*(?:周|星期|礼拜)?[一二三四五六日天1-7])*)/.exec(text);
  if (zh) {
    const days = `${zh[1]}${zh[2]}`.match(/[一二三四五六日天1-7]/g) ?? [];
    return { weekdays: [...new Set(days.map((day) => ZH_DAYS[day] ?? 1))].sort((a, b) => a - b), start: zh.index, end: zh.index + zh[0].length };
  }
  return null;
}

function findCount(text: string, perWeek: number): { count: number; start: number; end: number } | null {
  const patterns: Array<[RegExp, (n: number) => number]> = [
    [new RegExp(`\\bfor\\s+(?:the\\s+next\\s+)?${NUMBER}\\s+weeks?\\b`), (n) => n * perWeek],
    [new RegExp(`\\bfor\\s+(?:the\\s+next\\s+)?${NUMBER}\\s+days?\\b`), (n) => Math.max(1, Math.round((n * perWeek) / 7))],
    [new RegExp(`\\b${NUMBER}\\s+times\\b`), (n) => n],
    [new RegExp(`(?:连续|持续|共|一共|为期)${NUMBER}\\s*(?:周|个星期|星期)`), (n) => n * perWeek],
    [new RegExp(`(?:连续|持续|为期)${NUMBER}\\s*天`), (n) => Math.max(1, Math.round((n * perWeek) / 7))],
    [new RegExp(`(?:共|一共|总共|发送?)${NUMBER}\\s*次`), (n) => n],
  ];
  for (const [pattern, toCount] of patterns) {
    for (const match of matchAll(pattern, text)) {
      const n = parseNumber(match[1] ?? '');
      if (Number.isFinite(n) && n >= 1) return { count: Math.min(52, toCount(n)), start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

/** How far after the day rule its duration may be said ("every Monday 10am for 4 weeks"). */
const DURATION_REACH = 40;

export function findRecurrence(text: string): FoundRecurrence | null {
  const days = findDays(text);
  if (!days) return null;
  // Only just after the rule, so "inactive for 30 days" or 买过3次 elsewhere in a goal is not read as its duration.
  const found = findCount(text.slice(days.end, days.end + DURATION_REACH), days.weekdays.length);
  const count = found ? { ...found, start: found.start + days.end, end: found.end + days.end } : null;
  const spans = [{ start: days.start, end: days.end }, ...(count ? [{ start: count.start, end: count.end }] : [])];
  return { weekdays: days.weekdays, count: count?.count ?? null, spans };
}
