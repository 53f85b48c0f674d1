// A local OpenAI-compatible chat model that streams (Server-Sent Events, `chat.completion.chunk`) a
// scripted answer after a fixed delay, word by word, and records per request when it arrived, when
// its first content token was written and when it finished: the server benchmark subtracts model
// time from session time and pairs the first token with the first SSE event the client sees.
// Embedding requests are answered by the offline embedder. Non-streaming requests get one JSON answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedOffline } from '../src/models/offline-embedder.ts';

export interface StreamedAnswer {
  /** Words said before any tool call. */
  content: string;
  toolCalls: Array<{ name: string; arguments: unknown }>;
}

export interface ModelRequestTiming {
  /** The user message of the conversation (identifies the session). */
  goal: string;
  arrivedAt: number;
  firstTokenAt: number | null;
  finishedAt: number;
}

export interface StreamingMockModel {
  baseUrl: string;
  timings: ModelRequestTiming[];
  close(): Promise<void>;
}

const CHUNK_GAP_MS = 2;

export async function startStreamingMockModel({
  latencyMs,
  answer,
}: {
  /** Delay before the first byte of every answer. */
  latencyMs: number;
  answer: (body: Record<string, unknown>) => StreamedAnswer;
}): Promise<StreamingMockModel> {
  const timings: ModelRequestTiming[] = [];
  const server: Server = createServer(async function answerLater(request, response) {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const path = request.url ?? '';
    await new Promise((wait) => setTimeout(wait, latencyMs));
    if (path.endsWith('/embeddings')) {
      const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: embedOffline(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
      return;
    }
    const messages = (body.messages ?? []) as Array<{ role: string; content: unknown }>;
    const goal = String(messages.find((message) => message.role === 'user')?.content ?? '');
    const scripted = answer(body);
    const id = `chatcmpl-${timings.length}`;
    const toolCalls = scripted.toolCalls.map((call, index) => ({ index, id: `call_${timings.length}_${index}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }));
    const finishReason = toolCalls.length ? 'tool_calls' : 'stop';
    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: 'mock', choices: [{ index: 0, finish_reason: finishReason, message: { role: 'assistant', content: scripted.content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) } }] }));
      timings.push({ goal, arrivedAt, firstTokenAt: null, finishedAt: performance.now() });
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (delta: Record<string, unknown>, finish: string | null = null) =>
      response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: 'mock', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: 'assistant', content: '' });
    let firstTokenAt: number | null = null;
    for (const word of scripted.content.split(/(?<= )/)) {
      if (!word) continue;
      send({ content: word });
      firstTokenAt ??= performance.now();
      await new Promise((wait) => setTimeout(wait, CHUNK_GAP_MS));
    }
    if (toolCalls.length) send({ tool_calls: toolCalls });
    send({}, finishReason);
    response.end('data: [DONE]\n\n');
    timings.push({ goal, arrivedAt, firstTokenAt, finishedAt: performance.now() });
  });
  // Keep idle connections longer than a slow plan step takes: the model client reuses them, and a
  // socket the server closed meanwhile fails that request (ECONNRESET) instead of being retried.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    timings,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
