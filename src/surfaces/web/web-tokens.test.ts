// With an OpenAI-compatible model the stream carries the model's words token by token. A local
// server stands in for the model and answers in streamed chunks, as the real API does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOffline } from '../../models/offline-embedder.ts';
import { readEvents, startTestServer, type TestServer } from './web-test-server.ts';

const QUESTION = ['Which ', 'channel ', 'should ', 'I ', 'use?'];

function chunk(delta: Record<string, unknown>, finish: string | null = null) {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'mock', choices: [{ index: 0, delta, finish_reason: finish }] };
}

/** Streams a clarifying question to chat requests; embeds like the offline embedder. */
async function startStreamingModel(): Promise<{ baseUrl: string; streamedRequests: () => number; close(): Promise<void> }> {
  let streamed = 0;
  const server: Server = createServer(async (request, response) => {
    let raw = '';
    for await (const part of request) raw += part;
    const body = JSON.parse(raw || '{}') as { input?: string | string[]; stream?: boolean };
    if (request.url?.endsWith('/embeddings')) {
      const inputs = Array.isArray(body.input) ? body.input : [String(body.input)];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', model: 'mock', data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: embedOffline(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
      return;
    }
    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 0, model: 'mock', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: QUESTION.join('') } }] }));
      return;
    }
    streamed += 1;
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const events = [chunk({ role: 'assistant', content: '' }), ...QUESTION.map((token) => chunk({ content: token })), chunk({}, 'stop')];
    for (const event of events) response.write(`data: ${JSON.stringify(event)}\n\n`);
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    streamedRequests: () => streamed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let model: Awaited<ReturnType<typeof startStreamingModel>>;
let api: TestServer;
beforeAll(async () => {
  model = await startStreamingModel();
  api = await startTestServer({
    now: () => new Date('2026-11-23T08:00:00Z'),
    seedCustomers: 300,
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0' },
  });
});
afterAll(async () => {
  await api?.close();
  await model?.close();
});

describe('token streaming with an OpenAI-compatible model', () => {
  it('streams the model words as token events, then the plan with the whole answer', async () => {
    const { threadId, runId } = (await (await api.request('/api/threads', { method: 'POST', body: { text: 'Do something nice for our customers' }, token: 'marketer' })).json()) as { threadId: string; runId: string };
    const events = await readEvents(await api.request(`/api/threads/${threadId}/stream?run=${runId}`, { token: 'marketer' }));
    const tokens = events.filter((event) => event.type === 'token');
    expect(tokens.map((event) => event.text)).toEqual(QUESTION);
    expect(tokens.every((event) => event.node === 'callModel')).toBe(true);
    expect(model.streamedRequests()).toBe(1);
    const plan = events.find((event) => event.type === 'plan')!.plan;
    expect(plan).toMatchObject({ status: 'needs_clarification', question: QUESTION.join(''), summary: QUESTION.join('') });
    expect(events.at(-1)).toMatchObject({ type: 'done', runId });
  });
});
