// `campaign-agent seed`: fills an empty database with the deterministic bilingual demo data.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { syncCampaignMemory } from '../../../app/sync-campaign-memory.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../data/open-database.ts';
import { seedDemoData } from '../../../data/seed/seed-demo-data.ts';
import { loadModels } from '../../../models/load-models.ts';
import type { GlobalOptions } from '../cli-context.ts';

function positiveInteger(flag: string, { max = Number.MAX_SAFE_INTEGER } = {}) {
  return function parsePositiveInteger(value: string): number {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1 || parsed > max) {
      throw new InvalidArgumentError(`${flag} must be a whole number from 1 to ${max} (got "${value}")`);
    }
    return parsed;
  };
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Seed an empty database with demo customers, orders, behaviour and past campaigns')
    .option('--customers <n>', 'number of customers', positiveInteger('--customers', { max: 10_000_000 }), 10_000)
    .option('--seed <s>', 'random seed (same seed, same data)', positiveInteger('--seed'), 42)
    .action(async function runSeedCommand(options: { customers: number; seed: number }, command: Command) {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
      const db = await openDatabase(config);
      const bar = new cliProgress.SingleBar({ format: 'seeding [{bar}] {percentage}% {value}/{total} {stage}', stream: process.stderr }, cliProgress.Presets.shades_classic);
      try {
        let started = false;
        const report = await seedDemoData(db, {
          customers: options.customers,
          seed: options.seed,
          onProgress(done, total, stage) {
            if (!started) {
              bar.start(total, 0, { stage });
              started = true;
            }
            bar.setTotal(total);
            bar.update(done, { stage });
          },
        });
        bar.stop();
        const indexed = await syncCampaignMemory(db, (await loadModels(config, { db })).embedder);
        process.stdout.write(
          `Seeded ${db.location}: ${report.customers} customers, ${report.orders} orders, ${report.events} events, ` +
            `${report.pastCampaigns} past campaigns (${indexed} in memory) in ${report.seconds.toFixed(1)} s.\n`,
        );
      } finally {
        bar.stop();
        await db.close();
      }
    });
}
