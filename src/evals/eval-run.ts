// The result of an eval run, as the terminal table, the JSON output, the HTML report, the history
// and the baseline read it; and the per-suite metrics computed from the case results.
import type { AnyCaseOutput } from './case-output.ts';
import type { PromptIdentity } from './recordings.ts';
import type { Score } from './scorers/score.ts';
import type { EvalEnvironment, SuiteName } from './suite-schema.ts';

/**
 * passed/failed: scored. error: the run broke. stale/missing: a replay had no usable recording.
 * pending: the case cannot run yet. Only passed counts as a pass.
 */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'stale' | 'missing' | 'pending';
export const CASE_STATUSES: readonly CaseStatus[] = ['passed', 'failed', 'error', 'stale', 'missing', 'pending'];

export interface CaseResult {
  suite: SuiteName;
  id: string;
  locale: 'en' | 'zh';
  description: string | null;
  /** What was sent to the agent. */
  turns: string[];
  status: CaseStatus;
  scores: Score[];
  output: AnyCaseOutput | null;
  /** Why the case errored, is stale or missing, or is pending. */
  detail: string | null;
  source: { dataset: string; item: string | number; license: string } | null;
  durationMs: number;
}

export interface MetricValue {
  value: number;
  /** Cases the value is computed over. */
  cases: number;
}

export interface SuiteResult {
  name: SuiteName;
  description: string;
  sha256: string;
  counts: Record<CaseStatus, number>;
  /** `pass_rate` plus the mean of every score key, over the cases that were scored. */
  metrics: Record<string, MetricValue>;
  /** Score keys that were skipped, with how many cases skipped them. */
  skipped: Record<string, number>;
}

export type RunMode = 'offline' | 'live' | 'record' | 'replay';

export interface EvalRun {
  version: 1;
  startedAt: string;
  durationMs: number;
  model: string;
  mode: RunMode;
  environment: EvalEnvironment;
  prompts: PromptIdentity[];
  suites: SuiteResult[];
  cases: CaseResult[];
}

export const PASS_RATE = 'pass_rate';

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function summariseSuite(name: SuiteName, description: string, sha256: string, cases: readonly CaseResult[]): SuiteResult {
  const counts = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
  for (const result of cases) counts[result.status] += 1;
  const evaluated = cases.filter((result) => result.status === 'passed' || result.status === 'failed' || result.status === 'error');
  const metrics: Record<string, MetricValue> = {};
  if (evaluated.length > 0) metrics[PASS_RATE] = { value: round(counts.passed / evaluated.length), cases: evaluated.length };
  const sums = new Map<string, { total: number; cases: number }>();
  const skipped: Record<string, number> = {};
  for (const result of evaluated) {
    for (const score of result.scores) {
      if (score.skipped) {
        skipped[score.key] = (skipped[score.key] ?? 0) + 1;
        continue;
      }
      const sum = sums.get(score.key) ?? { total: 0, cases: 0 };
      sum.total += score.score;
      sum.cases += 1;
      sums.set(score.key, sum);
    }
  }
  for (const [key, sum] of [...sums.entries()].sort(([a], [b]) => a.localeCompare(b))) metrics[key] = { value: round(sum.total / sum.cases), cases: sum.cases };
  return { name, description, sha256, counts, metrics, skipped };
}
