// Decides whether a goal is written in Chinese or English, so replies and assumptions use its language.
import type { Locale } from '../../../domain/vocabulary.ts';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN = /[a-z]/gi;

/**
 * `zh` when CJK characters carry most of the text. One Chinese character says about as much as a short
 * English word, so each counts as three Latin letters: "提升VIP用户的GMV" is Chinese, "Send a 双11 promo" is not.
 */
export function detectLocale(text: string): Locale {
  const cjk = text.normalize('NFKC').match(CJK)?.length ?? 0;
  const latin = text.normalize('NFKC').match(LATIN)?.length ?? 0;
  return cjk > 0 && cjk * 3 >= latin ? 'zh' : 'en';
}

/** Whether the text has any letters at all to judge a language by. */
export function hasWords(text: string): boolean {
  const normalized = text.normalize('NFKC');
  return /[a-z]/i.test(normalized) || /[\u3400-\u9fff]/.test(normalized);
}
