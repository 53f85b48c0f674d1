// The support graph. A customer message enters; its sentiment, intent and identifiers are read,
// the customer is verified when they give an order number and its e-mail or phone, the tone policy
// picks the register, the escalation rules may hand over to a person, the answer is decided from
// the database and the policies, written (templates, or the model under checks) and recorded.
// Exported uncompiled: callers compile it with the checkpointer they need.
import { END, START, StateGraph } from '@langchain/langgraph';
import { escalationAfterAnswer, escalationBeforeAnswer } from './decide/escalation.ts';
import type { SupportDeps } from './deps.ts';
import { makeAnswerRequest } from './nodes/answer-request.ts';
import { makeChooseTone } from './nodes/choose-tone.ts';
import { makeHandOver } from './nodes/hand-over.ts';
import { makeIdentifyCustomer } from './nodes/identify-customer.ts';
import { latestCustomerText, makeReadMessage } from './nodes/read-message.ts';
import { makeRecordTurn } from './nodes/record-turn.ts';
import { makeWriteReply } from './nodes/write-reply.ts';
import { SupportState, type SupportStateType } from './state.ts';

/** Before answering: a conversation already with a person, legal or safety words, a request for a human, or repeated fury hand over. */
export function makeRouteBeforeAnswer(deps: SupportDeps) {
  return function routeBeforeAnswer(state: SupportStateType): 'handOver' | 'answerRequest' {
    if (state.escalation) return 'handOver';
    const reason = escalationBeforeAnswer(latestCustomerText(state), { veryNegativeTurns: state.veryNegativeTurns }, deps.supportPolicy.escalation);
    return reason ? 'handOver' : 'answerRequest';
  };
}

/** After deciding the answer: too many turns without progress hand over instead of replying. */
export function makeRouteAfterAnswer(deps: SupportDeps) {
  return function routeAfterAnswer(state: SupportStateType): 'handOver' | 'writeReply' {
    return escalationAfterAnswer(state.turnsWithoutProgress, deps.supportPolicy.escalation) ? 'handOver' : 'writeReply';
  };
}

export function buildSupportGraph(deps: SupportDeps) {
  return (
    new StateGraph(SupportState)
      .addNode('readMessage', makeReadMessage(deps))
      .addNode('identifyCustomer', makeIdentifyCustomer(deps))
      .addNode('chooseTone', makeChooseTone(deps))
      .addNode('answerRequest', makeAnswerRequest(deps))
      .addNode('writeReply', makeWriteReply(deps))
      .addNode('handOver', makeHandOver(deps))
      .addNode('recordTurn', makeRecordTurn(deps))
      // Every customer message starts a turn: sentiment, language, intent and identifiers.
      .addEdge(START, 'readMessage')
      // An order number with its e-mail or phone verifies the customer before anything is answered.
      .addEdge('readMessage', 'identifyCustomer')
      // The tone policy picks the register from the sentiment band and trend.
      .addEdge('identifyCustomer', 'chooseTone')
      // Escalation rules that need no answer (human request, legal/safety, repeated fury) hand over first.
      .addConditionalEdges('chooseTone', makeRouteBeforeAnswer(deps), ['handOver', 'answerRequest'])
      // Too many turns without progress hand over; otherwise the decided answer is written.
      .addConditionalEdges('answerRequest', makeRouteAfterAnswer(deps), ['handOver', 'writeReply'])
      // Replies and hand-overs alike are recorded with the tone chosen for the turn.
      .addEdge('writeReply', 'recordTurn')
      .addEdge('handOver', 'recordTurn')
      .addEdge('recordTurn', END)
  );
}
