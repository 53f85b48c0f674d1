// A whole `campaign-agent eval` session on a small evals directory: the HTML report and history
// are written, --update-baseline writes the baseline the next run passes against; with a judge
// model the rubric is scored; with LANGSMITH_API_KEY the planner runs are traced to the configured
// endpoint and datasets and experiments are uploaded; without settings both are skipped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startMockOpenAiServer, type MockOpenAiServer } from '../testing/mock-openai-server.ts';
import { compareWithBaseline, readBaseline } from './baseline.ts';
import { readEvalSettings } from './eval-settings.ts';
import { runEvalSession } from './eval-session.ts';
import type { DatasetExample, ExperimentUpload, LangSmithPort } from './langsmith.ts';

const ENVIRONMENT = 'version: 1\nnow: "2026-11-23T08:00:00Z"\ntimeZone: Asia/Shanghai\ncustomers: 200\nseed: 42\n';
const COPY = `version: 1
suite: copy
description: small copy suite
cases:
  - id: zh-sms-10-off
    locale: zh
    turns: ["召回90天未购买的用户，短信，9折"]
    expect: { brief: { channels: [sms] }, copy: { mentions: [["9折"]], rubric: 写明9折 } }
  - id: en-too-vague
    locale: en
    turns: ["do some marketing"]
    expect: { status: needs_clarification }
`;
const SUPPORT = `version: 1
suite: support
description: pending
cases:
  - { id: zh-refund, locale: zh, pending: the support bot does not exist yet, conversation: [{ customer: 退款 }] }
`;

/** Accepts whatever a LangSmith client sends and remembers the paths. */
function startCaptureServer(): Promise<{ url: string; paths: string[]; server: Server }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, server })));
}

function fakeLangSmith() {
  const datasets: Array<{ name: string; examples: readonly DatasetExample[] }> = [];
  const experiments: ExperimentUpload[] = [];
  let flushed = 0;
  const port: LangSmithPort = {
    async ensureDataset(name, _description, examples) {
      datasets.push({ name, examples });
    },
    async runExperiment(upload) {
      experiments.push(upload);
      return `${upload.experimentPrefix}-1`;
    },
    async flush() {
      flushed += 1;
    },
  };
  return { port, datasets, experiments, flushed: () => flushed };
}

let dir: string;
let judgeServer: MockOpenAiServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eval-session-'));
  mkdirSync(join(dir, 'suites'));
  writeFileSync(join(dir, 'environment.yaml'), ENVIRONMENT);
  writeFileSync(join(dir, 'suites', 'copy.yaml'), COPY);
  writeFileSync(join(dir, 'suites', 'support.yaml'), SUPPORT);
  judgeServer = await startMockOpenAiServer({
    answers: (body) => {
      const verdict = { reasoning: 'States 9折 clearly.', score: 0.9 };
      const tools = body.tools as Array<{ function: { name: string } }> | undefined;
      return tools?.length ? { toolCalls: [{ name: tools[0]!.function.name, arguments: verdict }] } : { content: JSON.stringify(verdict) };
    },
  });
});
afterAll(async () => {
  await judgeServer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const offline = loadConfig({}).model;

describe('runEvalSession', () => {
  it('writes the report and history, and a baseline the same results pass against', async () => {
    const reportPath = join(dir, 'artifacts', 'report.html');
    const first = await runEvalSession({ evalsDir: dir, suites: ['copy', 'support'], updateBaseline: true, reportPath, connection: offline, env: {} });
    expect(first.run.cases.map((result) => [result.id, result.status])).toEqual([['zh-sms-10-off', 'passed'], ['en-too-vague', 'passed'], ['zh-refund', 'pending']]);
    expect(first).toMatchObject({ exitCode: 0, baselineUpdated: true, upload: null, warnings: [] });
    expect(first.run.cases[0]!.scores.find((score) => score.key === 'judge.copy_rubric')).toMatchObject({ skipped: true, reason: 'skipped: no judge model configured (set EVAL_JUDGE_MODEL and OPENAI_API_KEY)' });
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).models.offline.suites.copy.cases).toEqual({ 'en-too-vague': 'passed', 'zh-sms-10-off': 'passed' });
    expect(readFileSync(reportPath, 'utf8')).toContain('zh-sms-10-off');

    // The baseline just written is the one the same results pass against.
    expect(compareWithBaseline(first.run, readBaseline(join(dir, 'baseline.json')))).toMatchObject({ hasBaseline: true, regressions: [] });
    expect(readFileSync(join(dir, 'artifacts', 'eval-history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('scores rubrics with a judge model, traces to LangSmith and uploads datasets and experiments when configured', async () => {
    const capture = await startCaptureServer();
    const langsmith = fakeLangSmith();
    const connection = loadConfig({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: judgeServer.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0' }).model;
    const env = { EVAL_JUDGE_MODEL: 'judge-model', OPENAI_API_KEY: 'test-key', LANGSMITH_API_KEY: 'ls-test-key', LANGSMITH_ENDPOINT: capture.url };
    try {
      const result = await runEvalSession({ evalsDir: dir, suites: ['copy', 'support'], reportPath: join(dir, 'artifacts', 'report.html'), connection, env, langsmith: langsmith.port });
      expect(result.warnings).toEqual([]);
      expect(result.run.cases[0]!.scores.find((score) => score.key === 'judge.copy_rubric')).toMatchObject({ score: 0.9, pass: true, advisory: true, reason: 'judge-model: States 9折 clearly.' });
      expect(judgeServer.requests.some((request) => request.body.model === 'judge-model')).toBe(true);
      // Planner runs were traced to the configured endpoint.
      expect(capture.paths.some((path) => /^POST \/runs/.test(path))).toBe(true);
      // One dataset and experiment per suite with runnable cases, named by the suite's content hash.
      expect(langsmith.datasets.map((dataset) => dataset.name)).toEqual([expect.stringMatching(/^campaign-agent-copy-[0-9a-f]{8}$/)]);
      expect(langsmith.datasets[0]!.examples.map((example) => example.inputs)).toEqual([
        { caseId: 'zh-sms-10-off', suite: 'copy', locale: 'zh', turns: ['召回90天未购买的用户，短信，9折'] },
        { caseId: 'en-too-vague', suite: 'copy', locale: 'en', turns: ['do some marketing'] },
      ]);
      const [experiment] = langsmith.experiments;
      expect(experiment).toMatchObject({ experimentPrefix: 'copy-offline', metadata: { model: 'offline', mode: 'offline' } });
      expect(experiment!.scores.get('en-too-vague')).toContainEqual({ key: 'case_passed', score: 1, comment: 'passed' });
      expect(experiment!.outputs.get('zh-sms-10-off')).toMatchObject({ status: 'passed' });
      expect(result.upload).toEqual({ datasets: [langsmith.datasets[0]!.name], experiments: ['copy-offline-1'] });
      expect(langsmith.flushed()).toBe(1);
    } finally {
      await new Promise<void>((resolve) => capture.server.close(() => resolve()));
    }
  }, 120_000);

  it('without LANGSMITH_API_KEY configures neither tracing nor upload', () => {
    expect(readEvalSettings({ OPENAI_API_KEY: 'k' })).toEqual({ judge: null, langsmith: null });
    expect(readEvalSettings({ LANGSMITH_API_KEY: ' ls ', EVAL_JUDGE_MODEL: 'gpt-4o', OPENAI_API_KEY: 'k' })).toEqual({
      judge: { model: 'gpt-4o' },
      langsmith: { apiKey: 'ls', endpoint: null, project: 'campaign-agent-evals', datasetPrefix: 'campaign-agent' },
    });
    expect(existsSync(join(dir, 'recordings'))).toBe(false);
  });
});
