// A real HTTP server on localhost that speaks the OpenAI chat-completions and embeddings API with
// scripted answers, so the model path is tested end to end without reaching any model service.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedOffline } from '../models/offline-embedder.ts';

export interface ScriptedToolCall {
  name: string;
  arguments: unknown;
}

/**
 * One scripted answer: words, tool calls, an HTTP failure, a body cut off mid-way (sent as is with
 * status 200), or another answer given only after a delay (for timeouts and latency).
 */
export type ScriptedAnswer =
  | { content: string }
  | { toolCalls: ScriptedToolCall[] }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { truncatedBody: string }
  | { delayMs: number; then: ScriptedAnswer };

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  /** When the request arrived (its headers were read), on this process's `performance.now()` clock. */
  arrivedAtMs: number;
}

export interface MockOpenAiServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Chat requests answered so far. */
  chatCalls(): number;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

function completion(answer: { content: string } | { toolCalls: ScriptedToolCall[] }, model: string, index: number) {
  const toolCalls =
    'toolCalls' in answer
      ? answer.toolCalls.map((call, i) => ({
          id: `call_${index}_${i}`,
          type: 'function',
          function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
        }))
      : undefined;
  return {
    id: `chatcmpl-${index}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
        message: { role: 'assistant', content: 'content' in answer ? answer.content : null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

export async function startMockOpenAiServer({
  answers,
}: {
  /** Answers in order, or a function choosing one from the request. */
  answers: ScriptedAnswer[] | ((body: Record<string, unknown>, index: number) => ScriptedAnswer);
}): Promise<MockOpenAiServer> {
  const requests: RecordedRequest[] = [];
  let chatIndex = 0;
  const server: Server = createServer(async (request, response) => {
    const arrivedAtMs = performance.now();
    const body = await readJson(request);
    const path = request.url ?? '';
    requests.push({ path, body, arrivedAtMs });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    if (path.endsWith('/embeddings')) {
      const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      send(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: embedOffline(text) })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
      return;
    }
    if (!path.endsWith('/chat/completions')) {
      send(404, { error: { message: `no route ${path}` } });
      return;
    }
    const index = chatIndex++;
    let answer = typeof answers === 'function' ? answers(body, index) : answers[index];
    while (answer && 'delayMs' in answer) {
      const { delayMs, then } = answer;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (response.destroyed || request.destroyed) return; // the client gave up waiting
      answer = then;
    }
    if (!answer) {
      send(500, { error: { message: `the script has no answer number ${index + 1}` } });
      return;
    }
    if ('truncatedBody' in answer) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer.truncatedBody);
      return;
    }
    if ('status' in answer) {
      send(answer.status, answer.body ?? { error: { message: `scripted status ${answer.status}` } }, answer.headers);
      return;
    }
    send(200, completion(answer, String(body.model ?? 'mock'), index));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatCalls: () => chatIndex,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
