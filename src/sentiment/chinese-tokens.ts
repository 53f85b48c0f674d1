// What each Chinese word does for sentiment: carries a valence, negates, intensifies, contrasts,
// makes praise hypothetical, or names a taste or amount that becomes a complaint after "too".
// Words jieba leaves fused with their modifiers (太慢, 有点咸) are split back into modifier and word.
import { ZH_EXCESS_ATTRIBUTES, ZH_NEGATIVE_WORDS, ZH_NEUTRAL_WORDS, ZH_POSITIVE_WORDS } from './lexicon/zh-sentiment-words.ts';
import {
  ZH_CONTRAST_WORDS,
  ZH_DEGREE_WORDS,
  ZH_IRREALIS_MARKERS,
  ZH_NEGATIONS,
  ZH_POST_DEGREE_WORDS,
  ZH_RESERVATION_WORDS,
  ZH_SOFT_NEGATIONS,
} from './lexicon/zh-modifiers.ts';

export type ZhToken =
  | { kind: 'sentiment'; word: string; valence: number }
  | { kind: 'excess'; word: string }
  | { kind: 'negation'; word: string; soft: boolean }
  | { kind: 'degree'; word: string; factor: number }
  | { kind: 'post-degree'; word: string; factor: number }
  | { kind: 'contrast'; word: string }
  | { kind: 'irrealis'; word: string }
  | { kind: 'reservation'; word: string }
  | { kind: 'other'; word: string };

const SENTIMENT_VALENCE: ReadonlyMap<string, number> = new Map([
  ...Object.entries(ZH_POSITIVE_WORDS),
  ...Object.entries(ZH_NEGATIVE_WORDS),
]);

/** Modifier words that may be fused in front of a sentiment word, longest first. */
const MODIFIER_PREFIXES: readonly string[] = [...ZH_NEGATIONS, ...Object.keys(ZH_DEGREE_WORDS)].sort(
  (a, b) => b.length - a.length,
);

/** Sentence-final particles jieba sometimes leaves attached (好吃啊, 慢了). */
const TRAILING_PARTICLES = /[了的啊呀啦吧哦哈呢嘛哒滴]+$/u;

/** Every multi-character word the lexicon knows, for the segmenter to keep whole. */
export function lexiconWords(): string[] {
  return [
    ...SENTIMENT_VALENCE.keys(),
    ...ZH_NEUTRAL_WORDS,
    ...ZH_NEGATIONS,
    ...Object.keys(ZH_DEGREE_WORDS),
    ...ZH_CONTRAST_WORDS,
    ...Object.keys(ZH_POST_DEGREE_WORDS),
    ...ZH_IRREALIS_MARKERS,
    ...ZH_RESERVATION_WORDS,
  ].filter((word) => [...word].length > 1);
}

/** The role of one word exactly as written, without splitting it. */
export function classifyWord(word: string): ZhToken {
  if (ZH_NEUTRAL_WORDS.has(word)) return { kind: 'other', word };
  const valence = SENTIMENT_VALENCE.get(word);
  if (valence !== undefined) return { kind: 'sentiment', word, valence };
  if (ZH_NEGATIONS.has(word)) return { kind: 'negation', word, soft: ZH_SOFT_NEGATIONS.has(word) };
  const factor = ZH_DEGREE_WORDS[word];
  if (factor !== undefined) return { kind: 'degree', word, factor };
  const postFactor = ZH_POST_DEGREE_WORDS[word];
  if (postFactor !== undefined) return { kind: 'post-degree', word, factor: postFactor };
  if (ZH_CONTRAST_WORDS.has(word)) return { kind: 'contrast', word };
  if (ZH_IRREALIS_MARKERS.has(word)) return { kind: 'irrealis', word };
  if (ZH_RESERVATION_WORDS.has(word)) return { kind: 'reservation', word };
  if (ZH_EXCESS_ATTRIBUTES.has(word)) return { kind: 'excess', word };
  return { kind: 'other', word };
}

/**
 * The roles of a segmented word: one role for a known word; for an unknown word made of modifiers
 * in front of a known sentiment word (太慢 -> 太 + 慢), one role per part; otherwise 'other'.
 */
export function interpretWord(word: string): ZhToken[] {
  const whole = classifyWord(word);
  if (whole.kind !== 'other' || ZH_NEUTRAL_WORDS.has(word)) return [whole];
  return splitFusedWord(word) ?? [whole];
}

/** Each repetition of a one-character sentiment word (赞赞赞, 差差差) strengthens it by this share. */
const REPETITION_BOOST = 0.2;

function splitFusedWord(word: string): ZhToken[] | undefined {
  const characters = [...word];
  const first = characters[0];
  if (first !== undefined && characters.length > 1 && characters.every((character) => character === first)) {
    const single = classifyWord(first);
    if (single.kind === 'sentiment') {
      return [{ ...single, word, valence: single.valence * (1 + REPETITION_BOOST * (characters.length - 1)) }];
    }
  }
  const stem = word.replace(TRAILING_PARTICLES, '');
  if (stem !== word && stem !== '') {
    const stemTokens = interpretWord(stem);
    if (stemTokens.some((token) => token.kind !== 'other')) return stemTokens;
  }
  for (const prefix of MODIFIER_PREFIXES) {
    if (!word.startsWith(prefix) || word.length === prefix.length) continue;
    const rest = interpretWord(word.slice(prefix.length));
    const restIsMeaningful = rest.every((token) => token.kind !== 'other') && rest.some(isValenceBearing);
    if (restIsMeaningful) return [classifyWord(prefix), ...rest];
  }
  return undefined;
}

function isValenceBearing(token: ZhToken): boolean {
  return token.kind === 'sentiment' || token.kind === 'excess';
}
