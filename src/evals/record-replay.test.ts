// Record and replay end to end: eval cases run against a real local HTTP server speaking the OpenAI
// API; --record writes one recording per model call; --replay gives the same results without a
// single request; a recording made with another version of the prompt is reported stale, for
// exactly the cases it belongs to, and never counted as a pass.
import { isSupportOutput } from './case-output.ts';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startMockOpenAiServer, type MockOpenAiServer, type ScriptedAnswer } from '../testing/mock-openai-server.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { compareWithBaseline, gateExitCode, updatedBaseline } from './baseline.ts';
import { prepareEvalData } from './eval-environment.ts';
import type { EvalRun } from './eval-run.ts';
import { loadSuites } from './load-suites.ts';
import type { Recording } from './recordings.ts';
import { resolveEvalModel, runEvals } from './run-evals.ts';
import type { EvalEnvironment } from './suite-schema.ts';

const environment: EvalEnvironment = { version: 1, now: '2026-11-23T08:00:00Z', timeZone: 'Asia/Shanghai', customers: 300, seed: 42 };
const NOW = new Date(environment.now);
const lapsed = { kind: 'and', conditions: [{ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 365 }, min: 1 }, { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 90 }, max: 0 }] };
const GOALS: Record<string, { channels: string[]; locale: 'en' | 'zh' }> = {
  'Win back customers who have not bought in 90 days by email': { channels: ['email'], locale: 'en' },
  '召回90天未购买的用户，短信': { channels: ['sms'], locale: 'zh' },
};

const SUITE = `version: 1
suite: planning
description: two goals for the record and replay test
cases:
  - id: en-lapsed-email
    locale: en
    turns: ["Win back customers who have not bought in 90 days by email"]
    expect: { status: needs_approval, brief: { objective: winback, channels: [email] } }
  - id: zh-lapsed-sms
    locale: zh
    turns: ["召回90天未购买的用户，短信"]
    expect: { status: needs_approval, brief: { objective: winback, channels: [sms] } }
`;

/** The scripted model: query_segment for a new goal, then the three completion tools. */
function answer(body: Record<string, unknown>): ScriptedAnswer {
  const messages = body.messages as Array<{ role: string; content: string }>;
  const lastUser = messages.findLastIndex((message) => message.role === 'user');
  if (messages.slice(lastUser).some((message) => message.role === 'tool')) {
    return { toolCalls: [{ name: 'forecast_impact', arguments: {} }, { name: 'generate_copy', arguments: {} }, { name: 'schedule_send', arguments: {} }] };
  }
  const goal = messages[lastUser]!.content;
  const { channels, locale } = GOALS[goal]!;
  const brief = { goal, objective: 'winback', channels, offer: null, timing: { kind: 'asap' }, locale, category: null, budget: null };
  return { toolCalls: [{ name: 'query_segment', arguments: { brief, definition: { version: 1, root: lapsed }, assumptions: [] } }] };
}

let server: MockOpenAiServer;
let test: TestApp;
let dir: string;
const chatCalls = () => server.requests.filter((request) => request.path.endsWith('/chat/completions')).length;

beforeAll(async () => {
  server = await startMockOpenAiServer({ answers: (body) => answer(body) });
  test = await openTestApp({ now: () => NOW, seedDemo: false });
  await prepareEvalData(test.app, environment);
  dir = mkdtempSync(join(tmpdir(), 'eval-record-replay-'));
  mkdirSync(join(dir, 'suites'));
  writeFileSync(join(dir, 'suites', 'planning.yaml'), SUITE);
}, 120_000);

afterAll(async () => {
  await test?.dispose();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function evaluate(mode: 'record' | 'replay'): Promise<EvalRun> {
  const connection = loadConfig({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0' }).model;
  const model = await resolveEvalModel({ connection, timeZone: environment.timeZone, model: 'mock-gpt', mode, recordingsDir: join(dir, 'recordings'), now: () => NOW });
  return runEvals({ app: test.app, environment, suites: loadSuites({ dir, names: ['planning'] }), model });
}

const summary = (run: EvalRun) => run.cases.map((result) => ({ id: result.id, status: result.status, plan: result.output && !isSupportOutput(result.output) ? { ...result.output.plan, threadId: null } : null }));

describe('record and replay against a local OpenAI-compatible server', () => {
  it('records every model call, replays without calling the model, and reports an edited prompt as stale', async () => {
    const recorded = await evaluate('record');
    expect(recorded.cases.map((result) => [result.id, result.status])).toEqual([['en-lapsed-email', 'passed'], ['zh-lapsed-sms', 'passed']]);
    expect(chatCalls()).toBe(4);
    const files = readdirSync(join(dir, 'recordings'));
    expect(files).toHaveLength(4);

    const replayed = await evaluate('replay');
    expect(chatCalls()).toBe(4);
    expect(replayed.mode).toBe('replay');
    expect(summary(replayed)).toEqual(summary(recorded));

    // The English case's recordings were made with an earlier version of the planner prompt.
    for (const file of files) {
      const path = join(dir, 'recordings', file);
      const recording = JSON.parse(readFileSync(path, 'utf8')) as Recording;
      if (!recording.uses.some((use) => use.caseId === 'planning/en-lapsed-email')) continue;
      writeFileSync(path, JSON.stringify({ ...recording, key: `old-${recording.key}`, prompt: { ...recording.prompt, sha256: '0'.repeat(64) } }));
    }
    const afterEdit = await evaluate('replay');
    expect(chatCalls()).toBe(4);
    const [english, chinese] = afterEdit.cases;
    expect(english).toMatchObject({ status: 'stale', scores: [], detail: expect.stringContaining('prompt "planner" changed since it was recorded') });
    expect(chinese!.status).toBe('passed');
    expect(afterEdit.suites[0]!.counts).toMatchObject({ passed: 1, stale: 1, failed: 0, missing: 0 });

    // Against a baseline in which both passed: not a regression, but the run does not pass either.
    const comparison = compareWithBaseline(afterEdit, updatedBaseline(null, recorded));
    expect(comparison.regressions).toEqual([]);
    expect(comparison.cases.find((entry) => entry.id === 'en-lapsed-email')).toMatchObject({ was: 'passed', now: 'stale', change: 'unverified' });
    expect(gateExitCode(afterEdit, comparison)).toBe(2);
    expect(() => updatedBaseline(null, afterEdit)).toThrow(/incomplete run: planning\/en-lapsed-email stale/);
  });

  it('needs a key to call a named model, but not to replay it', async () => {
    const connection = loadConfig({}).model;
    const options = { connection, timeZone: environment.timeZone, model: 'gpt-4o-mini', recordingsDir: join(dir, 'recordings'), now: () => NOW };
    await expect(resolveEvalModel({ ...options, mode: 'live' })).rejects.toThrow('--model gpt-4o-mini needs OPENAI_API_KEY (and OPENAI_BASE_URL for a non-OpenAI endpoint), or --replay to use recorded answers');
    await expect(resolveEvalModel({ ...options, mode: 'record' })).rejects.toThrow(/needs OPENAI_API_KEY/);
    expect(await resolveEvalModel({ ...options, mode: 'replay' })).toMatchObject({ name: 'gpt-4o-mini', mode: 'replay' });
    expect(await resolveEvalModel({ ...options, model: 'offline', mode: 'replay' })).toMatchObject({ name: 'offline', mode: 'offline', store: null });
  });

  it('reports a case without recordings as missing', async () => {
    rmSync(join(dir, 'recordings'), { recursive: true, force: true });
    const run = await evaluate('replay');
    expect(run.cases.map((result) => result.status)).toEqual(['missing', 'missing']);
    expect(run.suites[0]!.metrics).toEqual({});
    expect(chatCalls()).toBe(4);
  });
});
