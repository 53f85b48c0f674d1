// Finds a time of day in a goal or edit: "10am", "9:30", "tonight 8pm", "noon", "上午10点", "晚上8点半".
import { matchAll, parseNumber } from './text.ts';

export interface ClockTime {
  hour: number;
  minute: number;
  start: number;
  end: number;
}

const PM_EN = /\btonight\b|\bthis evening\b|\bin the evening\b|\bevening\b|\bafternoon\b|\btomorrow night\b/;
const MORNING_EN = /\bmorning\b/;
const ZH_DAY_PART = '(凌晨|早上|早晨|清晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜里|夜间|今晚|明晚|今早|明早)?';
const ZH_HOUR = '(\\d{1,2}|[零一二两三四五六七八九十]{1,3})';

/** Moves a 12-hour reading into the right half of the day given the words around it. */
function applyDayPart(hour: number, dayPart: string): number {
  if (/下午|傍晚|晚|夜|pm|evening|afternoon|tonight|night/.test(dayPart)) return hour < 12 ? hour + 12 : hour;
  if (/中午/.test(dayPart)) return hour <= 2 ? hour + 12 : hour;
  if (/凌晨|am|morning/.test(dayPart)) return hour === 12 ? 0 : hour;
  return hour;
}

function valid(hour: number, minute: number): boolean {
  return Number.isInteger(hour) && Number.isInteger(minute) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
}

function zhMinute(text: string | undefined): number {
  if (!text) return 0;
  if (text === '半') return 30;
  if (text === '一刻') return 15;
  if (text === '三刻') return 45;
  return parseNumber(text.replace(/分$/, ''));
}

/** The first time of day the text names, or null. */
export function findClockTime(text: string): ClockTime | null {
  const candidates: ClockTime[] = [];
  const push = (hour: number, minute: number, start: number, end: number): void => {
    if (valid(hour, minute)) candidates.push({ hour, minute, start, end });
  };
  const englishDayPart = (PM_EN.exec(text)?.[0] ?? '') || (MORNING_EN.exec(text)?.[0] ?? '');
  const zhDayPartBefore = (start: number): string =>
    /(凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|晚间|夜里|今晚|明晚)\s*$/.exec(text.slice(Math.max(0, start - 6), start))?.[1] ?? '';

  for (const m of matchAll(/(?<![\d:])(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/, text)) {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) continue;
    const pm = (m[3] ?? '').startsWith('p');
    push((hour % 12) + (pm ? 12 : 0), Number(m[2] ?? 0), m.index, m.index + m[0].length);
  }
  for (const m of matchAll(/(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/, text)) {
    const dayPart = zhDayPartBefore(m.index) || englishDayPart;
    push(applyDayPart(Number(m[1]), dayPart), Number(m[2]), m.index, m.index + m[0].length);
  }
  for (const m of matchAll(/\b(?:at|@)\s*(\d{1,2})(?: ?o'clock)?\b(?![:.%\d]| ?(?:percent|days?|hours?|minutes?|weeks?|months?|years?|off|yuan|dollars?|元)|(?: ?[ap]\.?m\.?(?![a-z])))/, text)) {
    push(applyDayPart(Number(m[1]), englishDayPart), 0, m.index, m.index + m[0].length);
  }
  for (const m of matchAll(/\b(\d{1,2}) ?o'clock\b/, text)) push(applyDayPart(Number(m[1]), englishDayPart), 0, m.index, m.index + m[0].length);
  for (const m of matchAll(/\b(?:at )?(noon|midday|midnight)\b/, text)) push(m[1] === 'midnight' ? 0 : 12, 0, m.index, m.index + m[0].length);
  const zhPattern = new RegExp(`${ZH_DAY_PART}\\s*(?<![\\d.])${ZH_HOUR}\\s*(?:点钟?(?!击)|时(?!间))\\s*(半|一刻|三刻|\\d{1,2}\\s*分?|[零一二三四五六七八九十]{1,3}\\s*分)?`);
  for (const m of matchAll(zhPattern, text)) {
    // 早一点 / 快一点 ("a bit earlier") are not one o'clock.
    if (!m[1] && m[2] === '一' && /[早晚快慢多少高低好大小]$/.test(text.slice(0, m.index))) continue;
    const dayPart = m[1] ?? zhDayPartBefore(m.index);
    push(applyDayPart(parseNumber(m[2] ?? ''), dayPart), zhMinute(m[3]?.trim()), m.index, m.index + m[0].length);
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0] ?? null;
}

export interface DayPartTime {
  hour: number;
  minute: number;
  /** The word that set it ("morning", 晚上), for the assumption shown to the marketer. */
  word: string;
}

const DAY_PART_TIMES: ReadonlyArray<{ pattern: RegExp; hour: number }> = [
  { pattern: /\bmorning\b|早上|早晨|清晨|上午|今早|明早/, hour: 9 },
  { pattern: /\bnoon\b|\blunch ?time\b|中午|午间/, hour: 12 },
  { pattern: /\bafternoon\b|下午/, hour: 15 },
  { pattern: /\btonight\b|\bevening\b|\bnight\b|晚上|晚间|今晚|明晚|傍晚/, hour: 20 },
];

/** A part of the day named without a time ("Monday morning", 明晚): a typical send time for it. */
export function findDayPartTime(text: string): DayPartTime | null {
  for (const { pattern, hour } of DAY_PART_TIMES) {
    const match = pattern.exec(text);
    if (match) return { hour, minute: 0, word: match[0] };
  }
  return null;
}
