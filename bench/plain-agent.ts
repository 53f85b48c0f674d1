// The comparison point for the planning benchmark: a plain LangChain `createAgent` agent given the
// planner's own tools (tools/*/tool.ts, adapted with langchain's `tool()`), the planner prompt and
// the same chat model, built once. Each run gets its own mutable draft, the equivalent of the draft the planner
// keeps in its graph state; no guardrails, approval, checkpoint or memory.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createAgent, tool } from 'langchain';
import type { DraftParts, PlannerTool, PlannerToolContext } from '../tools/planner-tool.ts';
import { ToolName } from '../tools/tool-names.ts';

export interface PlainAgentRun {
  draft: Partial<DraftParts>;
  messages: number;
}

/** Wraps one planner tool for langchain; the draft it reads and writes is the run's context. */
function adaptTool(plannerTool: PlannerTool, context: () => PlannerToolContext, keep: (parts: Partial<DraftParts>, newSegment: boolean) => void) {
  return tool(
    async function runPlannerTool(input: unknown) {
      const outcome = await plannerTool.run(input, context());
      keep(outcome.parts, plannerTool.name === ToolName.querySegment && outcome.parts.segment !== undefined);
      return JSON.stringify(outcome.reply);
    },
    { name: plannerTool.name, description: plannerTool.description, schema: plannerTool.input },
  );
}

export function createPlainAgentRunner({
  chatModel,
  tools,
  systemPrompt,
  baseContext,
}: {
  chatModel: BaseChatModel;
  tools: readonly PlannerTool[];
  systemPrompt: string;
  baseContext: Omit<PlannerToolContext, 'draft' | 'asOf'>;
}) {
  // One agent, built once like the planner's graph; runs are sequential and each starts a new draft.
  let current: { draft: Partial<DraftParts>; asOf: Date } = { draft: {}, asOf: new Date() };
  const context = (): PlannerToolContext => ({ ...baseContext, asOf: current.asOf, draft: current.draft });
  const keep = (parts: Partial<DraftParts>, newSegment: boolean) => {
    current.draft = newSegment ? { ...parts } : { ...current.draft, ...parts };
  };
  const agent = createAgent({ model: chatModel, tools: tools.map((plannerTool) => adaptTool(plannerTool, context, keep)), systemPrompt });
  return async function runPlainAgent(goal: string, asOf: Date): Promise<PlainAgentRun> {
    current = { draft: {}, asOf };
    const result = await agent.invoke({ messages: [{ role: 'user', content: goal }] });
    return { draft: current.draft, messages: result.messages.length };
  };
}
