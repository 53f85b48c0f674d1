// The regression gate. evals/baseline.json holds, per model and suite, each metric's accepted value
// with the drop it tolerates and whether each case passed. A run regresses when a metric falls by
// more than its tolerance or a case that passed now fails; `--update-baseline` rewrites the file
// from a complete run, keeping the tolerances people set.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { CodedError, describeIssues, ErrorCode } from '../errors.ts';
import { PASS_RATE, type CaseStatus, type EvalRun } from './eval-run.ts';
import { SuiteName } from './suite-schema.ts';

export const DEFAULT_TOLERANCE = 0.02;

const BaselineMetric = z.strictObject({ value: z.number(), tolerance: z.number().min(0).max(1) });
const BaselineSuite = z.strictObject({
  sha256: z.string(),
  metrics: z.record(z.string(), BaselineMetric),
  cases: z.record(z.string(), z.enum(['passed', 'failed'])),
});
const BaselineModel = z.strictObject({
  environment: z.strictObject({ now: z.string(), customers: z.number(), seed: z.number() }),
  suites: z.partialRecord(SuiteName, BaselineSuite),
});
export const Baseline = z.strictObject({
  version: z.literal(1),
  description: z.string(),
  models: z.record(z.string(), BaselineModel),
});
export type Baseline = z.infer<typeof Baseline>;

export function readBaseline(path: string): Baseline | null {
  if (!existsSync(path)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CodedError(ErrorCode.InvalidInput, `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Baseline.safeParse(data);
  if (!parsed.success) throw new CodedError(ErrorCode.InvalidInput, `${path}: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export type MetricChange = 'ok' | 'improved' | 'regressed' | 'new' | 'unverified';
export type CaseChange = 'same' | 'fixed' | 'regressed' | 'new' | 'unverified';

export interface MetricComparison {
  suite: string;
  metric: string;
  value: number | null;
  baseline: number | null;
  delta: number | null;
  tolerance: number;
  change: MetricChange;
}

export interface CaseComparison {
  suite: string;
  id: string;
  was: 'passed' | 'failed' | null;
  now: CaseStatus;
  change: CaseChange;
}

export interface Comparison {
  model: string;
  /** False when the baseline has no entry for this model: nothing to compare, nothing fails. */
  hasBaseline: boolean;
  metrics: MetricComparison[];
  cases: CaseComparison[];
  /** One line per regression, naming the suite and metric or case. */
  regressions: string[];
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function compareWithBaseline(run: EvalRun, baseline: Baseline | null): Comparison {
  const entry = baseline?.models[run.model];
  const metrics: MetricComparison[] = [];
  const cases: CaseComparison[] = [];
  const regressions: string[] = [];
  for (const suite of run.suites) {
    const before = entry?.suites[suite.name];
    // With cases unverified (no usable recording) the metrics cover other cases than the baseline's.
    const partial = suite.counts.stale + suite.counts.missing > 0;
    const names = [...new Set([...Object.keys(suite.metrics), ...Object.keys(before?.metrics ?? {})])].sort((a, b) => (a === PASS_RATE ? -1 : b === PASS_RATE ? 1 : a.localeCompare(b)));
    for (const metric of names) {
      const value = suite.metrics[metric]?.value ?? null;
      const accepted = before?.metrics[metric];
      const tolerance = accepted?.tolerance ?? DEFAULT_TOLERANCE;
      const delta = value !== null && accepted ? round(value - accepted.value) : null;
      const change: MetricChange =
        !accepted ? 'new' : value === null || partial ? 'unverified' : delta! < -tolerance - 1e-9 ? 'regressed' : delta! > 1e-9 ? 'improved' : 'ok';
      if (change === 'regressed') regressions.push(`${suite.name}: ${metric} fell from ${accepted!.value} to ${value} (tolerance ${tolerance})`);
      metrics.push({ suite: suite.name, metric, value, baseline: accepted?.value ?? null, delta, tolerance, change });
    }
    for (const result of run.cases.filter((entryCase) => entryCase.suite === suite.name)) {
      const was = before?.cases[result.id] ?? null;
      const failedNow = result.status === 'failed' || result.status === 'error';
      const change: CaseChange =
        result.status === 'stale' || result.status === 'missing' ? 'unverified'
          : result.status === 'pending' ? 'same'
            : was === null ? 'new'
              : was === 'passed' && failedNow ? 'regressed'
                : was === 'failed' && result.status === 'passed' ? 'fixed' : 'same';
      if (change === 'regressed') regressions.push(`${suite.name}/${result.id}: passed in the baseline, now ${result.status}${result.detail ? ` (${result.detail})` : ''}`);
      cases.push({ suite: suite.name, id: result.id, was, now: result.status, change });
    }
  }
  return { model: run.model, hasBaseline: Boolean(entry), metrics, cases, regressions };
}

/** The baseline with this run's model and suites replaced by the run's results. Refuses incomplete runs. */
export function updatedBaseline(baseline: Baseline | null, run: EvalRun): Baseline {
  const incomplete = run.cases.filter((result) => result.status === 'error' || result.status === 'stale' || result.status === 'missing');
  if (incomplete.length > 0) {
    throw new CodedError(
      ErrorCode.Conflict,
      `not updating the baseline from an incomplete run: ${incomplete.slice(0, 5).map((result) => `${result.suite}/${result.id} ${result.status}`).join(', ')}${incomplete.length > 5 ? ` and ${incomplete.length - 5} more` : ''}`,
    );
  }
  const previous = baseline?.models[run.model];
  const suites = { ...(previous?.suites ?? {}) };
  for (const suite of run.suites) {
    const kept = previous?.suites[suite.name]?.metrics ?? {};
    const metrics = Object.fromEntries(
      Object.entries(suite.metrics).map(([name, metric]) => [name, { value: metric.value, tolerance: kept[name]?.tolerance ?? DEFAULT_TOLERANCE }]),
    );
    const caseStatuses = Object.fromEntries(
      run.cases
        .filter((result) => result.suite === suite.name && (result.status === 'passed' || result.status === 'failed'))
        .map((result) => [result.id, result.status as 'passed' | 'failed'])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    suites[suite.name] = { sha256: suite.sha256, metrics, cases: caseStatuses };
  }
  const { now, customers, seed } = run.environment;
  return {
    version: 1,
    description:
      baseline?.description ??
      'Accepted eval results per model and suite. A run fails when a metric drops by more than its tolerance or a case listed as passed fails. Rewrite with `campaign-agent eval --update-baseline`; edit tolerances by hand.',
    models: { ...(baseline?.models ?? {}), [run.model]: { environment: { now, customers, seed }, suites } },
  };
}

/** Exit code of a gated run: 1 on a regression or an errored case, 2 when cases could not be verified (stale or missing recordings), else 0. */
export function gateExitCode(run: EvalRun, comparison: Comparison): 0 | 1 | 2 {
  if (comparison.regressions.length > 0 || run.cases.some((result) => result.status === 'error')) return 1;
  if (run.cases.some((result) => result.status === 'stale' || result.status === 'missing')) return 2;
  return 0;
}
