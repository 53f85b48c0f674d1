// A campaign's A/B test as a chart: one row per copy variant and the holdout, with customers and
// buyers written out and an inline bar of the conversion rate's 80% range (marked at p50), then each
// variant's lift over the holdout and its chance of being the best, and the leader if there is one.
import { htmlElement, rangeBar } from './forecast-chart.js';
import { formatNumber, t } from './i18n.js';

const percent = (value) => `${formatNumber(value * 100, 1)}%`;
const points = (value) => `${value >= 0 ? '+' : ''}${formatNumber(value * 100, 1)}`;

function armRow(arm, words) {
  const row = htmlElement('div', 'chart-row arm');
  row.dataset.arm = arm.arm;
  const counts = words.armCounts(formatNumber(arm.customers), arm.arm === 'holdout' ? null : formatNumber(arm.messaged), formatNumber(arm.converted));
  const rate = `${percent(arm.rate.p50)} (80%: ${percent(arm.rate.p10)}–${percent(arm.rate.p90)})`;
  row.append(
    htmlElement('span', 'chart-label', arm.arm === 'holdout' ? words.holdoutArm : `${words.variant} ${arm.arm}`),
    htmlElement('span', 'chart-values', `${counts} · ${rate}`),
    rangeBar(arm.rate),
  );
  const notes = [];
  if (arm.liftOverHoldout) notes.push(words.armLift(points(arm.liftOverHoldout.p50), points(arm.liftOverHoldout.p10), points(arm.liftOverHoldout.p90)));
  if (arm.probabilityBest !== null) notes.push(words.armBest(formatNumber(arm.probabilityBest, 2)));
  if (notes.length > 0) row.append(htmlElement('span', 'muted small arm-notes', notes.join(' · ')));
  return row;
}

/** A <figure> for the campaign's arms; null when nothing has been scheduled yet. */
export function armsChart(report) {
  if (!report || report.arms.length === 0) return null;
  const words = t();
  const figure = htmlElement('figure', 'forecast-chart arms-chart');
  figure.append(htmlElement('h3', 'small', words.abTest(report.windowDays)));
  for (const arm of report.arms) figure.append(armRow(arm, words));
  const variants = report.arms.filter((arm) => arm.arm !== 'holdout').length;
  if (!report.comparable) figure.append(htmlElement('p', 'small arms-leader', words.noBuyersYet));
  else if (variants > 1) figure.append(htmlElement('p', 'small arms-leader', report.leader ? words.armLeader(report.leader) : words.noArmLeader));
  figure.append(htmlElement('figcaption', 'muted small', words.armsCaption));
  return figure;
}
