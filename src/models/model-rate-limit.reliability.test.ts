// The shared model rate limit (CAMPAIGN_AGENT_MODEL_RPS) against a local server speaking the OpenAI
// API that records when each request arrives: several clients on one database, on PostgreSQL also
// separate processes, fire many chat and embedding calls at once (some answered 429 and retried),
// and no one-second window at the server sees more than the limit, while every call completes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../app/open-app.ts';
import { loadConfig } from '../config.ts';
import { CodedError } from '../errors.ts';
import { startMockOpenAiServer, type MockOpenAiServer, type RecordedRequest } from '../testing/mock-openai-server.ts';
import { burstMessage, runModelBurst, warmUpModels, type ModelBurstOptions, type ModelBurstResult } from '../testing/model-burst.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { usingPostgres } from '../testing/test-database.ts';
import { EMBEDDING_DIMENSIONS } from './offline-embedder.ts';
import { loadModels, type LoadedModels } from './load-models.ts';

const RPS = 5;
const BURST_PROCESS = fileURLToPath(new URL('../testing/model-burst-process.ts', import.meta.url));

/** The most requests that arrived within any one second ([t, t + 1000 ms)). */
function busiestSecond(requests: readonly RecordedRequest[]): number {
  const times = requests.map((request) => request.arrivedAtMs).sort((a, b) => a - b);
  let busiest = 0;
  let end = 0;
  for (let start = 0; start < times.length; start += 1) {
    while (end < times.length && times[end]! < times[start]! + 1000) end += 1;
    busiest = Math.max(busiest, end - start);
  }
  return busiest;
}

function lastUserMessage(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{ role: string; content: string }>;
  return messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
}

function expectedBurst({ label, chatCalls, embeddingCalls }: ModelBurstOptions): ModelBurstResult {
  return {
    chatAnswers: Array.from({ length: chatCalls }, (_, index) => `answer to ${burstMessage(label, index)}`),
    embeddingLengths: Array.from({ length: embeddingCalls }, () => EMBEDDING_DIMENSIONS),
  };
}

interface BurstProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once the process has opened the application. */
  ready: Promise<void>;
  /** Resolves with the burst's result once the process has printed it and exited. */
  result: Promise<ModelBurstResult>;
}

function startBurstProcess(env: Record<string, string>, burst: ModelBurstOptions): BurstProcess {
  const child = spawn(process.execPath, [BURST_PROCESS], {
    env: {
      ...process.env,
      ...env,
      BURST_LABEL: burst.label,
      BURST_CHAT_CALLS: String(burst.chatCalls),
      BURST_EMBEDDING_CALLS: String(burst.embeddingCalls),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let markReady!: () => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    void exited.then((code) => reject(new Error(`burst process ${burst.label} exited (${code}) before it was ready: ${stderr}`)));
  });
  const result = new Promise<ModelBurstResult>((resolve, reject) => {
    let printed: ModelBurstResult | null = null;
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) printed = JSON.parse(line) as ModelBurstResult;
    });
    void exited.then((code) => (code === 0 && printed ? resolve(printed) : reject(new Error(`burst process ${burst.label} exited (${code}): ${stderr}`))));
  });
  ready.catch(() => undefined);
  return { child, ready, result };
}

describe('shared model rate limit', () => {
  let mock: MockOpenAiServer;
  let test: TestApp;

  beforeAll(async () => {
    // Every seventh chat request is refused with 429 and a Retry-After of 0: the client retries it
    // at once, and the retry has to wait for a slot like any other request.
    mock = await startMockOpenAiServer({
      answers: (body, index) =>
        index % 7 === 3 ? { status: 429, headers: { 'retry-after': '0' } } : { content: `answer to ${lastUserMessage(body)}` },
    });
    test = await openTestApp({
      seedDemo: false,
      env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: mock.baseUrl, CAMPAIGN_AGENT_MODEL_RPS: String(RPS) },
    });
  });
  afterAll(async () => {
    await test?.dispose();
    await mock?.close();
  });

  it(`keeps two clients on one database to ${RPS} requests in any second, retries included`, async () => {
    // On PostgreSQL the second client is a second application on its own connection pool; the
    // embedded database has one connection, so there the second client shares it.
    let second: App | null = null;
    let secondModels: LoadedModels;
    if (usingPostgres) {
      second = await openApp(loadConfig(test.env), { seedDemo: false });
      secondModels = second.models;
    } else {
      secondModels = await loadModels(test.app.config, { db: test.app.db });
    }
    try {
      await Promise.all([warmUpModels(test.app.models), warmUpModels(secondModels)]);
      const first = mock.requests.length;
      const bursts = [
        { label: 'first client', chatCalls: 10, embeddingCalls: 3 },
        { label: 'second client', chatCalls: 10, embeddingCalls: 3 },
      ];
      const results = await Promise.all([runModelBurst(test.app.models, bursts[0]!), runModelBurst(secondModels, bursts[1]!)]);

      expect(results).toEqual(bursts.map(expectedBurst));
      const seen = mock.requests.slice(first);
      // More chat requests than calls: the ones refused with 429 were sent again.
      expect(seen.filter((request) => request.path.endsWith('/chat/completions')).length).toBeGreaterThan(20);
      expect(busiestSecond(seen)).toBeLessThanOrEqual(RPS);
      // The limit is used, not just kept: requests were not held back one at a time.
      expect(busiestSecond(seen)).toBeGreaterThanOrEqual(RPS - 1);
    } finally {
      await second?.close();
    }
  });

  it.skipIf(!usingPostgres)(`keeps an application and two other processes on one PostgreSQL database to ${RPS} requests in any second`, async () => {
    const bursts = [
      { label: 'parent process', chatCalls: 10, embeddingCalls: 3 },
      { label: 'child process A', chatCalls: 10, embeddingCalls: 3 },
      { label: 'child process B', chatCalls: 10, embeddingCalls: 3 },
    ];
    const children = bursts.slice(1).map((burst) => startBurstProcess(test.env, burst));
    try {
      await Promise.all([...children.map((child) => child.ready), warmUpModels(test.app.models)]);
      const first = mock.requests.length;
      for (const { child } of children) child.stdin.write('go\n');
      const results = await Promise.all([runModelBurst(test.app.models, bursts[0]!), ...children.map((child) => child.result)]);

      expect(results).toEqual(bursts.map(expectedBurst));
      const seen = mock.requests.slice(first);
      expect(busiestSecond(seen)).toBeLessThanOrEqual(RPS);
      expect(busiestSecond(seen)).toBeGreaterThanOrEqual(RPS - 1);
    } finally {
      for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('CAMPAIGN_AGENT_MODEL_RPS', () => {
  it('is no limit when unset or empty, and a number of requests per second otherwise', () => {
    expect(loadConfig({}).model.requestsPerSecond).toBeNull();
    expect(loadConfig({ CAMPAIGN_AGENT_MODEL_RPS: ' ' }).model.requestsPerSecond).toBeNull();
    expect(loadConfig({ CAMPAIGN_AGENT_MODEL_RPS: '0.5' }).model.requestsPerSecond).toBe(0.5);
  });

  it.each(['0', '-2', 'five', '5rps', 'Infinity', '20000'])('refuses %j, naming the variable', (value) => {
    const failure = (() => {
      try {
        loadConfig({ CAMPAIGN_AGENT_MODEL_RPS: value });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(CodedError);
    expect((failure as CodedError).code).toBe('INVALID_INPUT');
    expect((failure as CodedError).message).toBe(
      `CAMPAIGN_AGENT_MODEL_RPS must be a number of model requests per second above 0 and at most 10000, e.g. 5 or 0.5 (got "${value}"); unset it for no limit`,
    );
  });
});
