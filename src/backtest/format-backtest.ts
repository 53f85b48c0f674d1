// Prints a backtest report for people: one row per held-out campaign, then the summary against
// its targets and the calibration table, with the data set's source.
import type { BacktestReport, HeldOutCampaign, OutcomeCheck } from './backtest-hillstrom.ts';

/** The targets the forecast is held to on this backtest. */
export const BACKTEST_TARGETS = {
  coverage80: { min: 0.72, max: 0.88 },
  medianRelError: { max: 0.25 },
  liftSignAccuracy: { min: 0.9 },
} as const;

const percent = (value: number, digits = 1): string => `${(value * 100).toFixed(digits)}%`;
const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number): string => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

function outcomeCells(check: OutcomeCheck, digits: number): string[] {
  const range = `${percent(check.forecastRate.p10, digits)}–${percent(check.forecastRate.p90, digits)}`;
  return [padLeft(percent(check.actualRate, digits), 7), padLeft(range, 15), check.inside80 ? 'yes' : 'NO '];
}

function campaignRow(campaign: HeldOutCampaign, nameWidth: number): string {
  return [
    pad(campaign.name, nameWidth),
    padLeft(String(campaign.recipients), 6),
    ...outcomeCells(campaign.visit, 1),
    ...outcomeCells(campaign.conversion, 2),
  ].join('  ');
}

const verdict = (pass: boolean): string => (pass ? 'meets target' : 'MISSES target');

export function formatBacktestReport(report: BacktestReport): string {
  const { coverage80, medianRelError, liftSignAccuracy } = report;
  const nameWidth = Math.max(17, ...report.slices.map((campaign) => campaign.name.length));
  const header = [pad('held-out campaign', nameWidth), padLeft('sent', 6), padLeft('visits', 7), padLeft('80% range', 15), 'in ', padLeft('conv.', 7), padLeft('80% range', 15), 'in '].join('  ');
  const lines = [
    `Backtest on the ${report.dataset.name}`,
    `Source: ${report.dataset.source}`,
    `${report.dataset.customerSlices} customer slices (${report.dataset.customersInSlices.toLocaleString('en-US')} of ${report.dataset.customers.toLocaleString('en-US')} customers), ` +
      `${report.slices.length} campaigns; seed ${report.seed}, ${report.folds} folds: each campaign forecast from ` +
      `${report.recall === null ? "the other folds' campaigns" : `the ${report.recall} most similar campaigns of the other folds`} only.`,
    '',
    header,
    ...report.slices.map((campaign) => campaignRow(campaign, nameWidth)),
    '',
    'Summary',
    `  coverage80       ${percent(coverage80)} of actual visit and conversion rates inside [p10, p90] (visits ${percent(report.coverage80ByOutcome.visit)}, conversions ${percent(report.coverage80ByOutcome.conversion)}): ` +
      verdict(coverage80 >= BACKTEST_TARGETS.coverage80.min && coverage80 <= BACKTEST_TARGETS.coverage80.max) + ' 72–88%',
    `  medianRelError   ${percent(medianRelError)} median relative error of the p50 visit rate` +
      (report.medianRelErrorByOutcome.conversion === null ? '' : ` (conversions: ${percent(report.medianRelErrorByOutcome.conversion)})`) +
      `: ${verdict(medianRelError < BACKTEST_TARGETS.medianRelError.max)} < 25%`,
    liftSignAccuracy === null
      ? '  liftSignAccuracy no held-out lift was significant, so the sign of the lift could not be checked'
      : `  liftSignAccuracy ${percent(liftSignAccuracy)} of ${report.significantLifts} significant held-out lifts (z-test, 5%) have the forecast's sign: ` +
        `${verdict(liftSignAccuracy >= BACKTEST_TARGETS.liftSignAccuracy.min)} ≥ 90%`,
    '',
    'Calibration (share of actual rates inside the central interval)',
    `  ${pad('level', 8)}${padLeft('visits', 8)}${padLeft('conv.', 8)}${padLeft('all', 8)}`,
    ...report.calibration.map(
      (row) => `  ${pad(percent(row.level, 0), 8)}${padLeft(percent(row.visit), 8)}${padLeft(percent(row.conversion), 8)}${padLeft(percent(row.overall), 8)}`,
    ),
  ];
  return lines.join('\n');
}
