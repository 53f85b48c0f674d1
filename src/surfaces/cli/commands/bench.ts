// `campaign-agent bench dispatch --sends N --kill K [--json]`: a campaign of N sends goes out through a
// real worker process to local SMTP and webhook sinks while the worker is killed with SIGKILL K times
// and restarted; prints what the sinks received (sent, lost, duplicated, in doubt at each kill). Exits
// 1 when any send was lost or delivered twice. On PostgreSQL when DATABASE_URL is set (in a database
// of its own, dropped afterwards), else on a fresh embedded directory.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../../../config.ts';
import { runDispatchUnderKills, type DispatchUnderKillsReport } from '../../../delivery/reliability/dispatch-under-kills.ts';

function wholeNumber(flag: string) {
  return function parseWholeNumber(value: string): number {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) throw new InvalidArgumentError(`${flag} must be a whole number (got "${value}")`);
    return parsed;
  };
}

export function formatDispatchReport(report: DispatchUnderKillsReport): string {
  const statuses = Object.entries(report.statuses).map(([status, n]) => `${status} ${n}`).join(', ');
  return [
    `Dispatch under kills (${report.backend}): ${report.sends} sends, ${report.kills} SIGKILLs of the worker (--concurrency ${report.concurrency}), ${report.seconds.toFixed(1)} s`,
    `  send rows:            ${statuses}`,
    `  received by sinks:    ${report.received}`,
    `  lost:                 ${report.lost}`,
    `  duplicated:           ${report.duplicated} (${report.duplicatedSends} sends; ${report.duplicatesOutsideKills} not explained by a kill)`,
    `  in doubt at the kills: ${report.inDoubtAtKills.join(', ') || 'none'} (the sink had them, the database not yet)`,
    `  unexpected:           ${report.unexpected}`,
  ].join('\n');
}

export function registerBenchCommand(program: Command): void {
  const bench = program.command('bench').description('Reliability benchmarks against local sinks');
  bench
    .command('dispatch')
    .description('Send a campaign to local SMTP and webhook sinks while killing the worker; report lost and duplicated messages')
    .option('--sends <n>', 'messages in the campaign', wholeNumber('--sends'), 10_000)
    .option('--kill <k>', 'times the worker is killed with SIGKILL (and restarted) during the campaign', wholeNumber('--kill'), 5)
    .option('--concurrency <n>', "the worker's --concurrency", wholeNumber('--concurrency'), 16)
    .option('--json', 'print the result as one JSON object')
    .action(async function runDispatchBench(options: { sends: number; kill: number; concurrency: number; json?: boolean }) {
      const config = loadConfig(process.env);
      const report = await runDispatchUnderKills({
        sends: options.sends,
        kills: options.kill,
        concurrency: options.concurrency,
        serverUrl: config.databaseUrl,
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatDispatchReport(report)}\n`);
      if (report.lost > 0 || report.duplicated > 0 || report.unexpected > 0) {
        process.stderr.write(
          `campaign-agent: ${report.lost} sends lost, ${report.duplicated} deliveries duplicated (${report.duplicatesOutsideKills} not explained by a kill), ${report.unexpected} unexpected\n`,
        );
        process.exitCode = 1;
      }
    });
  for (const command of bench.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
}
