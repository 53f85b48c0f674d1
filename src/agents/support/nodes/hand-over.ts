// Hands the conversation to a person: the configurable hand-over message with the reason and a
// summary of the conversation. Once handed over, later messages are told a person is on it.
import type { EscalationReason } from '../../../domain/support-policy.ts';
import { escalationAfterAnswer, escalationBeforeAnswer } from '../decide/escalation.ts';
import type { SupportDeps } from '../deps.ts';
import { summarizeConversation } from '../replies/summary.ts';
import type { SupportStateType, SupportUpdate, TurnRecord } from '../state.ts';
import { latestCustomerText } from './read-message.ts';

const STILL_WAITING = { en: 'A member of our support team has your conversation and will reply here shortly.', zh: '人工客服已接手您的对话，很快会在这里回复您。' };

/** Why this turn hands over, judged again from the state (the routing functions decided the same). */
export function handOverReason(state: SupportStateType, deps: SupportDeps): EscalationReason {
  const policy = deps.supportPolicy.escalation;
  return (
    state.escalation ??
    escalationBeforeAnswer(latestCustomerText(state), { veryNegativeTurns: state.veryNegativeTurns }, policy) ??
    escalationAfterAnswer(state.turnsWithoutProgress, policy) ??
    'no_progress'
  );
}

export function makeHandOver(deps: SupportDeps) {
  const { supportPolicy } = deps;
  return function handOver(state: SupportStateType): SupportUpdate {
    if (state.escalation) return { reply: STILL_WAITING[state.language], replySource: 'template', answer: { points: [], crossSell: [] }, offer: null };
    const reason = handOverReason(state, deps);
    const language = state.language;
    const thisTurn: TurnRecord = { turn: state.turn, sentiment: state.sentiment!, tone: state.tone!, intent: state.intents[0]!, offer: state.offer, escalation: reason };
    const summary = summarizeConversation(state, [...state.history, thisTurn], reason, language);
    const template = supportPolicy.escalation.handoverMessage[language] ?? supportPolicy.escalation.handoverMessage.en ?? '{summary}';
    const why = supportPolicy.escalation.reasons[reason][language] ?? reason;
    // Discard anything the answer step decided: the person taking over decides now.
    return { escalation: reason, summary, reply: template.replace('{reason}', why).replace('{summary}', summary), replySource: 'template', offer: null, answer: { points: [], crossSell: [] } };
  };
}
