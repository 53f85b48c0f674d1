// The model path: the planner drives an OpenAI-compatible model (a local HTTP server with scripted
// answers) through the same tools, the copy is written by the model with prompts/copy.md and then
// checked like template copy, and a malformed tool call comes back to the model as an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startMockOpenAiServer, type MockOpenAiServer, type ScriptedAnswer } from '../../testing/mock-openai-server.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const brief = {
  goal: 'Win back lapsed customers by email with 10% off',
  objective: 'winback',
  channels: ['email'],
  offer: { type: 'percent_off', percent: 10 },
  timing: { kind: 'at', localDateTime: '2026-11-24T10:00' },
  locale: 'en',
  category: null,
  budget: null,
};
const definition = {
  version: 1,
  root: {
    kind: 'and',
    conditions: [
      { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 365 }, min: 1 },
      { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 90 }, max: 0 },
    ],
  },
};

const modelCopy = [
  {
    channel: 'email',
    variant: 'A',
    title: 'We miss you, {{first_name}}: 10% off',
    text: 'Come back for 10% off your next order, cheap prices on the best in the world picks.\n\nUnsubscribe: {{unsubscribe_url}}',
  },
  { channel: 'email', variant: 'B', title: '10% off, just for you', text: 'Your 10% off is waiting.\n\nUnsubscribe: {{unsubscribe_url}}' },
];

let script: ScriptedAnswer[] = [];
let server: MockOpenAiServer;
let test: TestApp;

beforeAll(async () => {
  server = await startMockOpenAiServer({ answers: (_body, index) => script[index] ?? { content: 'script exhausted' } });
  test = await openTestApp({
    now: () => NOW,
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0' },
  });
});
afterAll(async () => {
  await test?.dispose();
  await server?.close();
});

function chatRequests() {
  return server.requests.filter((request) => request.path.endsWith('/chat/completions'));
}

describe('planner on an OpenAI-compatible model', () => {
  it('plans through the scripted tool calls in two model round trips', async () => {
    expect(test.app.models.mode).toBe('openai');
    const before = chatRequests().length;
    script = [
      ...Array(before).fill({ content: '' }),
      { toolCalls: [{ name: 'query_segment', arguments: { brief, definition, assumptions: ['lapsed = no order in 90 days'] } }] },
      { toolCalls: [{ name: 'forecast_impact', arguments: {} }, { name: 'generate_copy', arguments: {} }, { name: 'schedule_send', arguments: {} }] },
      // generate_copy asks the model for the copy with prompts/copy.md.
      { content: JSON.stringify({ messages: modelCopy }) },
    ];
    const plan = await test.app.planner.send(randomUUID(), brief.goal, { by: 'alice', role: 'admin' });
    expect(plan.status).toBe('needs_approval');
    expect(plan.brief).toEqual(brief);
    expect(plan.segment!.count).toBeGreaterThan(0);
    expect(plan.segment!.assumptions).toEqual(['lapsed = no order in 90 days']);
    expect(plan.messages.map((m) => m.channel)).toEqual(['email', 'email']);
    expect(plan.forecast!.conversions.p50).toBeGreaterThanOrEqual(0);
    // The model's copy, after the same mechanical checks as template copy: the claim and the word
    // the brand avoids are rewritten, the unsubscribe line is kept.
    expect(plan.messages[0]).toEqual({
      channel: 'email',
      variant: 'A',
      title: 'We miss you, {{first_name}}: 10% off',
      text: 'Come back for 10% off your next order, great value prices on the great picks.\n\nUnsubscribe: {{unsubscribe_url}}',
    });
    expect(plan.guardrails.filter((verdict) => verdict.status === 'fixed').map((verdict) => verdict.rule)).toEqual(
      expect.arrayContaining(['claims.banned', 'copy.brand_voice']),
    );

    const requests = chatRequests().slice(before);
    expect(requests).toHaveLength(3);
    const copyMessages = requests[2]!.body.messages as Array<{ role: string; content: string }>;
    expect(copyMessages[0]!.content).toContain('You are the copywriter of campaign-agent');
    expect(copyMessages[1]!.content).toContain('- tone: Warm, direct and helpful; no pressure tactics.');
    const tools = (requests[0]!.body.tools as Array<{ function: { name: string } }>).map((t) => t.function.name);
    expect(tools).toEqual(['query_segment', 'forecast_impact', 'generate_copy', 'schedule_send']);
    const firstMessages = requests[0]!.body.messages as Array<{ role: string; content: string }>;
    expect(firstMessages[0]!.role).toBe('system');
    expect(firstMessages[0]!.content).toContain('campaign-agent');
    expect(firstMessages[1]).toMatchObject({ role: 'user', content: brief.goal });
  });

  it('returns invalid tool arguments to the model, which can then ask the marketer', async () => {
    const before = chatRequests().length;
    script = [
      ...Array(before).fill({ content: '' }),
      { toolCalls: [{ name: 'query_segment', arguments: { brief: { ...brief, channels: ['fax'] }, definition, assumptions: [] } }] },
      { content: 'Which channel should I use: sms, email, push or wecom?' },
    ];
    const plan = await test.app.planner.send(randomUUID(), 'Win back lapsed customers by fax', { by: 'alice', role: 'admin' });
    expect(plan.status).toBe('needs_clarification');
    expect(plan.question).toBe('Which channel should I use: sms, email, push or wecom?');
    const second = chatRequests()[before + 1]!.body.messages as Array<{ role: string; content: string }>;
    const toolReply = second.find((message) => message.role === 'tool')!;
    expect(toolReply.content).toMatch(/^invalid arguments for query_segment: brief\.channels\.0: /);
  });
});
