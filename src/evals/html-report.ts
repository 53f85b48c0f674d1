// The eval report as one self-contained HTML file: the gate's verdict, a table per suite and metric
// against the baseline, a chart of the pass rate over past runs, and every case with its inputs,
// outputs and scores. No scripts and no external resources: it opens anywhere, also as a CI artifact.
import { isSupportOutput } from './case-output.ts';
import type { CaseComparison, Comparison, MetricComparison } from './baseline.ts';
import type { CaseResult, EvalRun } from './eval-run.ts';
import { PASS_RATE } from './eval-run.ts';
import { renderHistoryChart } from './history-chart.ts';
import type { HistoryEntry } from './history.ts';

const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const signed = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)} pt`);

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1100px;color:#111827;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#6b7280}.banner{padding:10px 14px;border-radius:6px;margin:14px 0}.ok{background:#ecfdf5;color:#065f46}.bad{background:#fef2f2;color:#991b1b}.warn{background:#fffbeb;color:#92400e}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600}
.passed,.improved,.fixed{background:#d1fae5;color:#065f46}.failed,.error,.regressed{background:#fee2e2;color:#991b1b}
.stale,.missing,.unverified,.skipped{background:#fef3c7;color:#92400e}.pending,.same,.ok-change,.new{background:#e5e7eb;color:#374151}
details{border:1px solid #e5e7eb;border-radius:6px;margin:6px 0;padding:4px 10px}summary{cursor:pointer}
pre{white-space:pre-wrap;word-break:break-word;background:#f9fafb;padding:8px;border-radius:4px;margin:4px 0;font-size:12.5px}
`;

function badge(kind: string, text: string = kind): string {
  return `<span class="badge ${escapeHtml(kind === 'ok' ? 'ok-change' : kind)}">${escapeHtml(text)}</span>`;
}

function banner(run: EvalRun, comparison: Comparison): string {
  const unverified = run.cases.filter((result) => result.status === 'stale' || result.status === 'missing').length;
  const errors = run.cases.filter((result) => result.status === 'error').length;
  if (comparison.regressions.length) {
    return `<div class="banner bad"><strong>${comparison.regressions.length} regression${comparison.regressions.length === 1 ? '' : 's'} against the baseline</strong><ul>${comparison.regressions.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></div>`;
  }
  const notes = [
    !comparison.hasBaseline ? `no baseline for model ${run.model}: nothing compared` : null,
    unverified ? `${unverified} case${unverified === 1 ? '' : 's'} without a usable recording (stale or missing): not verified` : null,
    errors ? `${errors} case${errors === 1 ? '' : 's'} errored` : null,
  ].filter(Boolean);
  return notes.length
    ? `<div class="banner warn">${notes.map((note) => escapeHtml(note)).join('<br>')}</div>`
    : `<div class="banner ok"><strong>No regressions</strong> against the baseline for ${escapeHtml(run.model)}.</div>`;
}

function suitesTable(run: EvalRun, comparison: Comparison): string {
  const rows = run.suites.map((suite) => {
    const rate = comparison.metrics.find((metric) => metric.suite === suite.name && metric.metric === PASS_RATE);
    const c = suite.counts;
    return `<tr><td>${escapeHtml(suite.name)}</td>${[c.passed + c.failed + c.error + c.stale + c.missing + c.pending, c.passed, c.failed, c.error, c.stale, c.missing, c.pending].map((n) => `<td class="num">${n}</td>`).join('')}<td class="num">${percent(rate?.value ?? null)}</td><td class="num">${percent(rate?.baseline ?? null)}</td><td class="num">${signed(rate?.delta ?? null)}</td></tr>`;
  });
  return `<table><tr><th>suite</th><th>cases</th><th>passed</th><th>failed</th><th>errors</th><th>stale</th><th>missing</th><th>pending</th><th>pass rate</th><th>baseline</th><th>Δ</th></tr>${rows.join('')}</table>`;
}

function metricsTable(run: EvalRun, metrics: readonly MetricComparison[]): string {
  return run.suites
    .map((suite) => {
      const rows = metrics
        .filter((metric) => metric.suite === suite.name)
        .map((metric) => `<tr><td>${escapeHtml(metric.metric)}</td><td class="num">${percent(metric.value)}</td><td class="num">${suite.metrics[metric.metric]?.cases ?? 0}</td><td class="num">${percent(metric.baseline)}</td><td class="num">${signed(metric.delta)}</td><td class="num">${(metric.tolerance * 100).toFixed(1)} pt</td><td>${badge(metric.change)}</td></tr>`);
      const skipped = Object.entries(suite.skipped).map(([key, count]) => `<tr><td>${escapeHtml(key)}</td><td colspan="6">${badge('skipped')} in ${count} case${count === 1 ? '' : 's'}</td></tr>`);
      return `<h3 id="metrics-${escapeHtml(suite.name)}">${escapeHtml(suite.name)}</h3><p class="meta">${escapeHtml(suite.description)}</p><table><tr><th>metric</th><th>value</th><th>cases</th><th>baseline</th><th>Δ</th><th>tolerance</th><th>change</th></tr>${rows.join('')}${skipped.join('')}</table>`;
    })
    .join('');
}

function outputBlock(result: CaseResult): string {
  const output = result.output;
  if (!output) return result.detail ? `<pre>${escapeHtml(result.detail)}</pre>` : '';
  if (isSupportOutput(output)) {
    const turns = output.turns.map((turn, index) => {
      const facts = [turn.band, turn.register, turn.customerId ? 'verified' : 'not verified', turn.offer ? `offer ${turn.offer.currency} ${turn.offer.amount} (${turn.offer.percent}% of max ${turn.offer.limitPercent}%)` : '', turn.crossSell.length ? `suggests ${turn.crossSell.join(', ')}` : '', turn.escalation ? `handed over: ${turn.escalation.reason}` : ''].filter(Boolean);
      return `<p><strong>turn ${index + 1}</strong> <span class="meta">${escapeHtml(facts.join(' · '))}</span></p><pre>${escapeHtml(turn.reply)}</pre>`;
    });
    return `<p><strong>support replies</strong></p>${turns.join('')}`;
  }
  const { plan } = output;
  const parts = [`<p><strong>status</strong> ${escapeHtml(plan.status)}${plan.campaignId ? ` · campaign ${escapeHtml(plan.campaignId)}` : ''}${output.approvedByHarness ? ' · approved by the harness' : ''} · ${output.sends.total} sends queued</p>`];
  if (plan.question || plan.summary) parts.push(`<p><strong>agent</strong></p><pre>${escapeHtml(plan.question ?? plan.summary)}</pre>`);
  if (plan.brief) parts.push(`<p><strong>brief</strong></p><pre>${escapeHtml(JSON.stringify({ ...plan.brief, goal: undefined }, null, 1))}</pre>`);
  if (plan.segment) parts.push(`<p><strong>segment</strong> (${plan.segment.count} customers)</p><pre>${escapeHtml(plan.segment.description)}\n${escapeHtml(JSON.stringify(plan.segment.definition.root))}</pre>`);
  if (plan.messages.length) parts.push(`<p><strong>copy</strong></p>${plan.messages.map((m) => `<pre>[${escapeHtml(`${m.channel}/${m.variant}`)}] ${m.title ? `<strong>${escapeHtml(m.title)}</strong>\n` : ''}${escapeHtml(m.text)}</pre>`).join('')}`);
  if (plan.guardrails.length) parts.push(`<p><strong>guardrails</strong></p><pre>${plan.guardrails.map((v) => escapeHtml(`${v.rule}: ${v.status} — ${v.detail}`)).join('\n')}</pre>`);
  parts.push(`<p><strong>tool calls</strong> ${escapeHtml(output.trajectory.map((turn) => turn.map((call) => call.name).join(' + ')).join(' → ') || 'none')}</p>`);
  return parts.join('');
}

function caseBlock(result: CaseResult, change: CaseComparison | undefined): string {
  const interesting = result.status !== 'passed' || (change && change.change !== 'same');
  const changeText = change?.was ? `baseline ${change.was} → ${result.status}` : change?.change === 'new' ? 'not in the baseline' : '';
  const scores = result.scores
    .map((score) => `<tr><td>${escapeHtml(score.key)}</td><td class="num">${score.skipped ? '–' : score.score.toFixed(2)}</td><td>${badge(score.skipped ? 'skipped' : score.pass ? 'passed' : 'failed', score.skipped ? 'skipped' : score.pass ? 'pass' : score.advisory ? 'low' : 'fail')}</td><td>${escapeHtml(score.reason)}</td></tr>`)
    .join('');
  const source = result.source ? `<p class="meta">input from ${escapeHtml(result.source.dataset)} #${escapeHtml(result.source.item)} (${escapeHtml(result.source.license)})</p>` : '';
  return `<details${interesting ? ' open' : ''}><summary>${badge(result.status)} <strong>${escapeHtml(result.id)}</strong> <span class="meta">${escapeHtml(result.locale)} · ${result.durationMs} ms ${changeText ? `· ${escapeHtml(changeText)}` : ''}</span> ${change && change.change !== 'same' && change.change !== 'new' ? badge(change.change) : ''}</summary>
${result.description ? `<p>${escapeHtml(result.description)}</p>` : ''}${source}<p><strong>input</strong></p>${result.turns.map((turn) => `<pre>${escapeHtml(turn)}</pre>`).join('')}
${scores ? `<table><tr><th>score</th><th>value</th><th></th><th>reason</th></tr>${scores}</table>` : ''}${outputBlock(result)}</details>`;
}

export interface HtmlReportInput {
  run: EvalRun;
  comparison: Comparison;
  history: readonly HistoryEntry[];
}

export function renderHtmlReport({ run, comparison, history }: HtmlReportInput): string {
  const suiteNames = run.suites.map((suite) => suite.name);
  const baselineRates = Object.fromEntries(comparison.metrics.filter((metric) => metric.metric === PASS_RATE).map((metric) => [metric.suite, metric.baseline ?? undefined]));
  const chart = renderHistoryChart(history, { metric: PASS_RATE, suites: suiteNames, baseline: baselineRates });
  const changes = new Map(comparison.cases.map((entry) => [`${entry.suite}/${entry.id}`, entry]));
  const caseSections = run.suites
    .map((suite) => `<h3 id="cases-${escapeHtml(suite.name)}">${escapeHtml(suite.name)}</h3>${run.cases.filter((result) => result.suite === suite.name).map((result) => caseBlock(result, changes.get(`${result.suite}/${result.id}`))).join('\n')}`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>campaign-agent evals · ${escapeHtml(run.model)} · ${escapeHtml(run.startedAt)}</title><style>${STYLE}</style></head>
<body>
<h1>campaign-agent eval report</h1>
<p class="meta">model <strong>${escapeHtml(run.model)}</strong> (${escapeHtml(run.mode)}) · started ${escapeHtml(run.startedAt)} · ${(run.durationMs / 1000).toFixed(1)} s · eval clock ${escapeHtml(run.environment.now)} · ${run.environment.customers} demo customers (seed ${run.environment.seed}) · ${run.prompts.map((prompt) => `prompt ${escapeHtml(prompt.name)} ${escapeHtml(prompt.sha256.slice(0, 12))}`).join(', ')}</p>
${banner(run, comparison)}
<h2 id="suites">Suites</h2>${suitesTable(run, comparison)}
<h2 id="history">Pass rate over recent runs</h2><p class="meta">Solid: recorded runs of ${escapeHtml(run.model)}; dashed: the baseline.</p>${chart}
<h2 id="metrics">Metrics</h2>${metricsTable(run, comparison.metrics)}
<h2 id="cases">Cases</h2>${caseSections}
</body></html>
`;
}
