// Asks the chat model for its next step: tool calls that build the plan, or words to the marketer.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { SystemMessage } from '@langchain/core/messages';
import { tool as toLangChainTool } from '@langchain/core/tools';
import type { PlannerTool } from '../../../../tools/planner-tool.ts';
import { loadPrompt } from '../../../prompts/load-prompt.ts';
import { modelFailure, withUnparseableCallsKept } from '../model-reply.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

export function makeCallModel({ chatModel, tools }: { chatModel: BaseChatModel; tools: readonly PlannerTool[] }) {
  // The LangChain tool objects only describe the tools to the model; the run-tools node executes them.
  const described = tools.map((plannerTool) =>
    toLangChainTool(async () => '', { name: plannerTool.name, description: plannerTool.description, schema: plannerTool.input }),
  );
  const model = chatModel.bindTools ? chatModel.bindTools(described) : chatModel;
  return async function callModel(state: PlannerStateType): Promise<PlannerUpdate> {
    const system = new SystemMessage(loadPrompt('planner').text);
    let reply;
    try {
      reply = await model.invoke([system, ...state.messages]);
    } catch (error) {
      throw modelFailure(error);
    }
    return { messages: [withUnparseableCallsKept(reply)] };
  };
}
