// Executes the tool calls of the model's last message. Arguments are validated against each tool's
// schema first; a bad argument or a failing tool becomes an error reply naming what is wrong, which
// the model reads and can correct. query_segment runs before the others of the same turn, and a new
// segment discards the forecast, copy and schedule made for the previous one.
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import type { ToolCall } from '@langchain/core/messages/tool';
import type { DraftParts, PlannerTool, PlannerToolContext } from '../../../../tools/planner-tool.ts';
import { ToolName } from '../../../../tools/tool-names.ts';
import { describeIssues } from '../../../errors.ts';
import type { PlannerDeps } from '../deps.ts';
import { UNPARSEABLE_ARGUMENTS } from '../model-reply.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

function draftOf(state: PlannerStateType): Partial<DraftParts> {
  return {
    brief: state.brief ?? undefined,
    segment: state.segment ?? undefined,
    audience: state.audience ?? undefined,
    forecast: state.forecast ?? undefined,
    copy: state.copy.length ? state.copy : undefined,
    schedule: state.schedule ?? undefined,
  };
}

async function runOne(call: ToolCall, tools: ReadonlyMap<string, PlannerTool>, context: PlannerToolContext) {
  const reply = (content: unknown, status: 'success' | 'error') =>
    new ToolMessage({ tool_call_id: call.id ?? call.name, name: call.name, status, content: typeof content === 'string' ? content : JSON.stringify(content) });
  const unparseable = (call.args as Record<string, unknown> | undefined)?.[UNPARSEABLE_ARGUMENTS];
  if (unparseable !== undefined) {
    return { parts: {}, message: reply(`the arguments for ${call.name} are not valid JSON (${String(unparseable)}): send the call again with one JSON object`, 'error') };
  }
  const plannerTool = tools.get(call.name);
  if (!plannerTool) {
    return { parts: {}, message: reply(`unknown tool "${call.name}": use one of ${[...tools.keys()].join(', ')}`, 'error') };
  }
  const parsed = plannerTool.input.safeParse(call.args ?? {});
  if (!parsed.success) {
    return { parts: {}, message: reply(`invalid arguments for ${call.name}: ${describeIssues(parsed.error.issues)}`, 'error') };
  }
  try {
    const outcome = await plannerTool.run(parsed.data, context);
    return { parts: outcome.parts, message: reply(outcome.reply, 'success') };
  } catch (error) {
    return { parts: {}, message: reply(`${call.name} failed: ${(error as Error).message}`, 'error') };
  }
}

export function makeRunTools(deps: PlannerDeps, tools: readonly PlannerTool[]) {
  const byName = new Map(tools.map((plannerTool) => [plannerTool.name as string, plannerTool]));
  const now = deps.now ?? (() => new Date());
  return async function runTools(state: PlannerStateType): Promise<PlannerUpdate> {
    const last = state.messages[state.messages.length - 1];
    const calls = last && AIMessage.isInstance(last) ? (last.tool_calls ?? []) : [];
    const asOf = state.asOf ?? now().toISOString();
    let draft = draftOf(state);
    const context = (): PlannerToolContext => ({ db: deps.db, policy: deps.policy, embedder: deps.embedder, asOf: new Date(asOf), draft, copyModel: deps.copyModel ?? null });

    const segmentCalls = calls.filter((call) => call.name === ToolName.querySegment);
    const otherCalls = calls.filter((call) => call.name !== ToolName.querySegment);
    const messages: ToolMessage[] = [];
    let revision = state.revision;
    let newSegment = false;

    for (const call of segmentCalls) {
      const result = await runOne(call, byName, context());
      messages.push(result.message);
      if (result.parts.segment) {
        // A new audience: whatever was made for the previous one no longer applies.
        draft = { brief: result.parts.brief, segment: result.parts.segment, audience: result.parts.audience };
        revision += 1;
        newSegment = true;
      }
    }
    const results = await Promise.all(otherCalls.map((call) => runOne(call, byName, context())));
    for (const result of results) {
      messages.push(result.message);
      draft = { ...draft, ...result.parts };
    }

    return {
      messages,
      asOf,
      revision,
      brief: draft.brief ?? null,
      segment: draft.segment ?? null,
      audience: draft.audience ?? null,
      forecast: draft.forecast ?? null,
      copy: draft.copy ?? [],
      schedule: draft.schedule ?? null,
      ...(newSegment ? { guardrails: [], exclusions: [], status: 'drafting' as const } : {}),
    };
  };
}
