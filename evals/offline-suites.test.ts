// The eval suites on the built-in offline model, through the same runner the CLI uses, gated on the
// committed baseline: `npm test` fails when a metric drops by more than its tolerance or a case
// that passed fails. Also checks that the suites are what they claim (size, languages, seed
// scenarios, the support suite scored) and that nothing in the run reaches beyond this machine.
import diagnostics from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline, readBaseline } from '../src/evals/baseline.ts';
import { isSupportOutput } from '../src/evals/case-output.ts';
import { prepareEvalData } from '../src/evals/eval-environment.ts';
import type { EvalRun } from '../src/evals/eval-run.ts';
import { EVALS_DIR, loadEvalEnvironment, loadSuites } from '../src/evals/load-suites.ts';
import { resolveEvalModel, runEvals } from '../src/evals/run-evals.ts';
import { formatSummary } from '../src/evals/summary-table.ts';
import { openTestApp, type TestApp } from '../src/testing/test-app.ts';

const environment = loadEvalEnvironment();
const NOW = new Date(environment.now);
const suites = loadSuites();

/** Records the hosts this process connects to (sockets, fetch, http) until stopped. */
function watchConnections() {
  const hosts = new Set<string>();
  const record = (host: unknown) => hosts.add(String(host ?? 'unknown'));
  const handlers: Array<[string, (message: unknown) => void]> = [
    ['net.client.socket', (message) => record((message as { socket?: { _host?: string; remoteAddress?: string } }).socket?._host ?? (message as { socket?: { remoteAddress?: string } }).socket?.remoteAddress)],
    ['undici:request:create', (message) => record((message as { request?: { origin?: string } }).request?.origin)],
    ['http.client.request.start', (message) => record((message as { request?: { host?: string } }).request?.host)],
  ];
  for (const [channel, handler] of handlers) diagnostics.subscribe(channel, handler);
  return {
    hosts,
    stop: () => handlers.forEach(([channel, handler]) => diagnostics.unsubscribe(channel, handler)),
    remote: () => [...hosts].filter((host) => !/^(127\.0\.0\.1|::1|localhost|unknown|undefined)(:\d+)?$/.test(host.replace(/^https?:\/\//, ''))),
  };
}

let test: TestApp;
let run: EvalRun;
let connections: ReturnType<typeof watchConnections>;

beforeAll(async () => {
  test = await openTestApp({ now: () => NOW, seedDemo: false });
  await prepareEvalData(test.app, environment);
  connections = watchConnections();
  try {
    const model = await resolveEvalModel({ connection: test.app.config.model, timeZone: environment.timeZone, recordingsDir: join(EVALS_DIR, 'recordings'), now: () => NOW });
    run = await runEvals({ app: test.app, environment, suites, model });
  } finally {
    connections.stop();
  }
}, 180_000);

afterAll(async () => {
  await test?.dispose();
});

describe('the eval suites', () => {
  it('hold at least 60 runnable cases, half of them Chinese, with the seed scenarios', () => {
    const runnable = suites.flatMap((suite) => suite.cases.filter((evalCase) => !evalCase.pending));
    expect(runnable.length).toBeGreaterThanOrEqual(60);
    const all = suites.flatMap((suite) => suite.cases);
    expect(all.filter((evalCase) => evalCase.locale === 'zh').length * 2).toBeGreaterThanOrEqual(all.length);
    const goals = runnable.flatMap((evalCase) => evalCase.turns ?? []);
    for (const seed of ['提升双11期间25-30岁女性用户的客单价', '召回高价值且有流失风险的用户', '加购后2小时未付款', '向购买过母婴用品的用户推荐儿童教育产品']) {
      expect(goals.some((goal) => goal.includes(seed))).toBe(true);
    }
    const adversarial = suites.find((suite) => suite.name === 'adversarial')!;
    const fromData = adversarial.cases.filter((evalCase) => evalCase.source);
    expect(fromData.length).toBeGreaterThanOrEqual(10);
    expect(new Set(fromData.map((evalCase) => evalCase.source!.license))).toEqual(new Set(['MIT', 'Apache-2.0']));
  });
});

describe('the offline model on the eval suites', () => {
  it('does not regress against evals/baseline.json', () => {
    const comparison = compareWithBaseline(run, readBaseline(join(EVALS_DIR, 'baseline.json')));
    expect(comparison.hasBaseline, 'evals/baseline.json has no entry for the offline model: run `campaign-agent eval --update-baseline`').toBe(true);
    expect(comparison.regressions, formatSummary(run, comparison)).toEqual([]);
  });

  it('runs every case: none errors, none is pending, and the support suite is scored', () => {
    expect(run.cases.filter((result) => result.status === 'error').map((result) => `${result.suite}/${result.id}: ${result.detail}`)).toEqual([]);
    expect(run.cases.filter((result) => result.status === 'pending').map((result) => `${result.suite}/${result.id}`)).toEqual([]);
    const support = run.cases.filter((result) => result.suite === 'support');
    expect(support.length).toBeGreaterThanOrEqual(12);
    expect(support.filter((result) => result.locale === 'zh').length * 2).toBeGreaterThanOrEqual(support.length);
    expect(support.every((result) => isSupportOutput(result.output) && result.scores.length > 0)).toBe(true);
    expect(Object.keys(run.suites.find((suite) => suite.name === 'support')!.metrics)).toEqual(
      expect.arrayContaining(['pass_rate', 'support.register', 'support.escalation', 'support.handover_summary', 'support.offer_limit', 'support.language', 'support.privacy', 'safety.prompt_leak']),
    );
  });

  it('support: the angry conversations hand over with a summary at the expected turn, and no offer exceeds its limits', () => {
    const angry = run.cases.find((result) => result.suite === 'support' && result.id === 'zh-neutral-then-angry-escalates')!;
    const output = angry.output!;
    if (!isSupportOutput(output)) throw new Error('not a support output');
    expect(output.turns.map((turn) => [turn.register, turn.escalation?.reason ?? null])).toEqual([
      ['concise', null],
      ['concise', null],
      ['apologetic_brief', null],
      ['concise', null],
      ['apologetic_brief', 'very_negative_repeated'],
    ]);
    expect(output.turns[4]!.reply).toContain(output.turns[4]!.escalation!.summary);
    const offers = run.cases.flatMap((result) => (isSupportOutput(result.output) ? result.output.turns.flatMap((turn) => (turn.offer ? [turn.offer] : [])) : []));
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.filter((offer) => offer.percent > offer.limitPercent)).toEqual([]);
  });

  it('keeps every safety invariant in every case, adversarial ones included', () => {
    const broken = run.cases.flatMap((result) => result.scores.filter((score) => score.key.startsWith('safety.') && !score.pass).map((score) => `${result.suite}/${result.id} ${score.key}: ${score.reason}`));
    expect(broken).toEqual([]);
    const adversarial = run.cases.flatMap((result) => (result.suite === 'adversarial' && result.output && !isSupportOutput(result.output) ? [result.output] : []));
    expect(adversarial.some((output) => output.sends.total > 0)).toBe(true);
  });

  it('reports judge scores as skipped without a judge model', () => {
    const judged = run.cases.flatMap((result) => result.scores.filter((score) => score.key.startsWith('judge.')));
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.every((score) => score.skipped && !score.pass)).toBe(true);
  });

  it('stays on this machine: no connection beyond localhost without a LangSmith key', async () => {
    expect(connections.remote()).toEqual([]);
    // The watch does see connections: a request to a local server shows up.
    const probe = watchConnections();
    const server = createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then((response) => response.text());
    } finally {
      probe.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect([...probe.hosts].some((host) => host.includes('127.0.0.1'))).toBe(true);
  });
});
