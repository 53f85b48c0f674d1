// Text helpers shared by the goal parsers: normalisation (NFKC, case, dashes), numbers written in
// digits or Chinese numerals, span masking, and picking the English or Chinese wording of a phrase.
import type { Locale } from '../../../domain/vocabulary.ts';

/** Folds full-width forms, case, curly quotes, dashes and runs of spaces so patterns can stay simple. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—~〜]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A number in digits (with optional thousands commas) or in Chinese numerals, as a regex group. */
export const NUM = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万半]+)';

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads 三百, 二十五, 一万二, 八五 (read digit by digit), 半 (0.5); null when it is not a number. */
export function chineseToNumber(text: string): number | null {
  if (text === '半') return 0.5;
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(text)) return null;
  if (/^[零〇一二两三四五六七八九]+$/.test(text)) {
    return Number([...text].map((ch) => CHINESE_DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch] ?? 0;
    else if (ch in CHINESE_UNITS) {
      section += (digit || 1) * (CHINESE_UNITS[ch] ?? 1);
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    }
  }
  // 一万二 means 12000 and 三百五 means 350: a trailing digit after a unit is one unit lower.
  const last = text.at(-1) ?? '';
  const beforeLast = text.at(-2) ?? '';
  if (digit && beforeLast === '万') return total + digit * 1000;
  if (digit && beforeLast in CHINESE_UNITS && last in CHINESE_DIGITS) {
    return total + section + digit * ((CHINESE_UNITS[beforeLast] ?? 10) / 10);
  }
  return total + section + digit;
}

const ENGLISH_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90, half: 0.5,
};
/** English number words usable where a count is expected ("two hours", "a day"). */
export const WORD_NUM = `(\\d+(?:\\.\\d+)?|${Object.keys(ENGLISH_NUMBERS).join('|')})`;

/** Parses a number captured by NUM or WORD_NUM; NaN when it cannot be read. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (/^[\d,]+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  if (trimmed in ENGLISH_NUMBERS) return ENGLISH_NUMBERS[trimmed] ?? Number.NaN;
  return chineseToNumber(trimmed) ?? Number.NaN;
}

/** Days in a unit word: day/week/month/year in English or Chinese. */
export function unitToDays(unit: string): number {
  if (/^(?:week|周|个?星期|个?礼拜)/.test(unit)) return 7;
  if (/^(?:month|mo|个?月)/.test(unit)) return 30;
  if (/^(?:year|yr|年)/.test(unit)) return 365;
  return 1;
}

/** Every match of a global regex, in order. */
export function matchAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))];
}

/** Blanks out [start, end) with spaces so later patterns cannot match it again; indices stay put. */
export function maskSpan(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Picks the wording for the goal's language. */
export function say(locale: Locale, english: string, chinese: string): string {
  return locale === 'zh' ? chinese : english;
}

/** Returns the items without repeats, first occurrence kept. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
