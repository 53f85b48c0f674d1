// The sentiment of one customer message: label, signed score and confidence, with the shared
// scale helpers (VADER-style normalisation and the label thresholds) both languages use.
import { z } from 'zod';
import { Locale } from '../domain/vocabulary.ts';

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const Sentiment = z.object({
  label: SentimentLabel,
  /** Signed strength: -1 most negative, 0 neutral or no evidence, 1 most positive. */
  score: z.number().min(-1).max(1),
  /** How sure the label is, from the score's size and how many sentiment-bearing words were found. */
  confidence: z.number().min(0).max(1),
  language: Locale,
});
export type Sentiment = z.infer<typeof Sentiment>;

/** What a language scorer found: a score in [-1, 1] and how many sentiment-bearing items backed it. */
export interface ScoredText {
  score: number;
  evidence: number;
}

/** VADER's recommended cut-offs: compound >= 0.05 is positive, <= -0.05 negative, else neutral. */
export const POSITIVE_THRESHOLD = 0.05;
export const NEGATIVE_THRESHOLD = -0.05;

export function labelForScore(score: number): SentimentLabel {
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}

/** VADER's alpha: a summed valence of about ±3.9 maps to ±0.71, ±10 to ±0.93. */
export const NORMALIZATION_ALPHA = 15;

/** Maps an unbounded valence sum into (-1, 1) the way VADER's compound score does. */
export function normalizeValence(sum: number, alpha: number = NORMALIZATION_ALPHA): number {
  if (sum === 0) return 0;
  const normalized = sum / Math.sqrt(sum * sum + alpha);
  return Math.max(-1, Math.min(1, normalized));
}

/** Inverse of `normalizeValence`: the valence sum a normalised score came from (capped near ±1). */
export function valenceForScore(score: number, alpha: number = NORMALIZATION_ALPHA): number {
  const capped = Math.max(-0.9999, Math.min(0.9999, score));
  return (capped * Math.sqrt(alpha)) / Math.sqrt(1 - capped * capped);
}
