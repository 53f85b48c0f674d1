// The support bot as the surfaces use it: send a customer message to a conversation and get the
// reply with the tone chosen, any offer and any hand-over; read a conversation's turns.
// Conversations live in the checkpointer, so any process can pick one up.
import { HumanMessage } from '@langchain/core/messages';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { EscalationReason, Register, SentimentBand, SentimentTrend } from '../../domain/support-policy.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import type { Sentiment } from '../../sentiment/sentiment.ts';
import type { CompensationOffer } from './decide/compensation.ts';
import type { SupportDeps } from './deps.ts';
import { buildSupportGraph } from './graph.ts';
import type { SupportStateType, TurnRecord } from './state.ts';

const RECURSION_LIMIT = 20;
export const MAX_MESSAGE_LENGTH = 8000;

export interface SupportReply {
  threadId: string;
  turn: number;
  reply: string;
  language: Locale;
  sentiment: Sentiment;
  tone: { band: SentimentBand; trend: SentimentTrend; register: Register };
  offer: CompensationOffer | null;
  /** Whether the customer is verified (never who they are: surfaces may show this to anyone). */
  verified: boolean;
  /** Set from the turn that handed over on. */
  escalation: { reason: EscalationReason; summary: string } | null;
  replySource: SupportStateType['replySource'];
}

export class SupportService {
  readonly #graph;

  constructor(deps: SupportDeps, checkpointer: BaseCheckpointSaver) {
    this.#graph = buildSupportGraph(deps).compile({ checkpointer });
  }

  #config(threadId: string) {
    return { configurable: { thread_id: threadId }, recursionLimit: RECURSION_LIMIT };
  }

  /** One customer message; resolves with the reply the customer sees. */
  async send(threadId: string, text: string): Promise<SupportReply> {
    const message = text.trim();
    if (!message) throw new CodedError(ErrorCode.InvalidInput, 'message is empty: write your question or problem');
    if (message.length > MAX_MESSAGE_LENGTH) throw new CodedError(ErrorCode.InvalidInput, `message is longer than ${MAX_MESSAGE_LENGTH} characters; please shorten it`);
    const state = (await this.#graph.invoke({ messages: [new HumanMessage(message)] }, this.#config(threadId))) as SupportStateType;
    return toReply(threadId, state);
  }

  /** The decisions of every turn so far (empty for an unknown conversation). */
  async turns(threadId: string): Promise<TurnRecord[]> {
    const snapshot = await this.#graph.getState(this.#config(threadId));
    return ((snapshot.values as Partial<SupportStateType>).history ?? []) as TurnRecord[];
  }

  /** The latest turn's reply, or null when the conversation has no messages yet. */
  async latest(threadId: string): Promise<SupportReply | null> {
    const snapshot = await this.#graph.getState(this.#config(threadId));
    const values = snapshot.values as Partial<SupportStateType>;
    return values.turn ? toReply(threadId, values as SupportStateType) : null;
  }
}

function toReply(threadId: string, state: SupportStateType): SupportReply {
  const { band, trend, register } = state.tone!;
  return {
    threadId,
    turn: state.turn,
    reply: state.reply,
    language: state.language,
    sentiment: state.sentiment!,
    tone: { band, trend, register },
    offer: state.offer,
    verified: state.customer !== null,
    escalation: state.escalation ? { reason: state.escalation, summary: state.summary ?? '' } : null,
    replySource: state.replySource,
  };
}
