// Reads a planner conversation the way the offline model needs it: the latest request from the
// marketer, which tools have answered since, and the brief and segment currently planned.
import type { BaseMessage } from '@langchain/core/messages';
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { GUARDRAIL_FEEDBACK_NAME, ToolName } from '../../../tools/tool-names.ts';
import { Brief } from '../../domain/brief.ts';
import { SegmentDefinition } from '../../domain/segment.ts';
import type { Locale } from '../../domain/vocabulary.ts';


export interface ConversationTurn {
  /** The marketer's latest message. */
  request: string;
  locale: Locale;
  /** Tools that answered (successfully) after the latest request. */
  answeredTools: Set<string>;
  /** The error text of the newest failed tool call after the latest request, if any. */
  toolError: string | null;
  /** The guardrails' message when they blocked the plan after the latest request, if any. */
  guardrailFeedback: string | null;
  /** Brief and segment of the plan in progress, from the latest successful query_segment call. */
  current: { brief: Brief; segment: SegmentDefinition; assumptions: string[] } | null;
}

function textOf(message: BaseMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

export function readConversation(messages: BaseMessage[]): ConversationTurn {
  const isFeedback = (message: BaseMessage) => message.name === GUARDRAIL_FEEDBACK_NAME;
  const lastRequest = messages.findLastIndex((message) => HumanMessage.isInstance(message) && !isFeedback(message));
  const lastFeedback = messages.findLastIndex((message) => HumanMessage.isInstance(message) && isFeedback(message));
  const guardrailFeedback = lastFeedback > lastRequest ? textOf(messages[lastFeedback]!) : null;
  const request = lastRequest >= 0 ? textOf(messages[lastRequest]!) : '';
  const answeredTools = new Set<string>();
  let toolError: string | null = null;
  const callNames = new Map<string, string>();
  let current: ConversationTurn['current'] = null;

  messages.forEach((message, index) => {
    if (AIMessage.isInstance(message)) {
      for (const call of message.tool_calls ?? []) {
        if (call.id) callNames.set(call.id, call.name);
        if (call.name !== ToolName.querySegment) continue;
        const brief = Brief.safeParse(call.args.brief);
        const segment = SegmentDefinition.safeParse(call.args.definition);
        if (brief.success && segment.success) {
          const assumptions = Array.isArray(call.args.assumptions) ? call.args.assumptions.map(String) : [];
          current = { brief: brief.data, segment: segment.data, assumptions };
        }
      }
    }
    if (index > lastRequest && ToolMessage.isInstance(message)) {
      const name = callNames.get(message.tool_call_id) ?? message.name ?? '';
      if (message.status === 'error') toolError = textOf(message);
      else answeredTools.add(name);
    }
  });

  const locale: Locale = /\p{Script=Han}/u.test(request) ? 'zh' : ((current as ConversationTurn['current'])?.brief.locale ?? 'en');
  return { request, locale, answeredTools, toolError, guardrailFeedback, current };
}
