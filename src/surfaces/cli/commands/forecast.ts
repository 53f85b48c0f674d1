// `campaign-agent forecast --plan FILE.json`: forecasts a stored or edited plan (the JSON that
// `plan --json` prints) against today's data: the segment is counted again, then forecast with the
// plan's brief. Prints a table, or the forecast as one JSON object with --json.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Forecast, Plan, Range } from '../../../domain/plan.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { forecastPlan, parsePlanJson } from '../../../../tools/forecast/forecast-plan.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';

async function readPlanFile(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CodedError(missing ? ErrorCode.NotFound : ErrorCode.InvalidInput, missing ? `no plan file at ${path}` : `cannot read ${path}: ${(error as Error).message}`);
  }
  return parsePlanJson(text, path);
}

const count = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 0 });
const money = (value: number): string => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const row = (label: string, range: Range, format: (value: number) => string, suffix = ''): string =>
  `  ${label.padEnd(26)}${[range.p10, range.p50, range.p90].map((value) => format(value).padStart(14)).join('')}${suffix}`;

export function renderForecast(forecast: Forecast): string {
  const lines: string[] = [];
  const steps = forecast.reachSteps;
  if (steps) {
    const delayed = steps.delayedByQuietHours === null ? '' : `; ${count(steps.delayedByQuietHours)} delayed by quiet hours`;
    lines.push(`Reach: segment ${count(steps.segment)} → consented ${count(steps.consented)} → recipients ${count(steps.recipients)}${delayed}; ${count(forecast.reach)} expected delivered`);
  }
  lines.push('', `  ${''.padEnd(26)}${['p10', 'p50', 'p90'].map((label) => label.padStart(14)).join('')}`);
  for (const step of forecast.funnel ?? []) {
    lines.push(`  ${step.channel} (${count(step.sent)} sent)`);
    lines.push(row('  delivered', step.delivered, count));
    if (step.opened) lines.push(row('  opened', step.opened, count));
    if (step.clicked) lines.push(row('  clicked', step.clicked, count));
    lines.push(row('  converted', step.converted, count));
  }
  const currency = ` ${forecast.currency}`;
  lines.push(row('Conversions', forecast.conversions, count), row('Incremental conversions', forecast.incrementalConversions, count));
  if (forecast.conversionRate) lines.push(row('Conversion rate', forecast.conversionRate, (value) => `${(value * 100).toFixed(2)}%`));
  lines.push(row('Revenue', forecast.revenue, money, currency));
  if (forecast.incrementalRevenue) lines.push(row('Incremental revenue', forecast.incrementalRevenue, money, currency));
  lines.push(row('Cost', forecast.cost, money, currency));
  if (forecast.costBreakdown) {
    lines.push(row('  messages', forecast.costBreakdown.messages, money, currency), row('  discount', forecast.costBreakdown.discount, money, currency));
    lines.push(row('  discount, bought anyway', forecast.costBreakdown.discountOnOrganic, money, currency));
  }
  lines.push(row('ROI', forecast.roi, (value) => value.toFixed(2)));
  if (forecast.holdout) lines.push('', `Holdout: ${forecast.holdout.statement}`);
  if (forecast.drivers?.length) {
    lines.push('', 'Drivers');
    for (const driver of forecast.drivers) {
      const effect = driver.unit === 'multiplier' ? `×${driver.effect.toFixed(2)}` : `+${driver.effect.toFixed(2)} pts`;
      lines.push(`  ${driver.factor.padEnd(9)} ${effect.padStart(10)}  ${driver.label}`);
    }
  }
  if (forecast.pastCampaigns.length) {
    lines.push('', 'Past campaigns it leaned on');
    for (const campaign of forecast.pastCampaigns) {
      const lift = campaign.liftPoints === null || campaign.liftPoints === undefined ? 'no holdout' : `${campaign.liftPoints >= 0 ? '+' : ''}${campaign.liftPoints} pts over holdout`;
      lines.push(`  ${campaign.name} (similarity ${campaign.similarity}): ${(campaign.conversionRate * 100).toFixed(2)}% converted, ${lift}`);
    }
  }
  lines.push('', 'Assumptions', ...forecast.assumptions.map((assumption) => `  - ${assumption}`));
  return lines.join('\n');
}

export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description('Forecast a stored or edited plan (the JSON printed by plan --json) against the current data')
    .requiredOption('--plan <file>', 'the plan as JSON')
    .option('--json', 'print the forecast as one JSON object')
    .action(async function runForecastCommand(options: { plan: string; json?: boolean }, command: Command) {
      const plan = await readPlanFile(options.plan);
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      try {
        const context = { db: app.db, policy: app.policy, embedder: app.models.embedder, asOf: new Date() };
        const { forecast } = await forecastPlan(context, plan);
        process.stdout.write(options.json ? `${JSON.stringify(forecast, null, 2)}\n` : `${renderForecast(forecast)}\n`);
      } finally {
        await app.close();
      }
    });
}
