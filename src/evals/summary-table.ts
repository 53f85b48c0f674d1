// The terminal summary of an eval run: cases per suite and status, then one row per suite and
// metric with the baseline and the change, then the regressions the gate found, by name.
import type { Comparison } from './baseline.ts';
import type { EvalRun } from './eval-run.ts';

const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const signed = (value: number | null) => (value === null ? '-' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)}pt`);

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

export function formatSummary(run: EvalRun, comparison: Comparison, { baselineUpdated = false }: { baselineUpdated?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Evals on ${run.model} (${run.mode}) in ${(run.durationMs / 1000).toFixed(1)} s`);
  const countRows = [['suite', 'cases', 'passed', 'failed', 'errors', 'stale', 'missing', 'pending']];
  for (const suite of run.suites) {
    const c = suite.counts;
    countRows.push([suite.name, ...[c.passed + c.failed + c.error + c.stale + c.missing + c.pending, c.passed, c.failed, c.error, c.stale, c.missing, c.pending].map(String)]);
  }
  lines.push('', table(countRows));
  const metricRows = [['suite', 'metric', 'value', 'cases', 'baseline', 'change', '']];
  for (const metric of comparison.metrics) {
    const cases = run.suites.find((suite) => suite.name === metric.suite)?.metrics[metric.metric]?.cases;
    metricRows.push([metric.suite, metric.metric, percent(metric.value), cases === undefined ? '-' : String(cases), percent(metric.baseline), signed(metric.delta), metric.change === 'ok' ? '' : metric.change]);
  }
  for (const suite of run.suites) {
    for (const [key, count] of Object.entries(suite.skipped)) metricRows.push([suite.name, key, 'skipped', String(count), '-', '-', '']);
  }
  lines.push('', table(metricRows));
  const failing = run.cases.filter((result) => result.status === 'failed' || result.status === 'error');
  if (failing.length) {
    lines.push('', 'Failing cases:');
    for (const result of failing) {
      const reason = result.status === 'error' ? result.detail : result.scores.filter((score) => !score.pass && !score.skipped && !score.advisory).map((score) => `${score.key}: ${score.reason}`).join('; ');
      lines.push(`  ${result.suite}/${result.id}: ${reason}`);
    }
  }
  const unverified = run.cases.filter((result) => result.status === 'stale' || result.status === 'missing');
  if (unverified.length) {
    lines.push('', `Not verified (${unverified.length}): no usable recording`);
    for (const result of unverified) lines.push(`  ${result.status.padEnd(7)} ${result.suite}/${result.id}: ${result.detail}`);
  }
  if (!comparison.hasBaseline && !baselineUpdated) lines.push('', `No baseline for ${run.model} in evals/baseline.json: run with --update-baseline to accept these results.`);
  if (comparison.regressions.length) {
    lines.push('', `REGRESSIONS (${comparison.regressions.length}):`, ...comparison.regressions.map((line) => `  ${line}`));
  } else if (comparison.hasBaseline) {
    lines.push('', unverified.length ? `No regressions among the cases that ran; ${unverified.length} could not be verified.` : 'No regressions against the baseline.');
  }
  return lines.join('\n');
}
