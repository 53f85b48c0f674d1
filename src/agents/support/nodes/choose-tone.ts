// Picks this turn's register from the tone policy (sentiment band and trend) and records it.
import { chooseTone, sentimentBand, sentimentTrend } from '../decide/choose-tone.ts';
import type { SupportDeps } from '../deps.ts';
import type { SupportStateType, SupportUpdate } from '../state.ts';

export function makeChooseTone({ supportPolicy }: SupportDeps) {
  return function chooseToneNode(state: SupportStateType): SupportUpdate {
    const sentiment = state.sentiment!;
    const band = sentimentBand(sentiment, supportPolicy.sentiment);
    const trend = sentimentTrend(state.scores, supportPolicy.sentiment);
    return { tone: chooseTone(band, trend, supportPolicy.tone) };
  };
}
