// When a person takes over, from the support policy: legal or safety words, an explicit request for
// a human, very negative sentiment too often, or too many turns without progress. Pure functions.
import type { EscalationReason, SupportPolicy } from '../../../domain/support-policy.ts';
import { containsAnyWord } from '../understand/intent.ts';

export interface EscalationCounters {
  /** Very negative messages so far, this one included. */
  veryNegativeTurns: number;
}

/** The reason to hand over before answering this message, or null to answer it. */
export function escalationBeforeAnswer(text: string, counters: EscalationCounters, policy: SupportPolicy['escalation']): EscalationReason | null {
  if (containsAnyWord(text, policy.legalOrSafety)) return 'legal_or_safety';
  if (containsAnyWord(text, policy.humanRequest)) return 'human_requested';
  if (counters.veryNegativeTurns >= policy.veryNegativeTurns) return 'very_negative_repeated';
  return null;
}

/** After answering: hand over when this turn made no progress and too many before it made none. */
export function escalationAfterAnswer(turnsWithoutProgress: number, policy: SupportPolicy['escalation']): EscalationReason | null {
  return turnsWithoutProgress >= policy.turnsWithoutProgress ? 'no_progress' : null;
}
