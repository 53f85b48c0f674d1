// `campaign-agent worker [--once] [--concurrency N]`: sends scheduled and triggered campaign messages.
// Runs until SIGINT/SIGTERM (finishing the messages in hand), or with --once delivers what is due and
// exits. On PostgreSQL several workers can run at once; the embedded database belongs to one process,
// so there the worker runs alone (or inside the process that owns the data directory).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../data/open-database.ts';
import { describeDeliveryConfig, loadDeliveryConfig } from '../../../delivery/delivery-config.ts';
import { runDeliveryOnce, type DrainReport } from '../../../delivery/worker/run-once.ts';
import { startDeliveryWorker } from '../../../delivery/worker/start-worker.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { loadPolicy } from '../../../guardrails/policy-file.ts';
import type { GlobalOptions } from '../cli-context.ts';
import { instantOption } from '../option-values.ts';

interface WorkerOptions {
  once?: boolean;
  concurrency: number;
  now?: Date;
  json?: boolean;
}

function parseConcurrency(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 64) throw new InvalidArgumentError(`--concurrency must be a whole number from 1 to 64 (got "${value}")`);
  return parsed;
}

export function summariseDrain(report: DrainReport): string {
  const parts = [`${report.sent} sent`, `${report.suppressed} suppressed`, `${report.cancelled} cancelled`, `${report.failed + report.deadLettered} failed`];
  if (report.rescheduled) parts.push(`${report.rescheduled} moved to a later time`);
  if (report.retried) parts.push(`${report.retried} attempts to retry`);
  const completed = report.completedCampaigns.length ? ` Completed: ${report.completedCampaigns.join(', ')}.` : '';
  return `Delivered what was due: ${parts.join(', ')}.${completed}`;
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A second signal while stopping ends the process at once.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Send scheduled and triggered campaign messages (runs until stopped; --once delivers what is due and exits)')
    .option('--once', 'deliver everything due now, then exit')
    .option('--concurrency <n>', 'messages handled at the same time by this worker', parseConcurrency, 4)
    .option('--now <date-time>', 'with --once: treat this instant as the current time (demos, tests)', instantOption('--now'))
    .option('--json', 'with --once: print the result as one JSON object')
    .action(async function runWorkerCommand(options: WorkerOptions, command: Command) {
      if (options.now && !options.once) throw new CodedError(ErrorCode.InvalidInput, '--now only works together with --once');
      const globals = command.optsWithGlobals<GlobalOptions>();
      const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
      const policy = loadPolicy(config.policyPath ?? undefined);
      const delivery = loadDeliveryConfig(process.env, { dataDir: config.dataDir });
      const db = await openDatabase(config);
      const fixedNow = options.now;
      const workerOptions = {
        db,
        databaseUrl: config.databaseUrl,
        policy,
        config: delivery,
        concurrency: options.concurrency,
        now: fixedNow ? () => fixedNow : undefined,
      };
      try {
        if (options.once) {
          const report = await runDeliveryOnce(workerOptions);
          process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${summariseDrain(report)}\n`);
          return;
        }
        const worker = await startDeliveryWorker(workerOptions);
        const owner =
          db.kind === 'embedded'
            ? `It owns the embedded database ${db.location} while it runs; set DATABASE_URL (PostgreSQL) to run several workers.`
            : `Other workers may run against ${db.location} at the same time.`;
        process.stderr.write(
          `Delivery worker started (concurrency ${options.concurrency}). ${owner}\n${describeDeliveryConfig(delivery).map((line) => `  ${line}`).join('\n')}\nPress Ctrl+C to stop.\n`,
        );
        const signal = await waitForStopSignal();
        process.stderr.write(`Received ${signal}: finishing the messages in hand...\n`);
        await worker.stop();
        process.stderr.write('Delivery worker stopped.\n');
      } finally {
        await db.close();
      }
    });
}
