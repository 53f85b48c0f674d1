// Offline sentiment of a customer message in English or Chinese: label, score and confidence.
import type { Locale } from '../domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { scoreChinese } from './chinese.ts';
import { confidenceFor } from './confidence.ts';
import { detectLanguage } from './detect-language.ts';
import { scoreEnglish } from './english.ts';
import { labelForScore, type ScoredText, type Sentiment } from './sentiment.ts';

export interface DetectSentimentOptions {
  /** 'auto' (default) picks Chinese when CJK characters make up enough of the letters. */
  language?: Locale | 'auto';
}

const LANGUAGE_CHOICES: readonly (Locale | 'auto')[] = ['en', 'zh', 'auto'];

/**
 * The sentiment of one message. English is scored by VADER plus a small customer-service phrase
 * layer; Chinese by a lexicon with negation, degree, contrast and punctuation rules. Text without
 * any sentiment-bearing word is neutral with score 0. Labels use VADER's thresholds (score >= 0.05
 * positive, <= -0.05 negative); the score is rounded to 4 decimals.
 */
export function detectSentiment(text: string, options: DetectSentimentOptions = {}): Sentiment {
  const { language = 'auto' } = options;
  if (typeof text !== 'string') {
    throw new CodedError(ErrorCode.InvalidInput, `detectSentiment: text must be a string, got ${typeof text}.`);
  }
  if (!LANGUAGE_CHOICES.includes(language)) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `detectSentiment: options.language must be one of ${LANGUAGE_CHOICES.join(', ')}, got "${String(language)}".`,
    );
  }
  const resolved = language === 'auto' ? detectLanguage(text) : language;
  const scored = scoreText(text, resolved);
  const score = roundScore(scored.score);
  return { label: labelForScore(score), score, confidence: confidenceFor(score, scored.evidence), language: resolved };
}

function scoreText(text: string, language: Locale): ScoredText {
  if (text.trim() === '') return { score: 0, evidence: 0 };
  return language === 'zh' ? scoreChinese(text) : scoreEnglish(text);
}

function roundScore(score: number): number {
  const rounded = Math.round(Math.max(-1, Math.min(1, score)) * 10_000) / 10_000;
  return rounded === 0 ? 0 : rounded;
}
