// `campaign-agent backtest hillstrom FILE`: checks the forecast against the Hillstrom e-mail
// experiment (a table, or one JSON object with --json). Needs no database.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { runHillstromBacktest } from '../../../backtest/backtest-hillstrom.ts';
import { formatBacktestReport } from '../../../backtest/format-backtest.ts';
import { loadHillstrom } from '../../../backtest/hillstrom-data.ts';

function wholeNumber(flag: string) {
  return function parseWholeNumber(value: string): number {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
      throw new InvalidArgumentError(`${flag} must be a whole number (got "${value}")`);
    }
    return parsed;
  };
}

export function registerBacktestCommand(program: Command): void {
  const backtest = program.command('backtest').description('Check the forecast against real experiments with known outcomes');
  backtest
    .command('hillstrom')
    .description("Backtest on Kevin Hillstrom's MineThatData e-mail experiment (hillstrom.csv)")
    .argument('<file>', 'path to hillstrom.csv, e.g. ../shared/data/hillstrom/hillstrom.csv')
    .option('--seed <n>', 'seed for the folds and the simulation (same seed, same report)', wholeNumber('--seed'), 1)
    .option('--recall <n>', 'use only the n most similar past campaigns as evidence, as memory recall does (default: all)', wholeNumber('--recall'))
    .option('--json', 'print the report as one JSON object')
    .action(async function runBacktestCommand(file: string, options: { seed: number; recall?: number; json?: boolean }) {
      const customers = await loadHillstrom(file);
      const report = runHillstromBacktest(customers, { seed: options.seed, recall: options.recall });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatBacktestReport(report)}\n`);
    });
  for (const command of backtest.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
}
