// Which script a piece of copy is written in: used to keep English copy free of Chinese, to pick
// the push body limit for Chinese text and to drop free-text inputs written in the wrong language.

const cjkCharacter = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const hanCharacter = /\p{Script=Han}/u;
const latinLetter = /\p{Script=Latin}/u;
const placeholder = /\{\{[a-z_]+\}\}/g;

/** True when `text` contains at least one Chinese character. */
export function containsHan(text: string): boolean {
  return hanCharacter.test(text);
}

/** Number of Unicode characters (code points), the unit push, e-mail and WeCom limits are counted in. */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Share of Chinese characters among the letters of `text` (Han characters and CJK punctuation versus
 * Latin letters), ignoring `{{placeholders}}`, digits and spaces. 0 when there are no letters.
 */
export function cjkShare(text: string): number {
  let cjk = 0;
  let latin = 0;
  for (const character of text.replace(placeholder, '')) {
    if (cjkCharacter.test(character)) cjk += 1;
    else if (latinLetter.test(character)) latin += 1;
  }
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}
