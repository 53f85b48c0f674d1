// How sure a sentiment label is, from the size of the score and the amount of evidence behind it.
import { POSITIVE_THRESHOLD, labelForScore } from './sentiment.ts';

/**
 * Confidence in [0, 1] for the label that `score` gets.
 *
 * evidenceStrength = 1 - exp(-evidence / 2): 0 items -> 0, 1 -> 0.39, 2 -> 0.63, 4 -> 0.86.
 *
 * - Positive or negative label: 0.3 + 0.45 * |score| + 0.25 * evidenceStrength. A strong score
 *   backed by several sentiment words approaches 1; a score just past the threshold from a single
 *   word stays near 0.4.
 * - Neutral label: (0.6 - 0.3 * evidenceStrength) * (1 - |score| / threshold). With no sentiment
 *   words at all the message is probably neutral (0.6); sentiment words that cancel each other
 *   out, or a score close to a threshold, make "neutral" less certain.
 */
export function confidenceFor(score: number, evidence: number): number {
  const evidenceStrength = 1 - Math.exp(-Math.max(0, evidence) / 2);
  const magnitude = Math.min(1, Math.abs(score));
  const confidence =
    labelForScore(score) === 'neutral'
      ? (0.6 - 0.3 * evidenceStrength) * (1 - magnitude / POSITIVE_THRESHOLD)
      : 0.3 + 0.45 * magnitude + 0.25 * evidenceStrength;
  return roundTo(Math.max(0, Math.min(1, confidence)), 4);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
