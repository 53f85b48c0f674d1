// What the planner makes of the model's answer before the graph acts on it: a failed call becomes
// one clear MODEL_FAILED error (after the client's own retries, which honour Retry-After and back
// off), and tool calls whose arguments are not valid JSON are kept as calls, so that each gets an
// error reply the model can read and correct, and the conversation sent back stays well-formed.
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { CodedError, ErrorCode } from '../../errors.ts';

/** Marks the tool calls whose arguments could not be parsed; run-tools answers them with an error. */
export const UNPARSEABLE_ARGUMENTS = '__unparseable_arguments';

function describeFailure(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (typeof status === 'number' && status === 429) return `the model service is rate limiting requests (HTTP 429): ${message}`;
  if (typeof status === 'number') return `the model service answered HTTP ${status}: ${message}`;
  if (/timeout|timed out/i.test(`${name} ${message}`)) return `the model did not answer in time: ${message}`;
  if (/connection|ECONNREFUSED|ECONNRESET|fetch failed/i.test(`${name} ${message}`)) return `cannot reach the model service: ${message}`;
  return `the model's answer could not be read: ${message}`;
}

/** The parser's error without LangChain's troubleshooting lines. */
const firstLine = (error: string | undefined): string => (error ?? '').split('\n')[0]!.trim() || 'the arguments are not valid JSON';

/** A model failure that outlived the client's retries, as the error surfaces show. */
export function modelFailure(error: unknown): CodedError {
  if (error instanceof CodedError) return error;
  return new CodedError(ErrorCode.ModelFailed, `${describeFailure(error)}. Nothing was changed; send the message again to retry.`, { cause: error });
}

/**
 * The model's message with unparseable tool calls turned into calls marked UNPARSEABLE_ARGUMENTS
 * (their parse error as the value). Without this they would vanish from the calls the graph runs,
 * and the provider would later reject a conversation whose tool calls have no replies.
 */
export function withUnparseableCallsKept(reply: BaseMessage): BaseMessage {
  if (!AIMessage.isInstance(reply) || !reply.invalid_tool_calls?.length) return reply;
  const kept = reply.invalid_tool_calls.map((call, index) => ({
    type: 'tool_call' as const,
    id: call.id ?? `unparseable_${index}`,
    name: call.name ?? 'unknown',
    args: { [UNPARSEABLE_ARGUMENTS]: firstLine(call.error) },
  }));
  const { tool_calls: _raw, ...otherKwargs } = reply.additional_kwargs;
  return new AIMessage({
    id: reply.id,
    content: reply.content,
    tool_calls: [...(reply.tool_calls ?? []), ...kept],
    invalid_tool_calls: [],
    additional_kwargs: otherKwargs,
    response_metadata: reply.response_metadata,
    usage_metadata: reply.usage_metadata,
  });
}
