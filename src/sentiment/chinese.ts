// Chinese sentiment: lexicon valences over jieba words, flipped by negations, scaled by degree
// adverbs and complements, re-weighted around contrast (但是, 不过) and reservation (就是) words and
// by exclamation marks, with praise in questions or irrealis clauses not counted, complaints weighted
// above praise, plus the customer-service phrases of lexicon/zh-phrases.ts.
import { splitClauses, type Clause } from './chinese-clauses.ts';
import { createChineseSegmenter, type Segmenter } from './chinese-segmenter.ts';
import { interpretWord, lexiconWords, type ZhToken } from './chinese-tokens.ts';
import {
  CONTRAST_WEIGHT_AFTER,
  CONTRAST_WEIGHT_BEFORE,
  MODIFIER_WINDOW,
  RESERVATION_WEIGHT_AFTER,
  NEGATED_NEGATIVE_SCALE,
  NEGATED_POSITIVE_SCALE,
  SOFT_NEGATION_SCALE,
  ZH_DANGLING_NEGATION_VALENCE,
  ZH_DEGREE_WORDS,
  ZH_EXCESS_DEGREE_WORDS,
  ZH_POST_DEGREE_WORDS,
} from './lexicon/zh-modifiers.ts';
import { ZH_PHRASES, findZhPhrases } from './lexicon/zh-phrases.ts';
import { normalizeValence, type ScoredText } from './sentiment.ts';

/** Each emphasis mark after a clause strengthens it by this share. */
const EXCLAMATION_BOOST = 0.15;
/**
 * Praise inside a question (好吃吗? 这也叫好吃?) or after an irrealis marker (本以为很好吃) is not
 * asserted, so it does not count; complaints there still do (怎么还没到?). After SO-CAL's
 * irrealis blocking, which also covers questions.
 */
const UNASSERTED_POSITIVE_SCALE = 0;
const MAX_DEGREE = 3;
/**
 * Negative expressions count this many times their valence, after negation and degree. Praise words
 * are used loosely and often (好, 不错, 可以), complaints deliberately, so a complaint outweighs
 * polite praise beside it; the weighting comes from SO-CAL (Taboada et al., "Lexicon-Based Methods
 * for Sentiment Analysis", Computational Linguistics 37(2), 2011), which uses 1.5. 2 was chosen on
 * one half of waimai_10k (even rows: 0.8750 -> 0.8772) and held on the other (0.8822 -> 0.8839).
 */
const NEGATIVE_WEIGHT = 2;

type ClauseItem = ZhToken | { kind: 'phrase'; word: string; valence: number };

let segmenter: Segmenter | undefined;

function segment(text: string): string[] {
  segmenter ??= createChineseSegmenter({ keepWhole: lexiconWords() });
  return segmenter(text);
}

function clauseItems(body: string): ClauseItem[] {
  const items: ClauseItem[] = [];
  let position = 0;
  const addWords = (piece: string): void => {
    for (const word of segment(piece)) items.push(...interpretWord(word));
  };
  for (const hit of findZhPhrases(body, ZH_PHRASES)) {
    if (hit.index > position) addWords(body.slice(position, hit.index));
    items.push({ kind: 'phrase', word: body.slice(hit.index, hit.index + hit.length), valence: hit.valence });
    position = hit.index + hit.length;
  }
  if (position < body.length) addWords(body.slice(position));
  return items;
}

/** Negations and degree words seen since the last sentiment word. */
interface Modifiers {
  negations: number;
  softNegation: boolean;
  /** A degree word came after a negation (不是很好): "not very", which weakens the flip. */
  degreeAfterNegation: boolean;
  degree: number;
  excessDegree: boolean;
  tokensSince: number;
  /** Valence of a negation such as 不够 if nothing it could negate follows. */
  danglingValence: number;
}

const NO_MODIFIERS: Modifiers = {
  negations: 0,
  softNegation: false,
  degreeAfterNegation: false,
  degree: 1,
  excessDegree: false,
  tokensSince: 0,
  danglingValence: 0,
};

function applyModifiers(valence: number, modifiers: Modifiers): number {
  if (modifiers.negations % 2 === 0) return valence * modifiers.degree;
  const flipped = valence * (valence > 0 ? NEGATED_POSITIVE_SCALE : NEGATED_NEGATIVE_SCALE);
  if (modifiers.softNegation || modifiers.degreeAfterNegation) return flipped * SOFT_NEGATION_SCALE;
  return flipped * modifiers.degree;
}

/** The word "好" is an intensifier when a sentiment word follows it (好慢, 好好吃), praise otherwise. */
function treatAsDegree(item: ClauseItem, next: ClauseItem | undefined): boolean {
  return item.kind === 'sentiment' && item.word === '好' && (next?.kind === 'sentiment' || next?.kind === 'excess');
}

interface Tally {
  total: number;
  evidence: number;
  /** Weight of what is read now: 1, or the weight after a contrast or reservation word once one was read. */
  weight: number;
}

function scoreClause(clause: Clause, tally: Tally): void {
  const items = clauseItems(clause.body);
  let clauseSum = 0;
  let modifiers: Modifiers = { ...NO_MODIFIERS };
  let irrealis = false;
  /** The last amount added to the clause and where, for a degree complement after it (好吃极了). */
  let last = { index: -Infinity, amount: 0 };
  let currentIndex = 0;
  const add = (valence: number): void => {
    modifiers = { ...NO_MODIFIERS };
    if (valence === 0) return;
    const weighted = valence < 0 ? valence * NEGATIVE_WEIGHT : valence;
    const unasserted = irrealis || clause.isQuestion;
    const amount = (unasserted && weighted > 0 ? weighted * UNASSERTED_POSITIVE_SCALE : weighted) * tally.weight;
    clauseSum += amount;
    last = { index: currentIndex, amount };
    tally.evidence += 1;
  };
  /** Drops modifiers that found nothing to modify, scoring a dangling negation such as 不够. */
  const expireModifiers = (): void => {
    const dangling = modifiers.danglingValence;
    modifiers = { ...NO_MODIFIERS };
    if (dangling !== 0) add(dangling);
  };
  const strengthenLast = (factor: number): void => {
    clauseSum += last.amount * (factor - 1);
    last = { index: currentIndex, amount: last.amount * factor };
  };
  items.forEach((raw, index) => {
    currentIndex = index;
    const item: ClauseItem = treatAsDegree(raw, items[index + 1])
      ? { kind: 'degree', word: raw.word, factor: ZH_DEGREE_WORDS[raw.word] ?? 1 }
      : raw;
    const follows = index - last.index <= 2;
    switch (item.kind) {
      case 'phrase':
        add(item.valence);
        return;
      case 'sentiment':
        add(applyModifiers(item.valence, modifiers));
        return;
      case 'excess':
        if (modifiers.excessDegree && modifiers.negations === 0) add(-modifiers.degree);
        else expireModifiers();
        return;
      case 'negation':
        modifiers = {
          ...modifiers,
          negations: modifiers.negations + 1,
          softNegation: modifiers.softNegation || item.soft,
          tokensSince: 0,
          danglingValence: ZH_DANGLING_NEGATION_VALENCE[item.word] ?? 0,
        };
        return;
      case 'post-degree':
        if (follows) strengthenLast(item.factor);
        return;
      case 'degree': {
        const asComplement = ZH_POST_DEGREE_WORDS[item.word];
        if (follows && asComplement !== undefined) {
          strengthenLast(asComplement);
          return;
        }
        modifiers = {
          ...modifiers,
          degree: Math.min(MAX_DEGREE, modifiers.degree * item.factor),
          degreeAfterNegation: modifiers.degreeAfterNegation || modifiers.negations > 0,
          excessDegree: modifiers.excessDegree || ZH_EXCESS_DEGREE_WORDS.has(item.word),
          tokensSince: 0,
        };
        return;
      }
      case 'contrast':
        expireModifiers();
        tally.total *= CONTRAST_WEIGHT_BEFORE;
        clauseSum *= CONTRAST_WEIGHT_BEFORE;
        tally.weight = CONTRAST_WEIGHT_AFTER;
        return;
      case 'reservation':
        expireModifiers();
        if (tally.weight === 1) tally.weight = RESERVATION_WEIGHT_AFTER;
        return;
      case 'irrealis':
        irrealis = true;
        return;
      case 'other':
        modifiers = { ...modifiers, tokensSince: modifiers.tokensSince + 1 };
        if (modifiers.tokensSince >= MODIFIER_WINDOW) expireModifiers();
        return;
    }
  });
  expireModifiers();
  tally.total += clauseSum * (1 + EXCLAMATION_BOOST * clause.exclamations);
}

/** Scores a Chinese message; evidence counts the sentiment words and phrases that contributed. */
export function scoreChinese(text: string): ScoredText {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tally: Tally = { total: 0, evidence: 0, weight: 1 };
  for (const clause of splitClauses(normalized)) scoreClause(clause, tally);
  return { score: normalizeValence(tally.total), evidence: tally.evidence };
}
