// The tone of a reply, from the support policy's data: the sentiment band of this message, the
// trend over the last turns, and the first tone rule that matches them.
import type { Register, SentimentBand, SentimentTrend, SupportPolicy } from '../../../domain/support-policy.ts';
import type { Sentiment } from '../../../sentiment/sentiment.ts';

export interface ChosenTone {
  band: SentimentBand;
  trend: SentimentTrend;
  register: Register;
  /** Index of the tone rule that chose the register, for the record. */
  rule: number;
}

export function sentimentBand(sentiment: Pick<Sentiment, 'score' | 'confidence'>, policy: SupportPolicy['sentiment']): SentimentBand {
  if (sentiment.confidence < policy.minConfidence) return 'neutral';
  if (sentiment.score <= policy.veryNegativeAtMost) return 'very_negative';
  if (sentiment.score <= policy.negativeAtMost) return 'negative';
  if (sentiment.score >= policy.positiveAtLeast) return 'positive';
  return 'neutral';
}

/** This turn's score against the mean of up to `trendTurns - 1` earlier ones. */
export function sentimentTrend(scores: readonly number[], policy: SupportPolicy['sentiment']): SentimentTrend {
  if (scores.length < 2) return 'steady';
  const current = scores[scores.length - 1]!;
  const earlier = scores.slice(Math.max(0, scores.length - policy.trendTurns), -1);
  const mean = earlier.reduce((sum, score) => sum + score, 0) / earlier.length;
  const change = current - mean;
  if (change <= -policy.trendChange) return 'worsening';
  if (change >= policy.trendChange) return 'improving';
  return 'steady';
}

export function chooseTone(band: SentimentBand, trend: SentimentTrend, policy: SupportPolicy['tone']): ChosenTone {
  const rule = policy.rules.findIndex((candidate) => candidate.band === band && (candidate.trend === undefined || candidate.trend === trend));
  // The schema guarantees a fallback rule per band.
  return { band, trend, register: policy.rules[rule]!.register, rule };
}
