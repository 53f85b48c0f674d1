// The built-in deterministic planner model, used when no API key is configured. It speaks the same
// protocol as a real chat model with tools: it reads the conversation, parses the goal (English or
// Chinese) with the offline parser and answers with the same tool calls a real model would make:
//   turn 1: query_segment(brief, definition, assumptions)
//   turn 2: forecast_impact + generate_copy + schedule_send (in parallel)
// or with one clarifying question when the goal is too vague.
import type { BaseMessage } from '@langchain/core/messages';
import { AIMessage } from '@langchain/core/messages';
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import type { ChatResult } from '@langchain/core/outputs';
import { PLAN_COMPLETION_TOOLS, ToolName } from '../../../tools/tool-names.ts';
import type { Brief } from '../../domain/brief.ts';
import type { SegmentDefinition } from '../../domain/segment.ts';
import { parseGoal } from './parse/parse-goal.ts';
import { parseRefinement } from './parse/parse-refinement.ts';
import { readConversation, type ConversationTurn } from './read-conversation.ts';

export interface OfflinePlannerModelOptions extends BaseChatModelParams {
  /** The marketer's zone for relative dates. */
  timeZone?: string;
  /** Clock, settable for exact tests. */
  now?: () => Date;
}

let callCounter = 0;
function toolCallId(name: string): string {
  callCounter += 1;
  return `call_${name}_${Date.now().toString(36)}_${callCounter}`;
}

function segmentCall(brief: Brief, definition: SegmentDefinition, assumptions: string[]) {
  return { id: toolCallId(ToolName.querySegment), name: ToolName.querySegment, args: { brief, definition, assumptions }, type: 'tool_call' as const };
}

export class OfflinePlannerModel extends BaseChatModel {
  readonly timeZone: string;
  readonly now: () => Date;

  constructor({ timeZone = 'UTC', now = () => new Date(), ...rest }: OfflinePlannerModelOptions = {}) {
    super(rest);
    this.timeZone = timeZone;
    this.now = now;
  }

  _llmType(): string {
    return 'campaign-agent-offline';
  }

  // Tools are known by name; binding them changes nothing about how this model answers.
  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.answer(readConversation(messages));
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }

  private answer(turn: ConversationTurn): AIMessage {
    const options = { now: this.now(), timeZone: this.timeZone };
    if (turn.toolError) {
      return new AIMessage(turn.locale === 'zh' ? `抱歉，我没能完成这一步：${turn.toolError}` : `I could not complete that step: ${turn.toolError}`);
    }
    if (turn.guardrailFeedback !== null) {
      // The offline model does not bargain with the rules: it explains the block and stops.
      const reasons = turn.guardrailFeedback.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
      return new AIMessage(
        turn.locale === 'zh' ? `该方案无法执行，原因：${reasons.join('；')}` : `This plan cannot go ahead: ${reasons.join('; ')}`,
      );
    }
    if (turn.answeredTools.has(ToolName.querySegment)) {
      const missing = PLAN_COMPLETION_TOOLS.filter((name) => !turn.answeredTools.has(name));
      if (missing.length === 0) {
        return new AIMessage(turn.locale === 'zh' ? '方案已准备好，请查看。' : 'The plan is ready for your review.');
      }
      return new AIMessage({
        content: '',
        tool_calls: missing.map((name) => ({ id: toolCallId(name), name, args: {}, type: 'tool_call' as const })),
      });
    }
    if (turn.current) {
      const refinement = parseRefinement(turn.request, turn.current, options);
      switch (refinement.kind) {
        case 'revise':
          return new AIMessage({
            content: refinement.changes.join('; '),
            tool_calls: [segmentCall(refinement.brief, refinement.segment, turn.current.assumptions)],
          });
        case 'unclear':
          return new AIMessage(refinement.question);
        case 'approve':
        case 'reject':
          return new AIMessage(
            turn.current.brief.locale === 'zh' ? '目前没有等待审批的方案。' : 'There is no plan waiting for approval right now.',
          );
        case 'new_goal':
          break;
      }
    }
    const parsed = parseGoal(turn.request, options);
    if (parsed.clarification) return new AIMessage(parsed.clarification);
    return new AIMessage({ content: '', tool_calls: [segmentCall(parsed.brief, parsed.segment, parsed.assumptions)] });
  }
}
