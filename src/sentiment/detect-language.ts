// Tells English from Chinese by the share of CJK characters among the letters of a message.
import type { Locale } from '../domain/vocabulary.ts';

export interface DetectLanguageOptions {
  /** Minimum share of CJK characters among CJK characters plus Latin letters to call a text Chinese. */
  minCjkShare?: number;
}

const CJK_CHARACTER = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN_LETTER = /[A-Za-z]/g;

/** Share of CJK ideographs among CJK ideographs and Latin letters; 0 for text with neither. */
export function cjkShare(text: string): number {
  const cjk = text.match(CJK_CHARACTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

/**
 * 'zh' when CJK characters make up at least `minCjkShare` (default 0.25) of the letters. One Chinese
 * character carries about as much as a short English word, so a Chinese message quoting an English
 * brand or order number still counts as Chinese, while an English message naming a Chinese shop
 * does not.
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): Locale {
  const { minCjkShare = 0.25 } = options;
  const share = cjkShare(text);
  return share > 0 && share >= minCjkShare ? 'zh' : 'en';
}
