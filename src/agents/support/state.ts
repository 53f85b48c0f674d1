// The support graph's state: one customer conversation. Persisted by the checkpointer after each
// step, so a conversation resumes where it stopped, in any process.
import { Annotation, MessagesAnnotation } from '@langchain/langgraph';
import type { VerifiedCustomer } from '../../data/support-records.ts';
import type { EscalationReason } from '../../domain/support-policy.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import type { Sentiment } from '../../sentiment/sentiment.ts';
import type { AnswerPlan } from './answer-plan.ts';
import type { CompensationOffer } from './decide/compensation.ts';
import type { ChosenTone } from './decide/choose-tone.ts';
import type { Identifiers } from './understand/identifiers.ts';
import type { SupportIntent } from './understand/intent.ts';

/** Keeps the newest value written; `undefined` leaves the field as it was. */
function latest<T>(initial: () => T) {
  return Annotation<T>({ reducer: (previous, next) => (next === undefined ? previous : next), default: initial });
}

/** What was decided in one turn, kept for the record and the hand-over summary. */
export interface TurnRecord {
  turn: number;
  sentiment: Sentiment;
  tone: ChosenTone;
  intent: SupportIntent;
  offer: CompensationOffer | null;
  escalation: EscalationReason | null;
}

export type ReplySource = 'template' | 'model' | 'model_rejected';

export interface VerifiedIdentity extends VerifiedCustomer {
  /** The contact that verified them, masked (`o***@example.com`, `****5678`). */
  maskedContact: string;
}

export const SupportState = Annotation.Root({
  ...MessagesAnnotation.spec,
  /** Customer messages so far, this one included. */
  turn: latest<number>(() => 0),
  /** Language of the latest customer message; replies use it. */
  language: latest<Locale>(() => 'en'),
  /** Sentiment of the latest customer message. */
  sentiment: latest<Sentiment | null>(() => null),
  /** Sentiment scores of every customer message, oldest first (the trend reads the last few). */
  scores: latest<number[]>(() => []),
  /** Very negative customer messages so far (an escalation rule counts them). */
  veryNegativeTurns: latest<number>(() => 0),
  /** Consecutive turns that moved nothing forward (an escalation rule counts them). */
  turnsWithoutProgress: latest<number>(() => 0),
  /** The tone chosen for this turn's reply, from the tone policy. */
  tone: latest<ChosenTone | null>(() => null),
  /** What the latest customer message asks for, most important first (never empty). */
  intents: latest<SupportIntent[]>(() => ['other']),
  /** Order numbers, e-mail and phone found in the latest customer message. */
  identifiers: latest<Identifiers>(() => ({ orderIds: [], email: null, phone: null })),
  /** Who the customer is, once an order number and its e-mail or phone matched; null until then. */
  customer: latest<VerifiedIdentity | null>(() => null),
  /** The outcome of identification in this turn. */
  verification: latest<'verified' | 'failed' | 'none'>(() => 'none'),
  /** What this turn's reply must say, decided before it is written. */
  answer: latest<AnswerPlan | null>(() => null),
  /** Compensation offered in this turn. */
  offer: latest<CompensationOffer | null>(() => null),
  /** Why the conversation was handed to a person; null while the bot handles it. */
  escalation: latest<EscalationReason | null>(() => null),
  /** The hand-over summary given to the person taking over. */
  summary: latest<string | null>(() => null),
  /** The latest reply, as sent. */
  reply: latest<string>(() => ''),
  /** Who wrote the latest reply: the templates, the model, or the templates after the model's text failed the checks. */
  replySource: latest<ReplySource>(() => 'template'),
  /** Every turn's decisions, oldest first. */
  history: latest<TurnRecord[]>(() => []),
});

export type SupportStateType = typeof SupportState.State;
export type SupportUpdate = typeof SupportState.Update;
