// Server benchmark: N concurrent chat sessions through the HTTP server (src/surfaces/web) against a
// streaming OpenAI-compatible mock model (bench/streaming-mock-model.ts) with a fixed latency. Each
// session does what the chat page does: POST /api/threads with the goal, then follows
// GET /api/threads/:id/stream (SSE) until `done`. Reported, p50/p95 over sessions:
// - server-added latency: session time (POST to `done`) minus the model's time on that session's
//   requests (arrival to last byte, chat and embeddings);
// - first token to first SSE event: from the mock writing its first content token to the client
//   reading the first `token` event of that session.
// Goals: server-added < 20 ms, first token to SSE < 10 ms.
//
//   node bin/with-node.mjs bench/server.ts [--sessions N] [--latency MS] [--customers N] [--json]
//
// Defaults: 100 sessions, 200 ms model latency, 1,500 demo customers on an embedded database (the
// test app: src/testing/test-app.ts), rate limit raised so one client can open all sessions.
// The scripted model says a sentence and calls query_segment, then says another and calls the three
// plan-completing tools; the plan then waits for approval.
import { startTestServer, TEST_TOKENS } from '../src/surfaces/web/web-test-server.ts';
import { PLAN_COMPLETION_TOOLS, ToolName } from '../tools/tool-names.ts';
import { describeMachine, finishMachine, formatTable, machineLine, ms, progress, readFlags, summarize } from './bench-kit.ts';
import { startStreamingMockModel, type StreamedAnswer } from './streaming-mock-model.ts';

const marker = (session: number) => `(session ${session})`;

function scriptFor(day: string) {
  return function answer(body: Record<string, unknown>): StreamedAnswer {
    // generate_copy's request for copy (no tools bound): not the JSON it wants, so templates write it.
    if (!Array.isArray(body.tools)) return { content: 'Copy: use the templates.', toolCalls: [] };
    const messages = (body.messages ?? []) as Array<{ role: string; content: unknown }>;
    const goal = String(messages.find((message) => message.role === 'user')?.content ?? '');
    const toolReplies = messages.filter((message) => message.role === 'tool').length;
    const brief = { goal, objective: 'winback', channels: ['email'], offer: { type: 'percent_off', percent: 10 }, timing: { kind: 'at', localDateTime: `${day}T10:00` }, locale: 'en', category: null, budget: null };
    const rolling = (days: number) => ({ type: 'rolling', days });
    const definition = { version: 1, root: { kind: 'and', conditions: [{ kind: 'order_stat', metric: 'count', window: rolling(365), min: 1 }, { kind: 'order_stat', metric: 'count', window: rolling(90), max: 0 }] } };
    if (toolReplies === 0) return { content: 'Looking for customers who stopped buying in the last 90 days. ', toolCalls: [{ name: ToolName.querySegment, arguments: { brief, definition, assumptions: ['lapsed = no order in 90 days'] } }] };
    if (toolReplies === 1) return { content: 'Found them; forecasting, writing the e-mail and scheduling it. ', toolCalls: PLAN_COMPLETION_TOOLS.map((name) => ({ name, arguments: {} })) };
    return { content: 'The plan is ready for approval.', toolCalls: [] };
  };
}

interface SessionResult {
  session: number;
  wallMs: number;
  firstTokenEventAt: number | null;
  doneAt: number;
  events: number;
  finalStatus: string;
}

/** One chat session as the page runs it; times are performance.now() of this process. */
async function runSession(url: string, session: number): Promise<SessionResult> {
  const headers = { authorization: `Bearer ${TEST_TOKENS.admin}`, 'content-type': 'application/json' };
  const started = performance.now();
  const created = await fetch(`${url}/api/threads`, { method: 'POST', headers, body: JSON.stringify({ text: `Win back lapsed customers by email with 10% off ${marker(session)}` }) });
  if (created.status !== 201) throw new Error(`session ${session}: POST /api/threads answered ${created.status}: ${await created.text()}`);
  const { threadId, runId } = (await created.json()) as { threadId: string; runId: string };
  const stream = await fetch(`${url}/api/threads/${threadId}/stream?run=${runId}`, { headers: { authorization: headers.authorization } });
  if (!stream.ok || !stream.body) throw new Error(`session ${session}: stream answered ${stream.status}`);
  let buffer = '';
  let firstTokenEventAt: number | null = null;
  let events = 0;
  let finalStatus = 'no plan';
  const decoder = new TextDecoder();
  for await (const chunk of stream.body) {
    const now = performance.now();
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (!data) continue;
      const event = JSON.parse(data.slice(6)) as { type: string; plan?: { status: string }; message?: string };
      events += 1;
      if (event.type === 'token' && firstTokenEventAt === null) firstTokenEventAt = now;
      if (event.type === 'plan') finalStatus = event.plan!.status;
      if (event.type === 'error') finalStatus = `error: ${event.message}`;
      if (event.type === 'done') return { session, wallMs: now - started, firstTokenEventAt, doneAt: now, events, finalStatus };
    }
  }
  throw new Error(`session ${session}: the stream ended without a done event`);
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2));
  const sessions = flags.integer('--sessions', 100);
  const latencyMs = flags.integer('--latency', 200, 0);
  const customers = flags.integer('--customers', 1500);
  const machine = describeMachine();
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const model = await startStreamingMockModel({ latencyMs, answer: scriptFor(day) });
  progress('opening the app and the server (seeding the demo data)', true);
  const server = await startTestServer({
    seedCustomers: customers,
    env: { OPENAI_API_KEY: 'bench-key', OPENAI_BASE_URL: model.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0', LOG_LEVEL: 'silent' },
    rateLimit: { limit: 1_000_000 },
  });
  // The sessions' connections sit idle while plans run; a socket the server closed after its default
  // 5 s keep-alive fails the next request on it (ECONNRESET) instead of being retried by fetch.
  server.server.keepAliveTimeout = 10 * 60_000;
  let results: SessionResult[] = [];
  let cpu = process.cpuUsage();
  try {
    await runSession(server.url, 0); // warm-up
    progress(`${sessions} concurrent sessions`, true);
    cpu = process.cpuUsage();
    results = await Promise.all(Array.from({ length: sessions }, (_, index) => runSession(server.url, index + 1)));
  } finally {
    await server.close();
    await model.close();
  }
  const userCpuPerSessionMs = process.cpuUsage(cpu).user / 1000 / sessions;
  process.stderr.write('\n');
  const added: number[] = [];
  const tokenToEvent: number[] = [];
  for (const result of results) {
    const calls = model.timings.filter((timing) => timing.goal.includes(`${marker(result.session)}`));
    const modelMs = calls.reduce((sum, timing) => sum + (timing.finishedAt - timing.arrivedAt), 0);
    added.push(result.wallMs - modelMs);
    const firstToken = calls.map((timing) => timing.firstTokenAt).filter((at): at is number => at !== null).sort((a, b) => a - b)[0];
    if (firstToken !== undefined && result.firstTokenEventAt !== null) tokenToEvent.push(result.firstTokenEventAt - firstToken);
  }
  const wall = summarize(results.map((result) => result.wallMs));
  const serverAdded = summarize(added);
  const firstTokenToSse = summarize(tokenToEvent);
  const statuses = [...new Set(results.map((result) => result.finalStatus))];
  const finished = finishMachine(machine);
  if (flags.has('--json')) {
    process.stdout.write(`${JSON.stringify({ machine: finished, sessions, latencyMs, customers, wall, serverAdded, firstTokenToSse, userCpuPerSessionMs, statuses }, null, 2)}\n`);
    return;
  }
  const table = formatTable(
    ['measure', 'sessions', 'p50 ms', 'p95 ms', 'goal'],
    [
      ['session wall (POST to done)', String(wall.runs), ms(wall.p50), ms(wall.p95), '—'],
      ['server-added latency', String(serverAdded.runs), ms(serverAdded.p50), ms(serverAdded.p95), '< 20 ms'],
      ['model first token to first SSE token event', String(firstTokenToSse.runs), ms(firstTokenToSse.p50), ms(firstTokenToSse.p95), '< 10 ms'],
    ],
  );
  const lines = [
    machineLine(finished),
    `${sessions} concurrent sessions, streaming mock model with ${latencyMs} ms before each answer, ${customers} demo customers (embedded); plans ended: ${statuses.join(', ')}`,
    `User CPU of this process (server, mock model and clients) per session: ${ms(userCpuPerSessionMs)} ms`,
    '',
    table,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
