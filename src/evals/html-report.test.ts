// The HTML report is one self-contained page: verdict, suite and metric tables against the
// baseline, the history chart, and every case with inputs, outputs and scores, all escaped. The
// terminal summary carries the same numbers.
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, updatedBaseline } from './baseline.ts';
import { summariseSuite, type CaseResult, type EvalRun } from './eval-run.ts';
import { historyEntry } from './history.ts';
import { renderHtmlReport } from './html-report.ts';
import { sampleOutput } from './scorers/scorer-fixtures.ts';
import { formatSummary } from './summary-table.ts';

function caseResult(id: string, status: CaseResult['status'], turn = 'Win back lapsed customers'): CaseResult {
  const pass = status === 'passed';
  return {
    suite: 'planning',
    id,
    locale: 'en',
    description: null,
    turns: [turn],
    status,
    scores: status === 'pending' ? [] : [{ key: 'status', score: pass ? 1 : 0, pass, reason: pass ? 'status needs_approval' : 'status blocked, expected needs_approval' }],
    output: status === 'pending' ? null : sampleOutput(),
    detail: status === 'pending' ? 'the support bot does not exist yet' : null,
    source: id === 'b' ? { dataset: 'Giskard-AI/prompt-injections', item: 21, license: 'MIT' } : null,
    durationMs: 12,
  };
}

function runOf(cases: CaseResult[], startedAt: string): EvalRun {
  return {
    version: 1,
    startedAt,
    durationMs: 1500,
    model: 'offline',
    mode: 'offline',
    environment: { version: 1, now: '2026-11-23T08:00:00Z', timeZone: 'Asia/Shanghai', customers: 1500, seed: 42 },
    prompts: [{ name: 'planner', sha256: 'a'.repeat(64) }],
    suites: [summariseSuite('planning', 'Goals become plans.', 'sha', cases)],
    cases,
  };
}

const before = runOf([caseResult('a', 'passed'), caseResult('b', 'passed')], '2026-11-22T08:00:00.000Z');
const now = runOf([caseResult('a', 'passed', '<script>alert("x")</script> & more'), caseResult('b', 'failed'), caseResult('c', 'pending')], '2026-11-23T08:00:00.000Z');
const comparison = compareWithBaseline(now, updatedBaseline(null, before));

describe('renderHtmlReport', () => {
  const html = renderHtmlReport({ run: now, comparison, history: [historyEntry(before), historyEntry(now)] });

  it('is one page with no scripts and nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|@import|url\(/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more');
  });

  it('shows the verdict, the comparison and the chart', () => {
    expect(html).toContain('3 regressions against the baseline');
    expect(html).toContain('planning/b: passed in the baseline, now failed');
    expect(html).toContain('baseline passed → failed');
    expect(html).toMatch(/<svg[^>]*aria-label="pass_rate over the last 2 runs"/);
    expect(html).toContain('<polyline');
    expect(html).toContain('input from Giskard-AI/prompt-injections #21 (MIT)');
    expect(html).toContain('the support bot does not exist yet');
    expect(html).toContain('status blocked, expected needs_approval');
  });
});

describe('formatSummary', () => {
  it('lists counts, metrics against the baseline, failing cases and regressions', () => {
    const text = formatSummary(now, comparison);
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Evals on offline (offline) in 1.5 s',
      '',
      'suite     cases  passed  failed  errors  stale  missing  pending',
      'planning  3      1       1       0       0      0        1',
      '',
    ]);
    expect(text).toContain('planning  pass_rate  50.0%  2      100.0%    -50.0pt  regressed');
    expect(text).toContain('  planning/b: status: status blocked, expected needs_approval');
    expect(text).toContain(
      'REGRESSIONS (3):\n  planning: pass_rate fell from 1 to 0.5 (tolerance 0.02)\n  planning: status fell from 1 to 0.5 (tolerance 0.02)\n  planning/b: passed in the baseline, now failed',
    );
  });
});
