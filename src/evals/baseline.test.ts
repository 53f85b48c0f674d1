// The regression gate: metric drops beyond tolerance and cases that stopped passing are named;
// stale recordings are unverified, not regressions; the baseline update keeps tolerances and
// refuses incomplete runs.
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, gateExitCode, updatedBaseline, type Baseline } from './baseline.ts';
import { summariseSuite, type CaseResult, type CaseStatus, type EvalRun } from './eval-run.ts';
import type { Score } from './scorers/score.ts';

function result(id: string, status: CaseStatus, scores: Score[] = []): CaseResult {
  return { suite: 'planning', id, locale: 'en', description: null, turns: ['goal'], status, scores, output: null, detail: status === 'stale' ? 'prompt changed' : null, source: null, durationMs: 1 };
}

const score = (key: string, value: number): Score => ({ key, score: value, pass: value === 1, reason: 'r' });

function runOf(cases: CaseResult[], model = 'offline'): EvalRun {
  return {
    version: 1,
    startedAt: '2026-11-23T08:00:00.000Z',
    durationMs: 10,
    model,
    mode: 'offline',
    environment: { version: 1, now: '2026-11-23T08:00:00Z', timeZone: 'Asia/Shanghai', customers: 1500, seed: 42 },
    prompts: [{ name: 'planner', sha256: 'abc' }],
    suites: [summariseSuite('planning', 'planning suite', 'sha', cases)],
    cases,
  };
}

const accepted = runOf([
  result('a', 'passed', [score('brief.offer', 1), score('status', 1)]),
  result('b', 'passed', [score('brief.offer', 1), score('status', 1)]),
  result('c', 'failed', [score('brief.offer', 0), score('status', 1)]),
  result('d', 'passed', [score('brief.offer', 1), score('status', 1)]),
]);
const baseline = updatedBaseline(null, accepted);

describe('summariseSuite', () => {
  it('computes the pass rate and the mean of each score over scored cases only', () => {
    const suite = summariseSuite('planning', 'd', 's', [...accepted.cases, result('e', 'pending'), result('f', 'stale'), { ...result('g', 'passed', [{ ...score('judge.copy_rubric', 0), skipped: true }]) }]);
    expect(suite.counts).toEqual({ passed: 4, failed: 1, error: 0, stale: 1, missing: 0, pending: 1 });
    expect(suite.metrics).toEqual({ pass_rate: { value: 0.8, cases: 5 }, 'brief.offer': { value: 0.75, cases: 4 }, status: { value: 1, cases: 4 } });
    expect(suite.skipped).toEqual({ 'judge.copy_rubric': 1 });
  });
});

describe('compareWithBaseline', () => {
  it('finds nothing to report when the run matches the baseline', () => {
    const comparison = compareWithBaseline(accepted, baseline);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.metrics.map((metric) => [metric.metric, metric.change])).toEqual([['pass_rate', 'ok'], ['brief.offer', 'ok'], ['status', 'ok']]);
    expect(gateExitCode(accepted, comparison)).toBe(0);
  });

  it('names a case that passed and now fails, and a metric that fell by more than its tolerance', () => {
    const worse = runOf([
      result('a', 'passed', [score('brief.offer', 1), score('status', 1)]),
      result('b', 'failed', [score('brief.offer', 0), score('status', 1)]),
      result('c', 'failed', [score('brief.offer', 0), score('status', 1)]),
      result('d', 'passed', [score('brief.offer', 1), score('status', 1)]),
    ]);
    const comparison = compareWithBaseline(worse, baseline);
    expect(comparison.regressions).toEqual([
      'planning: pass_rate fell from 0.75 to 0.5 (tolerance 0.02)',
      'planning: brief.offer fell from 0.75 to 0.5 (tolerance 0.02)',
      'planning/b: passed in the baseline, now failed',
    ]);
    expect(gateExitCode(worse, comparison)).toBe(1);
  });

  it('tolerates a drop within the tolerance set in the baseline, and reports fixed cases', () => {
    const lenient: Baseline = structuredClone(baseline);
    lenient.models.offline!.suites.planning!.metrics['brief.offer']!.tolerance = 0.3;
    lenient.models.offline!.suites.planning!.metrics.pass_rate!.tolerance = 0.3;
    lenient.models.offline!.suites.planning!.cases.b = 'failed';
    const changed = runOf([
      result('a', 'passed', [score('brief.offer', 1), score('status', 1)]),
      result('b', 'failed', [score('brief.offer', 0), score('status', 1)]),
      result('c', 'passed', [score('brief.offer', 1), score('status', 1)]),
      result('d', 'failed', [score('brief.offer', 0), score('status', 1)]),
    ]);
    const comparison = compareWithBaseline(changed, lenient);
    expect(comparison.regressions).toEqual(['planning/d: passed in the baseline, now failed']);
    expect(comparison.cases.find((entry) => entry.id === 'c')).toMatchObject({ was: 'failed', now: 'passed', change: 'fixed' });
  });

  it('counts stale and missing recordings as unverified: exit code 2, not a regression', () => {
    const unverified = runOf([result('a', 'stale'), result('b', 'missing'), result('c', 'failed', [score('brief.offer', 0), score('status', 1)]), result('d', 'passed', [score('brief.offer', 1), score('status', 1)])]);
    const comparison = compareWithBaseline(unverified, baseline);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.cases.filter((entry) => entry.change === 'unverified').map((entry) => entry.id)).toEqual(['a', 'b']);
    // The metrics now cover other cases than the baseline's: not compared.
    expect(comparison.metrics.every((metric) => metric.change === 'unverified')).toBe(true);
    expect(gateExitCode(unverified, comparison)).toBe(2);
  });

  it('still names a failing case when others are unverified', () => {
    const mixed = runOf([result('a', 'stale'), result('b', 'failed', [score('brief.offer', 0), score('status', 1)]), ...accepted.cases.slice(2)]);
    const comparison = compareWithBaseline(mixed, baseline);
    expect(comparison.regressions).toEqual(['planning/b: passed in the baseline, now failed']);
    expect(gateExitCode(mixed, comparison)).toBe(1);
  });

  it('compares nothing for a model without a baseline', () => {
    const comparison = compareWithBaseline(runOf(accepted.cases, 'gpt-test'), baseline);
    expect(comparison.hasBaseline).toBe(false);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.metrics.every((metric) => metric.change === 'new')).toBe(true);
  });

  it('fails the run on an errored case', () => {
    const errored = runOf([...accepted.cases.slice(0, 3), result('e', 'error')]);
    expect(gateExitCode(errored, compareWithBaseline(errored, baseline))).toBe(1);
  });
});

describe('updatedBaseline', () => {
  it('records metrics and case outcomes per model and suite, keeping hand-set tolerances', () => {
    expect(baseline.models.offline!.suites.planning).toEqual({
      sha256: 'sha',
      metrics: { pass_rate: { value: 0.75, tolerance: 0.02 }, 'brief.offer': { value: 0.75, tolerance: 0.02 }, status: { value: 1, tolerance: 0.02 } },
      cases: { a: 'passed', b: 'passed', c: 'failed', d: 'passed' },
    });
    const tuned: Baseline = structuredClone(baseline);
    tuned.models.offline!.suites.planning!.metrics.status!.tolerance = 0.1;
    const next = updatedBaseline(tuned, runOf(accepted.cases, 'offline'));
    expect(next.models.offline!.suites.planning!.metrics.status).toEqual({ value: 1, tolerance: 0.1 });
    const withOther = updatedBaseline(next, runOf(accepted.cases, 'gpt-test'));
    expect(Object.keys(withOther.models)).toEqual(['offline', 'gpt-test']);
  });

  it('refuses a run with errored, stale or missing cases', () => {
    expect(() => updatedBaseline(baseline, runOf([result('a', 'error'), result('b', 'missing')]))).toThrow(/incomplete run: planning\/a error, planning\/b missing/);
  });
});
