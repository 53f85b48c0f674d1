// A chat model that stands in for the real one during evals: with `record` it asks the real model
// and writes each answer to the recording store; with `replay` it answers only from recordings and
// never calls a model, failing with a RecordingUnavailableError that says whether the recording
// is stale or missing. The planner receives it as its chatModel and cannot tell the difference.
import { createHash } from 'node:crypto';
import type { BaseChatModel, BaseChatModelCallOptions, BindToolsInput } from '@langchain/core/language_models/chat_models';
import { BaseChatModel as ChatModelBase } from '@langchain/core/language_models/chat_models';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import type { LoadedPrompt } from '../prompts/load-prompt.ts';
import type { KeyedMessage, PromptIdentity, RecordedResponse, RecordingRequest, RecordingStore } from './recordings.ts';
import { recordingKey } from './recordings.ts';

export type RecordingMode = 'record' | 'replay';

type Answering = Pick<Runnable<BaseLanguageModelInput, BaseMessage>, 'invoke'>;

export interface RecordingChatModelOptions {
  store: RecordingStore;
  mode: RecordingMode;
  /** Name the recordings are filed under (the real model's name). */
  modelName: string;
  /** Prompt files the planner's system messages come from, to name and hash them. */
  prompts: readonly LoadedPrompt[];
  /** The real model; required to record, never called in a replay. */
  inner?: BaseChatModel;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function textOf(message: BaseMessage): string {
  return typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
}

function keyedMessage(message: BaseMessage): KeyedMessage {
  const keyed: KeyedMessage = { type: message.getType(), content: message.content };
  if (message.name) keyed.name = message.name;
  if (AIMessage.isInstance(message) && message.tool_calls?.length) keyed.toolCalls = message.tool_calls.map((call) => ({ name: call.name, args: call.args }));
  const status = (message as { status?: unknown }).status;
  if (message.getType() === 'tool' && typeof status === 'string') keyed.status = status;
  return keyed;
}

function responseOf(message: BaseMessage): RecordedResponse {
  const toolCalls = AIMessage.isInstance(message) ? (message.tool_calls ?? []) : [];
  return { content: message.content, toolCalls: toolCalls.map((call, index) => ({ id: call.id ?? `call_${index}`, name: call.name, args: call.args })) };
}

function messageOf(response: RecordedResponse): AIMessage {
  return new AIMessage({
    content: response.content as AIMessage['content'],
    tool_calls: response.toolCalls.map((call) => ({ ...call, type: 'tool_call' as const })),
  });
}

export class RecordingChatModel extends ChatModelBase {
  readonly #options: RecordingChatModelOptions;
  readonly #answering: Answering | null;
  readonly #toolsDigest: string;

  constructor(options: RecordingChatModelOptions, bound: { answering?: Answering | null; toolsDigest?: string } = {}) {
    super({});
    this.#options = options;
    this.#answering = bound.answering ?? options.inner ?? null;
    this.#toolsDigest = bound.toolsDigest ?? sha256('[]');
  }

  _llmType(): string {
    return 'campaign-agent-recording';
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<BaseChatModelCallOptions>): RecordingChatModel {
    const described = tools.map((tool) => convertToOpenAITool(tool));
    const inner = this.#options.inner;
    const answering = inner?.bindTools ? inner.bindTools(tools, kwargs) : (inner ?? null);
    return new RecordingChatModel(this.#options, { answering, toolsDigest: sha256(JSON.stringify(described)) });
  }

  #promptOf(messages: BaseMessage[]): PromptIdentity {
    const system = messages.find((message) => message.getType() === 'system');
    if (!system) return { name: '(none)', sha256: sha256('') };
    const text = textOf(system);
    const known = this.#options.prompts.find((prompt) => prompt.text === text);
    return known ? { name: known.name, sha256: known.sha256 } : { name: '(inline)', sha256: sha256(text) };
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const { store, mode, modelName } = this.#options;
    const request: RecordingRequest = {
      model: modelName,
      prompt: this.#promptOf(messages),
      toolsDigest: this.#toolsDigest,
      messages: messages.filter((message) => message.getType() !== 'system').map(keyedMessage),
    };
    const key = recordingKey(request);
    const { caseId, call } = store.nextCall();
    const recorded = store.find(key);
    if (mode === 'replay') {
      if (!recorded) throw store.diagnose(request, caseId, call);
      const message = messageOf(recorded.response);
      return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
    }
    if (!this.#answering) throw new Error(`recording ${modelName} needs the real model, and none was given`);
    // Another case of this run made the very same request: its answer is this case's too, so that
    // both replay the conversation that was recorded.
    const earlier = store.findWritten(key);
    const response = earlier ? earlier.response : responseOf(await this.#answering.invoke(messages, { signal: options.signal }));
    store.save({ version: 1, key, model: modelName, prompt: request.prompt, toolsDigest: this.#toolsDigest, request: request.messages, response }, { caseId, call });
    const message = messageOf(response);
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }
}
