// English sentiment: VADER's compound score, adjusted by the customer-service phrase layer.
import vader from 'vader-sentiment';
import { findServicePhrases } from './english-service-phrases.ts';
import { normalizeValence, valenceForScore, type ScoredText } from './sentiment.ts';
import { countVaderWords } from './vader-lexicon.ts';

/** VADER's compound score for `text`, in [-1, 1]. */
export function vaderCompound(text: string): number {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

/**
 * Scores an English message. The service layer's valences are added to the valence sum VADER's
 * compound came from and the total is normalised again, so a message without any service phrase
 * keeps VADER's compound unchanged. Evidence counts VADER lexicon words plus service phrases.
 */
export function scoreEnglish(text: string): ScoredText {
  const compound = vaderCompound(text);
  const phrases = findServicePhrases(text);
  const evidence = countVaderWords(text) + phrases.length;
  if (phrases.length === 0) return { score: compound, evidence };
  const phraseValence = phrases.reduce((sum, phrase) => sum + phrase.valence, 0);
  const vaderValence = compound === 0 ? 0 : valenceForScore(compound);
  return { score: normalizeValence(vaderValence + phraseValence), evidence };
}
