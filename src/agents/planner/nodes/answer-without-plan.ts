// The model answered in words instead of tools: a clarifying question, or its explanation of why a
// blocked plan cannot go ahead.
import { AIMessage } from '@langchain/core/messages';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

export async function answerWithoutPlan(state: PlannerStateType): Promise<PlannerUpdate> {
  const last = state.messages[state.messages.length - 1];
  const text = last && AIMessage.isInstance(last) && typeof last.content === 'string' ? last.content : '';
  if (state.status === 'blocked') return { summary: text };
  return { status: 'needs_clarification', question: text, summary: text };
}
