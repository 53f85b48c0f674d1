// Planning benchmark.
// 1. Offline: wall time and user CPU per plan with the built-in offline model on the demo data, for
//    English and Chinese goals of the planning eval suite (evals/suites/planning.yaml). Goal: < 2 s.
// 2. Model path: the planner against a local OpenAI-compatible mock model (src/testing/
//    mock-openai-server.ts) behind a proxy that adds a fixed latency to every call, side by side with a
//    plain LangChain `createAgent` agent given the same tools, prompt, model and script (bench/
//    plain-agent.ts). Per plan: wall time, chat round trips, embedding calls and approximate tokens
//    (request and answer bodies / 4). Goals: at most 3 round trips; overhead (our wall / plain wall
//    p50) at most 1.2x.
//
//   node bin/with-node.mjs bench/planning.ts [--runs N] [--model-runs N] [--latency MS] [--goals N] [--customers N] [--json]
//
// Defaults: 3 runs per goal offline (after one warm-up plan), 4 English + 4 Chinese goals, 10 runs per
// agent on the model path (alternating, after one warm-up each), 200 ms latency, 10,000 demo
// customers (the product's first-run size) in a temp embedded data directory.
// The scripted model answers from the conversation it is sent: no tool result yet -> query_segment;
// only the segment result -> forecast_impact + generate_copy + schedule_send; otherwise a short text
// answer (a plain agent loop ends only on an answer without tool calls). generate_copy's own request
// for copy (no tools bound) gets a non-JSON answer, so the copy comes from the templates after that
// round trip; the table counts those calls apart ("copy").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import { openApp, type App } from '../src/app/open-app.ts';
import { loadConfig } from '../src/config.ts';
import { PLANNER_TOOLS } from '../src/agents/planner/graph.ts';
import { loadPrompt } from '../src/prompts/load-prompt.ts';
import { startMockOpenAiServer, type ScriptedAnswer } from '../src/testing/mock-openai-server.ts';
import { PLAN_COMPLETION_TOOLS, ToolName } from '../tools/tool-names.ts';
import { describeMachine, finishMachine, formatTable, machineLine, ms, progress, readFlags, summarize, type Summary } from './bench-kit.ts';
import { approximateTokens, startLatencyProxy, timeInFlight, type ProxiedRequest } from './latency-proxy.ts';
import { createPlainAgentRunner } from './plain-agent.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SENDER = { by: 'bench', role: 'admin' as const };

interface Goal {
  id: string;
  locale: 'en' | 'zh';
  text: string;
}

function planningGoals(perLocale: number): Goal[] {
  const suite = parse(readFileSync(join(repoRoot, 'evals/suites/planning.yaml'), 'utf8')) as { cases: Array<{ id: string; locale: string; turns: string[] }> };
  const single = suite.cases.filter((item) => item.turns.length === 1);
  const pick = (locale: 'en' | 'zh') => single.filter((item) => item.locale === locale).slice(0, perLocale).map((item) => ({ id: item.id, locale, text: item.turns[0]! }));
  return [...pick('en'), ...pick('zh')];
}

function scriptedAnswer(brief: unknown, definition: unknown) {
  return function answerFromConversation(body: Record<string, unknown>): ScriptedAnswer {
    // A request without tools is generate_copy asking the model for copy (model mode): a short answer
    // that is not the JSON it wants, so the tool falls back to its templates after the round trip.
    if (!Array.isArray(body.tools)) return { content: 'Copy: use the templates.' };
    const messages = (body.messages ?? []) as Array<{ role: string; content: unknown; tool_call_id?: string }>;
    const toolReplies = messages.filter((message) => message.role === 'tool').length;
    if (toolReplies === 0) return { toolCalls: [{ name: ToolName.querySegment, arguments: { brief, definition, assumptions: ['lapsed = no order in 90 days'] } }] };
    if (toolReplies === 1) return { toolCalls: PLAN_COMPLETION_TOOLS.map((name) => ({ name, arguments: {} })) };
    return { content: 'The plan is ready: 10% off by email for lapsed customers.' };
  };
}

function mockBriefAndDefinition(now: Date) {
  const day = new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const brief = {
    goal: 'Win back lapsed customers by email with 10% off',
    objective: 'winback',
    channels: ['email'],
    offer: { type: 'percent_off', percent: 10 },
    timing: { kind: 'at', localDateTime: `${day}T10:00` },
    locale: 'en',
    category: null,
    budget: null,
  };
  const rolling = (days: number) => ({ type: 'rolling', days });
  const definition = {
    version: 1,
    root: { kind: 'and', conditions: [{ kind: 'order_stat', metric: 'count', window: rolling(365), min: 1 }, { kind: 'order_stat', metric: 'count', window: rolling(90), max: 0 }] },
  };
  return { brief, definition };
}

async function timeOfflinePlans(app: App, goals: Goal[], runs: number) {
  const rows: Array<{ locale: string; wallMs: number; userMs: number; status: string }> = [];
  await app.planner.send(randomUUID(), goals[0]!.text, SENDER); // warm-up
  for (const goal of goals) {
    for (let run = 0; run < runs; run++) {
      progress(`offline: ${goal.id} ${run + 1}/${runs}`);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const plan = await app.planner.send(randomUUID(), goal.text, SENDER);
      rows.push({ locale: goal.locale, wallMs: performance.now() - started, userMs: process.cpuUsage(cpu).user / 1000, status: plan.status });
    }
  }
  return rows;
}

interface ModelPathResult {
  agent: string;
  wall: Summary;
  /** User CPU of this process per plan (the in-process mock model and proxy included, for both agents). */
  user: Summary;
  chatCalls: Summary;
  /** Of the chat calls, those generate_copy makes for the copy (no tools bound). */
  copyCalls: Summary;
  embeddingCalls: Summary;
  promptTokens: Summary;
  completionTokens: Summary;
  /** Wall time minus the time a model call was in flight (parallel calls counted once). */
  nonModel: Summary;
  outcomes: string[];
}

function countCalls(requests: ProxiedRequest[]) {
  const chat = requests.filter((request) => request.path.endsWith('/chat/completions'));
  const copy = chat.filter((request) => !Array.isArray((JSON.parse(request.body) as { tools?: unknown }).tools));
  const completionText = (request: ProxiedRequest) => JSON.stringify((JSON.parse(request.responseBody) as { choices?: Array<{ message: unknown }> }).choices?.[0]?.message ?? '');
  return {
    chat: chat.length,
    copy: copy.length,
    embeddings: requests.filter((request) => request.path.endsWith('/embeddings')).length,
    promptTokens: chat.reduce((sum, request) => sum + approximateTokens(request.body), 0),
    completionTokens: chat.reduce((sum, request) => sum + approximateTokens(completionText(request)), 0),
    modelMs: timeInFlight(requests),
  };
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2));
  const runs = flags.integer('--runs', 3);
  const modelRuns = flags.integer('--model-runs', 10);
  const latencyMs = flags.integer('--latency', 200, 0);
  const customers = flags.integer('--customers', 10_000);
  const goals = planningGoals(flags.integer('--goals', 4));
  const machine = describeMachine();
  const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-planning-'));
  const baseEnv = { CAMPAIGN_AGENT_DATA_DIR: dataDir, CAMPAIGN_AGENT_TIME_ZONE: 'Asia/Shanghai', LOG_LEVEL: 'silent' };
  try {
    progress('opening the app (first run seeds the demo data)', true);
    let app = await openApp(loadConfig(baseEnv), { seedCustomers: customers, onSeedProgress: (done, total, stage) => progress(`seeding ${stage} ${done}/${total}`) });
    const offline = await timeOfflinePlans(app, goals, runs).finally(() => app.close());

    const now = new Date();
    const { brief, definition } = mockBriefAndDefinition(now);
    const mock = await startMockOpenAiServer({ answers: scriptedAnswer(brief, definition) });
    const proxy = await startLatencyProxy({ target: mock.baseUrl, latencyMs });
    const modelEnv = { ...baseEnv, OPENAI_API_KEY: 'bench-key', OPENAI_BASE_URL: proxy.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0' };
    progress('opening the app on the mock model', true);
    app = await openApp(loadConfig(modelEnv));
    // The tools' context as the planner builds it in model mode: the chat model also writes the copy.
    const baseContext = { db: app.db, policy: app.policy, embedder: app.models.embedder, copyModel: app.models.chatModel };
    const plainAgent = createPlainAgentRunner({
      chatModel: app.models.chatModel,
      tools: PLANNER_TOOLS,
      systemPrompt: loadPrompt('planner').text,
      baseContext,
    });
    type Sample = ReturnType<typeof countCalls> & { wallMs: number; userMs: number; outcome: string };
    const samples = { planner: [] as Sample[], plain: [] as Sample[] };
    try {
      for (let run = 0; run <= modelRuns; run++) {
        for (const agent of ['planner', 'plain'] as const) {
          progress(`model path (${latencyMs} ms latency): ${agent} ${run}/${modelRuns}`);
          const before = proxy.requests.length;
          const cpu = process.cpuUsage();
          const started = performance.now();
          let outcome: string;
          if (agent === 'planner') outcome = (await app.planner.send(randomUUID(), String(brief.goal), SENDER)).status;
          else {
            const result = await plainAgent(String(brief.goal), new Date());
            outcome = Object.keys(result.draft).length === 6 ? 'draft complete' : `draft: ${Object.keys(result.draft).join(',')}`;
          }
          const wallMs = performance.now() - started;
          const userMs = process.cpuUsage(cpu).user / 1000;
          if (run > 0) samples[agent].push({ ...countCalls(proxy.requests.slice(before)), wallMs, userMs, outcome }); // run 0 is the warm-up
        }
      }
    } finally {
      await app.close();
      await proxy.close();
      await mock.close();
    }
    process.stderr.write('\n');

    const summarizeAgent = (agent: string, list: typeof samples.planner): ModelPathResult => ({
      agent,
      wall: summarize(list.map((s) => s.wallMs)),
      user: summarize(list.map((s) => s.userMs)),
      chatCalls: summarize(list.map((s) => s.chat)),
      copyCalls: summarize(list.map((s) => s.copy)),
      embeddingCalls: summarize(list.map((s) => s.embeddings)),
      promptTokens: summarize(list.map((s) => s.promptTokens)),
      completionTokens: summarize(list.map((s) => s.completionTokens)),
      nonModel: summarize(list.map((s) => s.wallMs - s.modelMs)),
      outcomes: [...new Set(list.map((s) => s.outcome))],
    });
    const modelPath = [summarizeAgent('campaign-agent planner (LangGraph)', samples.planner), summarizeAgent('plain createAgent (langchain 1.5)', samples.plain)];
    const overhead = modelPath[0]!.wall.p50 / modelPath[1]!.wall.p50;
    const cpuOverhead = modelPath[0]!.user.p50 / modelPath[1]!.user.p50;
    const finished = finishMachine(machine);

    const byLocale = (locale: string | null) => offline.filter((row) => locale === null || row.locale === locale);
    const offlineRows = (['en', 'zh', null] as const).map((locale) => {
      const rows = byLocale(locale);
      const statuses = [...new Set(rows.map((row) => row.status))].join(', ');
      return { goals: locale ?? 'all', plans: rows.length, wall: summarize(rows.map((r) => r.wallMs)), user: summarize(rows.map((r) => r.userMs)), statuses };
    });
    if (flags.has('--json')) {
      process.stdout.write(`${JSON.stringify({ machine: finished, customers, goals, runs, offline: offlineRows, latencyMs, modelRuns, modelPath, overhead, cpuOverhead }, null, 2)}\n`);
      return;
    }
    const offlineTable = formatTable(
      ['goals', 'plans', 'wall p50 ms', 'wall p95 ms', 'user CPU p50 ms', 'statuses'],
      offlineRows.map((row) => [row.goals, String(row.plans), ms(row.wall.p50), ms(row.wall.p95), ms(row.user.p50), row.statuses]),
    );
    const modelTable = formatTable(
      ['agent', 'plans', 'wall p50 ms', 'wall p95 ms', 'user CPU p50 ms', 'chat round trips', 'embedding calls', '≈ prompt tokens', '≈ answer tokens', 'wall − model time p50 ms', 'outcome'],
      modelPath.map((row) => [row.agent, String(row.wall.runs), ms(row.wall.p50), ms(row.wall.p95), ms(row.user.p50), `${row.chatCalls.p50} (${row.copyCalls.p50} copy)`, String(row.embeddingCalls.p50), String(row.promptTokens.p50), String(row.completionTokens.p50), ms(row.nonModel.p50), row.outcomes.join('; ')]),
    );
    const out = [
      machineLine(finished),
      `Offline model, ${customers} demo customers, ${goals.length} goals from evals/suites/planning.yaml x ${runs} runs (after one warm-up); goal: < 2000 ms per plan`,
      '',
      offlineTable,
      '',
      `Mock OpenAI-compatible model with ${latencyMs} ms added per call, ${modelRuns} plans per agent (alternating, after one warm-up each); goals: <= 3 round trips, overhead <= 1.2x`,
      '',
      modelTable,
      '',
      `Orchestration overhead (planner wall p50 / plain agent wall p50): ${overhead.toFixed(2)}x; in user CPU (p50 / p50): ${cpuOverhead.toFixed(2)}x`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
