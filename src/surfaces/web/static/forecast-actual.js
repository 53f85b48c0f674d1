// A finished campaign's forecast against what happened: the recorded outcome, then one row per
// figure with its 80% range as a bar, the p50 mark and a mark where the actual value fell, and
// whether it landed inside the range.
import { htmlElement, rangeBar } from './forecast-chart.js';
import { formatNumber, t } from './i18n.js';

function formatValue(value, metric) {
  if (metric === 'conversionRate') return `${formatNumber(value * 100, 2)}%`;
  // Scaled counts keep a decimal when small, so 1.92 does not read as the 2 that fell outside it.
  return formatNumber(value, metric === 'revenue' ? 2 : Math.abs(value) < 10 ? 1 : 0);
}

function describeForecast(range, metric, unit) {
  return `${formatValue(range.p10, metric)}–${formatValue(range.p90, metric)}${unit} (p50 ${formatValue(range.p50, metric)})`;
}

function outcomeLine(outcome, currency) {
  const words = t();
  const holdout = outcome.holdoutSize > 0 ? words.holdoutOutcome(formatNumber(outcome.holdoutSize), formatNumber(outcome.holdoutConverted)) : words.noHoldout;
  return words.outcomeLine(formatNumber(outcome.sent), formatNumber(outcome.delivered), formatNumber(outcome.converted), `${formatNumber(outcome.revenue, 2)}${currency}`, holdout);
}

/** A <figure> comparing forecast and actual; null when the plan has no recorded outcome. */
export function forecastVersusActualChart(result, currency = '') {
  if (!result) return null;
  const words = t();
  const unit = currency ? ` ${currency}` : '';
  const figure = htmlElement('figure', 'forecast-chart forecast-actual');
  if (result.endedAt) figure.append(htmlElement('p', 'muted small', `${words.endedOn} ${result.endedAt.slice(0, 10)}`));
  figure.append(htmlElement('p', 'small outcome-line', outcomeLine(result.outcome, unit)));
  for (const comparison of result.comparisons) {
    const row = htmlElement('div', `chart-row comparison ${comparison.inside80 ? 'comparison-inside' : 'comparison-outside'}`);
    row.dataset.metric = comparison.metric;
    row.dataset.inside = String(comparison.inside80);
    const money = comparison.metric === 'revenue' ? unit : '';
    const values = `${words.forecastShort} ${describeForecast(comparison.forecast, comparison.metric, money)} · ${words.actual} ${formatValue(comparison.actual, comparison.metric)}${money}`;
    row.append(
      htmlElement('span', 'chart-label', words.metric[comparison.metric] ?? comparison.metric),
      htmlElement('span', 'chart-values', values),
      rangeBar(comparison.forecast, comparison.actual),
      htmlElement('span', `verdict-status ${comparison.inside80 ? 'inside' : 'outside'}`, comparison.inside80 ? words.insideRange : words.outsideRange),
    );
    figure.append(row);
  }
  for (const note of result.notes) figure.append(htmlElement('p', 'muted small', note));
  figure.append(htmlElement('figcaption', 'muted small', words.versusActualCaption));
  return figure;
}
