// `campaign-agent outcomes import FILE.csv` records what campaigns actually did (and refreshes
// campaign memory so future forecasts learn from it); `campaign-agent outcomes show ID` compares
// a campaign's forecast with its outcome, and its copy variants with each other and with the holdout.
import type { Command } from 'commander';
import { syncCampaignMemory } from '../../../app/sync-campaign-memory.ts';
import type { Range } from '../../../domain/plan.ts';
import { campaignArmResults, type ArmsReport } from '../../../outcomes/compare-arms.ts';
import { forecastVersusActual, type FigureComparison, type ForecastVersusActual } from '../../../outcomes/forecast-versus-actual.ts';
import { importOutcomesFile } from '../../../outcomes/import-outcomes.ts';
import { localUser, openCliApp, type GlobalOptions } from '../cli-context.ts';
import { campaignIdOption } from '../option-values.ts';

const METRIC_LABELS: Record<FigureComparison['metric'], string> = {
  conversions: 'Conversions',
  conversionRate: 'Conversion rate',
  incrementalConversions: 'Incremental conversions',
  revenue: 'Revenue',
};

function formatValue(value: number, metric: FigureComparison['metric']): string {
  if (metric === 'conversionRate') return `${(value * 100).toFixed(2)}%`;
  return value.toLocaleString('en-US', { maximumFractionDigits: metric === 'revenue' ? 2 : 0 });
}

function formatRange(range: Range, metric: FigureComparison['metric']): string {
  return `${formatValue(range.p10, metric)} – ${formatValue(range.p90, metric)} (p50 ${formatValue(range.p50, metric)})`;
}

export function renderForecastVersusActual(result: ForecastVersusActual): string {
  const ended = result.endedAt ? `, ended ${new Date(result.endedAt).toISOString().slice(0, 10)}` : '';
  const lines = [`${result.name} (${result.campaignId}): ${result.status}${ended}`];
  const outcome = result.outcome;
  if (outcome) {
    const holdout = outcome.holdoutSize > 0 ? `; holdout ${outcome.holdoutSize.toLocaleString('en-US')} (${outcome.holdoutConverted} converted)` : '; no holdout';
    lines.push(
      `Outcome: sent ${outcome.sent.toLocaleString('en-US')}, delivered ${outcome.delivered.toLocaleString('en-US')}, converted ${outcome.converted.toLocaleString('en-US')}, revenue ${outcome.revenue.toLocaleString('en-US')}${result.forecast ? ` ${result.forecast.currency}` : ''}${holdout}`,
    );
  }
  if (result.comparisons.length > 0) {
    lines.push('', 'Forecast (80% range) versus actual');
    const width = Math.max(...result.comparisons.map((comparison) => formatRange(comparison.forecast, comparison.metric).length));
    for (const comparison of result.comparisons) {
      const off = comparison.relativeError === null ? '' : `, p50 ${comparison.relativeError >= 0 ? '+' : ''}${(comparison.relativeError * 100).toFixed(0)}%`;
      lines.push(
        `  ${METRIC_LABELS[comparison.metric].padEnd(24)} ${formatRange(comparison.forecast, comparison.metric).padEnd(width)}   actual ${formatValue(comparison.actual, comparison.metric)}: ${comparison.inside80 ? 'inside' : 'OUTSIDE'} the range${off}`,
      );
    }
  }
  if (result.notes.length > 0) lines.push('', ...result.notes);
  return lines.join('\n');
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} pts`;

/** The A/B test and holdout section of `outcomes show`, or nothing when the campaign has no send rows. */
export function renderArmsReport(report: ArmsReport): string {
  if (report.arms.length === 0) return '';
  const lines = [`A/B test and holdout (buyers within ${report.windowDays} days of each customer's send, from the sends and orders)`];
  const width = Math.max(...report.arms.map((arm) => arm.arm.length));
  for (const arm of report.arms) {
    const counts = `${arm.customers.toLocaleString('en-US')} customers${arm.arm === 'holdout' ? ' (not messaged)' : `, ${arm.messaged.toLocaleString('en-US')} messaged`}, ${arm.converted.toLocaleString('en-US')} bought`;
    const rate = `${percent(arm.rate.p50)} (80%: ${percent(arm.rate.p10)} – ${percent(arm.rate.p90)})`;
    const lift = arm.liftOverHoldout ? `; lift over holdout ${points(arm.liftOverHoldout.p50)} (80%: ${points(arm.liftOverHoldout.p10)} – ${points(arm.liftOverHoldout.p90)}), better than holdout with probability ${arm.probabilityAboveHoldout!.toFixed(2)}` : '';
    const best = arm.probabilityBest !== null && report.arms.filter((other) => other.probabilityBest !== null).length > 1 ? `; best with probability ${arm.probabilityBest.toFixed(2)}` : '';
    lines.push(`  ${arm.arm.padEnd(width)}  ${counts}: ${rate}${lift}${best}`);
  }
  const variants = report.arms.filter((arm) => arm.arm !== 'holdout').length;
  if (!report.comparable) lines.push('  No buyers yet in any arm: too early to compare.');
  else if (variants > 1) lines.push(report.leader ? `  Variant ${report.leader} leads (best with probability 0.95 or more).` : '  No clear winner yet (a variant leads once it is best with probability 0.95).');
  return lines.join('\n');
}

export function registerOutcomesCommand(program: Command): void {
  const outcomes = program.command('outcomes').description('Record what campaigns actually did and compare it with their forecasts');
  outcomes
    .command('import')
    .description('Record outcomes from a CSV file: campaign_id, sent, delivered, converted, revenue, holdout_size, holdout_converted [, ended_at]')
    .argument('<file>', 'the CSV file, one row per campaign')
    .option('--as <user>', 'who is importing (recorded in the audit log)')
    .action(async function runImportCommand(file: string, options: { as?: string }, command: Command) {
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>(), { seedDemo: false });
      try {
        const recorded = await importOutcomesFile(app.db, file, { actor: options.as ?? localUser(), now: new Date() });
        const indexed = await syncCampaignMemory(app.db, app.models.embedder);
        const replaced = recorded.filter((entry) => entry.replaced).length;
        process.stdout.write(
          `Recorded outcomes for ${recorded.length} campaign${recorded.length === 1 ? '' : 's'}${replaced ? ` (${replaced} replaced earlier figures)` : ''}; ` +
            (app.db.memoryEnabled ? `${indexed} memory entr${indexed === 1 ? 'y' : 'ies'} refreshed for future forecasts.\n` : 'campaign memory is off, so forecasts will not recall them.\n'),
        );
        for (const entry of recorded) process.stdout.write(`  ${entry.campaignId}  ${entry.name}: ${entry.status}\n`);
      } finally {
        await app.close();
      }
    });
  outcomes
    .command('show')
    .description("Compare a campaign's forecast with its recorded outcome, and its copy variants (A/B) with the holdout")
    .argument('<campaignId>', 'the campaign id, as shown by plan and chat', campaignIdOption('the campaign id'))
    .option('--json', 'print the comparison as one JSON object')
    .action(async function runShowCommand(campaignId: string, options: { json?: boolean }, command: Command) {
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>(), { seedDemo: false });
      try {
        const result = await forecastVersusActual(app.db, campaignId);
        const arms = await campaignArmResults(app.db, campaignId, { now: new Date() });
        const armsText = renderArmsReport(arms);
        process.stdout.write(
          options.json ? `${JSON.stringify({ ...result, arms }, null, 2)}\n` : `${renderForecastVersusActual(result)}\n${armsText ? `\n${armsText}\n` : ''}`,
        );
      } finally {
        await app.close();
      }
    });
  for (const command of outcomes.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
}
