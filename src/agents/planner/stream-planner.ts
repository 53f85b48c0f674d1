// Runs one marketer message through the planner while reporting what happens: each graph node as it
// starts and finishes, and the model's words token by token when the model streams (an
// OpenAI-compatible one does; the offline model answers in one piece, so only progress is reported).
// The outcome is the same as PlannerService.send: the thread's plan afterwards.
import { AIMessageChunk, HumanMessage } from '@langchain/core/messages';
import { Command } from '@langchain/langgraph';
import { CodedError, ErrorCode } from '../../errors.ts';
import type { Plan } from '../../domain/plan.ts';
import type { PlannerService, Sender } from './planner-service.ts';

/** What a surface hears while a message is being planned. */
export type PlannerProgressEvent =
  | { type: 'node_started'; node: string }
  | { type: 'node_finished'; node: string }
  | { type: 'awaiting_approval' }
  | { type: 'token'; node: string; text: string };

export interface StreamPlannerOptions {
  onEvent?: (event: PlannerProgressEvent) => void;
  /** Stops the run between steps (the thread keeps what was done so far). */
  signal?: AbortSignal;
}

/** Nodes whose model output is the agent speaking to the marketer. */
const SPEAKING_NODES = new Set(['callModel']);

function tokenText(message: unknown): string {
  if (!AIMessageChunk.isInstance(message)) return '';
  const { content } = message;
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

function toEvent(mode: string, chunk: unknown): PlannerProgressEvent | null {
  if (mode === 'tasks' && typeof chunk === 'object' && chunk !== null && 'name' in chunk) {
    const task = chunk as { name: string; result?: unknown; interrupts?: unknown[] };
    if ('result' in task) return (task.interrupts?.length ?? 0) > 0 ? { type: 'awaiting_approval' } : { type: 'node_finished', node: task.name };
    return { type: 'node_started', node: task.name };
  }
  if (mode === 'messages' && Array.isArray(chunk)) {
    const [message, metadata] = chunk as [unknown, { langgraph_node?: string } | undefined];
    const node = metadata?.langgraph_node ?? '';
    const text = SPEAKING_NODES.has(node) ? tokenText(message) : '';
    return text ? { type: 'token', node, text } : null;
  }
  return null;
}

/**
 * A message from the marketer, streamed. While a plan waits for approval the message asks for a
 * change to it; otherwise it is a new goal or a refinement of the current one.
 */
export async function streamPlannerMessage(
  planner: PlannerService,
  threadId: string,
  text: string,
  sender: Sender,
  { onEvent = () => undefined, signal }: StreamPlannerOptions = {},
): Promise<Plan> {
  const message = text.trim();
  if (!message) throw new CodedError(ErrorCode.InvalidInput, 'message is empty: describe the campaign goal or the change you want');
  const awaitingApproval = await planner.isAwaitingApproval(threadId);
  const { graph, config } = planner.runnable(threadId);
  const options = { ...config, streamMode: ['tasks', 'messages'] as Array<'tasks' | 'messages'>, signal };
  const stream = awaitingApproval
    ? await graph.stream(new Command({ resume: { decision: 'revise', by: sender.by, role: sender.role, message } }), options)
    : await graph.stream({ messages: [new HumanMessage(message)], requestedBy: sender.by }, options);
  for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
    const event = toEvent(mode, chunk);
    if (event) onEvent(event);
  }
  const plan = await planner.currentPlan(threadId);
  if (!plan) throw new CodedError(ErrorCode.Internal, `thread ${threadId} has no plan after planning; try the message again`);
  return plan;
}
