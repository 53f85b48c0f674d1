// The planner graph. A marketer's message enters, the model plans with tools, deterministic
// guardrails check the draft, a human approves when policy says so, and the campaign is scheduled
// and remembered. Exported uncompiled: callers compile it with the checkpointer they need.
import { AIMessage } from '@langchain/core/messages';
import { END, START, StateGraph } from '@langchain/langgraph';
import { forecastImpactTool } from '../../../tools/forecast/tool.ts';
import { generateCopyTool } from '../../../tools/copy/tool.ts';
import type { PlannerTool } from '../../../tools/planner-tool.ts';
import { scheduleSendTool } from '../../../tools/schedule/tool.ts';
import { querySegmentTool } from '../../../tools/segments/tool.ts';
import { GUARDRAIL_FEEDBACK_NAME } from '../../../tools/tool-names.ts';
import type { PlannerDeps } from './deps.ts';
import { answerWithoutPlan } from './nodes/answer-without-plan.ts';
import { makeAwaitApproval } from './nodes/await-approval.ts';
import { makeBeginRequest } from './nodes/begin-request.ts';
import { makeCallModel } from './nodes/call-model.ts';
import { makeCheckGuardrails } from './nodes/check-guardrails.ts';
import { makeDecideApproval } from './nodes/decide-approval.ts';
import { makeRememberCampaign } from './nodes/remember-campaign.ts';
import { makeRunTools } from './nodes/run-tools.ts';
import { makeScheduleCampaign } from './nodes/schedule-campaign.ts';
import { PlannerState, type PlannerStateType } from './state.ts';

export const PLANNER_TOOLS: readonly PlannerTool[] = [querySegmentTool, forecastImpactTool, generateCopyTool, scheduleSendTool] as PlannerTool[];

/** After the model: run its tool calls, or take its words as the answer. */
export function routeAfterModel(state: PlannerStateType): 'runTools' | 'answerWithoutPlan' {
  const last = state.messages[state.messages.length - 1];
  return last && AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) > 0 ? 'runTools' : 'answerWithoutPlan';
}

/** After tools: a complete draft goes to the guardrails; otherwise the model takes the next step. */
export function routeAfterTools(state: PlannerStateType): 'checkGuardrails' | 'callModel' {
  const complete = state.brief && state.segment && state.audience && state.forecast && state.copy.length > 0 && state.schedule;
  return complete ? 'checkGuardrails' : 'callModel';
}

/** After guardrails: a block goes back to the model while revisions remain, else ends; a pass goes on. */
export function routeAfterGuardrails(state: PlannerStateType): 'callModel' | 'decideApproval' | typeof END {
  if (state.status !== 'blocked') return 'decideApproval';
  const last = state.messages[state.messages.length - 1];
  return last?.name === GUARDRAIL_FEEDBACK_NAME ? 'callModel' : END;
}

export function routeAfterDecision(state: PlannerStateType): 'awaitApproval' | 'scheduleCampaign' {
  return state.approval?.required ? 'awaitApproval' : 'scheduleCampaign';
}

/** After a human answered: approved goes on, rejected ends, a change request goes back to the model. */
export function routeAfterApproval(state: PlannerStateType): 'scheduleCampaign' | 'beginRequest' | 'awaitApproval' | typeof END {
  if (state.status === 'drafting') return 'beginRequest';
  if (state.approval?.decision === 'approved') return 'scheduleCampaign';
  if (state.approval?.decision === 'rejected') return END;
  return 'awaitApproval'; // not understood or not allowed: ask again
}

export function buildPlannerGraph(deps: PlannerDeps) {
  return (
    new StateGraph(PlannerState)
      .addNode('beginRequest', makeBeginRequest(deps))
      .addNode('callModel', makeCallModel({ chatModel: deps.chatModel, tools: PLANNER_TOOLS }))
      .addNode('runTools', makeRunTools(deps, PLANNER_TOOLS))
      .addNode('answerWithoutPlan', answerWithoutPlan)
      .addNode('checkGuardrails', makeCheckGuardrails(deps))
      .addNode('decideApproval', makeDecideApproval(deps))
      .addNode('awaitApproval', makeAwaitApproval(deps))
      .addNode('scheduleCampaign', makeScheduleCampaign(deps))
      .addNode('rememberCampaign', makeRememberCampaign(deps))
      // Every message from the marketer starts a request.
      .addEdge(START, 'beginRequest')
      .addEdge('beginRequest', 'callModel')
      // The model either calls tools or answers in words (a question, or why a plan is blocked).
      .addConditionalEdges('callModel', routeAfterModel, ['runTools', 'answerWithoutPlan'])
      .addEdge('answerWithoutPlan', END)
      // Tools fill in the draft; once it is complete, guardrails check it.
      .addConditionalEdges('runTools', routeAfterTools, ['checkGuardrails', 'callModel'])
      // Guardrails pass, fix, or block (back to the model for a bounded number of revisions).
      .addConditionalEdges('checkGuardrails', routeAfterGuardrails, ['callModel', 'decideApproval', END])
      // Policy decides whether a human must approve before anything is queued.
      .addConditionalEdges('decideApproval', routeAfterDecision, ['awaitApproval', 'scheduleCampaign'])
      .addConditionalEdges('awaitApproval', routeAfterApproval, ['scheduleCampaign', 'beginRequest', 'awaitApproval', END])
      // Scheduled campaigns are remembered for future plans.
      .addEdge('scheduleCampaign', 'rememberCampaign')
      .addEdge('rememberCampaign', END)
  );
}
