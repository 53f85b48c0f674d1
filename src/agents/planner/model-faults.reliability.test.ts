// Model faults, served by a local OpenAI-compatible server: rate limiting with Retry-After, server
// errors, timeouts, a body cut off mid-way, tool-call arguments that are not JSON and calls to tools
// that do not exist. Each is retried with backoff or ends in one clear MODEL_FAILED error, and the
// thread stays consistent: the next message on it plans normally.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../errors.ts';
import { startMockOpenAiServer, type MockOpenAiServer, type ScriptedAnswer } from '../../testing/mock-openai-server.ts';
import { scriptedWinbackTurns, WINBACK_GOAL, winbackBrief } from '../../testing/scripted-winback-plan.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const GOAL = WINBACK_GOAL;
const brief = winbackBrief('2026-11-24T10:00');
const PLANS_NORMALLY = scriptedWinbackTurns(brief);
const QUERY_SEGMENT = PLANS_NORMALLY[0]!;

/** The planner's answers in order; copy requests (their own prompt) get an answer the copy tool rejects, so it uses its templates. */
let queue: ScriptedAnswer[] = [];
let server: MockOpenAiServer;
let test: TestApp;

function isCopyRequest(body: Record<string, unknown>): boolean {
  const messages = body.messages as Array<{ content?: unknown }> | undefined;
  return String(messages?.[0]?.content ?? '').includes('You are the copywriter');
}

beforeAll(async () => {
  server = await startMockOpenAiServer({
    answers: (body) => (isCopyRequest(body) ? { content: 'no copy today' } : (queue.shift() ?? { content: 'the script is exhausted' })),
  });
  test = await openTestApp({
    now: () => NOW,
    env: {
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: server.baseUrl,
      CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '2',
      CAMPAIGN_AGENT_MODEL_TIMEOUT_MS: '1000',
    },
  });
});
afterAll(async () => {
  await test?.dispose();
  await server?.close();
});
beforeEach(() => {
  queue = [];
});

const plannerRequests = () => server.requests.filter((request) => request.path.endsWith('/chat/completions') && !isCopyRequest(request.body));
const send = (threadId: string, text = GOAL) => test.app.planner.send(threadId, text, { by: 'alice', role: 'admin' });

async function expectModelFailure(threadId: string, message: RegExp): Promise<void> {
  const failure = await send(threadId).then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(CodedError);
  expect((failure as CodedError).code).toBe('MODEL_FAILED');
  expect((failure as CodedError).message).toMatch(message);
  expect((failure as CodedError).message).toMatch(/send the message again/);
}

/** After a failure the same thread takes the next message and plans normally. */
async function expectThreadContinues(threadId: string): Promise<void> {
  queue = [...PLANS_NORMALLY];
  const plan = await send(threadId);
  expect(plan.status).toBe('needs_approval');
  expect(plan.brief).toEqual(brief);
  expect(queue).toEqual([]);
}

describe('planner under model faults', () => {
  it('waits out a 429 for the time Retry-After gives, then retries', async () => {
    queue = [{ status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down' } } }, ...PLANS_NORMALLY];
    const before = plannerRequests().length;
    const started = performance.now();
    const plan = await send(randomUUID());
    expect(plan.status).toBe('needs_approval');
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(plannerRequests().length - before).toBe(3);
  });

  it('retries a 500 with backoff and plans', async () => {
    queue = [{ status: 500 }, { status: 503 }, ...PLANS_NORMALLY];
    const plan = await send(randomUUID());
    expect(plan.status).toBe('needs_approval');
    expect(queue).toEqual([]);
  });

  it('ends persistent server errors in a clear error, and the thread continues', async () => {
    const threadId = randomUUID();
    queue = [{ status: 500 }, { status: 500 }, { status: 500 }];
    await expectModelFailure(threadId, /the model service answered HTTP 500/);
    expect(queue).toEqual([]); // one call and two retries
    await expectThreadContinues(threadId);
  });

  it('ends repeated rate limiting in a clear error naming it', async () => {
    const threadId = randomUUID();
    const limited: ScriptedAnswer = { status: 429, headers: { 'retry-after': '0' } };
    queue = [limited, limited, limited];
    await expectModelFailure(threadId, /rate limiting requests \(HTTP 429\)/);
    await expectThreadContinues(threadId);
  });

  it('gives up on a model that does not answer in time, and the thread continues', async () => {
    const threadId = randomUUID();
    const late: ScriptedAnswer = { delayMs: 2500, then: QUERY_SEGMENT };
    queue = [late, late, late];
    await expectModelFailure(threadId, /did not answer in time/);
    await expectThreadContinues(threadId);
  });

  it('reports an answer cut off mid-way, and the thread continues', async () => {
    const threadId = randomUUID();
    const cut: ScriptedAnswer = { truncatedBody: '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hel' };
    queue = [cut, cut, cut];
    await expectModelFailure(threadId, /model/);
    await expectThreadContinues(threadId);
  });

  it('returns tool-call arguments that are not JSON to the model, which corrects them', async () => {
    queue = [{ toolCalls: [{ name: 'query_segment', arguments: '{"brief": {"goal": ' }] }, ...PLANS_NORMALLY];
    const before = plannerRequests().length;
    const plan = await send(randomUUID());
    expect(plan.status).toBe('needs_approval');
    const second = plannerRequests()[before + 1]!.body.messages as Array<{ role: string; content: string; tool_call_id?: string }>;
    const assistant = second.at(-2) as unknown as { role: string; tool_calls: Array<{ id: string; function: { name: string } }> };
    const reply = second.at(-1)!;
    expect(assistant.role).toBe('assistant');
    expect(assistant.tool_calls.map((call) => call.function.name)).toEqual(['query_segment']);
    expect(reply).toMatchObject({ role: 'tool', tool_call_id: assistant.tool_calls[0]!.id });
    expect(reply.content).toMatch(/^the arguments for query_segment are not valid JSON \(.+\): send the call again with one JSON object$/);
  });

  it('answers a call to a tool that does not exist with the tools there are', async () => {
    queue = [{ toolCalls: [{ name: 'drop_all_tables', arguments: {} }] }, ...PLANS_NORMALLY];
    const before = plannerRequests().length;
    const plan = await send(randomUUID());
    expect(plan.status).toBe('needs_approval');
    const second = plannerRequests()[before + 1]!.body.messages as Array<{ role: string; content: string }>;
    expect(second.at(-1)).toMatchObject({
      role: 'tool',
      content: 'unknown tool "drop_all_tables": use one of query_segment, forecast_impact, generate_copy, schedule_send',
    });
  });
});
