// Records the turn: the reply joins the conversation, the decisions join the history, and one
// row goes to support_turns (sentiment, band, trend, register, offer, escalation, reply).
import { AIMessage } from '@langchain/core/messages';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { recordSupportTurn } from '../../../data/support-records.ts';
import type { SupportDeps } from '../deps.ts';
import type { SupportStateType, SupportUpdate, TurnRecord } from '../state.ts';

export function makeRecordTurn({ db, now = () => new Date() }: SupportDeps) {
  return async function recordTurn(state: SupportStateType, config: LangGraphRunnableConfig): Promise<SupportUpdate> {
    const sentiment = state.sentiment!;
    const tone = state.tone!;
    const escalatedNow = state.escalation !== null && !state.history.some((turn) => turn.escalation !== null);
    const record: TurnRecord = { turn: state.turn, sentiment, tone, intent: state.intents[0] ?? 'other', offer: state.offer, escalation: escalatedNow ? state.escalation : null };
    await recordSupportTurn(db, {
      threadId: String(config.configurable?.thread_id ?? 'unknown'),
      turn: state.turn,
      at: now(),
      customerId: state.customer?.customerId ?? null,
      language: state.language,
      intent: record.intent,
      sentiment,
      band: tone.band,
      trend: tone.trend,
      register: tone.register,
      offer: state.offer ? { amount: state.offer.amount, percent: state.offer.percent, orderId: state.offer.orderId } : null,
      escalationReason: record.escalation,
      replySource: state.replySource,
      reply: state.reply,
    });
    return { messages: [new AIMessage(state.reply)], history: [...state.history, record] };
  };
}
