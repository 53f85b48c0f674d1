// `campaign-agent init`: prepares the database. By default a first run seeds the demo data; with
// --no-demo the database is prepared for the user's own data instead (recorded as data origin
// "own", so no demo data is ever seeded into it) and then filled with `campaign-agent import`.
import type { Command } from 'commander';
import { loadConfig } from '../../../config.ts';
import { markOwnData, readDataOrigin } from '../../../data/import/data-origin.ts';
import { openDatabase } from '../../../data/open-database.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('Prepare the database: with demo data (default), or empty for your own data (--no-demo)')
    .option('--no-demo', 'do not seed demo data: prepare an empty database for your own data')
    .action(async function runInitCommand(options: { demo: boolean }, command: Command) {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (options.demo) {
        const app = await openCliApp(globals);
        try {
          const origin = await readDataOrigin(app.db);
          process.stdout.write(`${app.db.location} is ready (data: ${origin?.kind ?? 'none'}).\n`);
        } finally {
          await app.close();
        }
        return;
      }
      const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
      const db = await openDatabase(config);
      try {
        const origin = await readDataOrigin(db);
        if (origin?.kind === 'demo') {
          throw new CodedError(
            ErrorCode.Conflict,
            `${db.location} already holds the demo data; for your own data use a new data directory (--data-dir or CAMPAIGN_AGENT_DATA_DIR) or an empty PostgreSQL database`,
          );
        }
        await markOwnData(db);
        process.stdout.write(
          `${db.location} is ready for your own data (no demo data). Next: campaign-agent import customers FILE.csv, ` +
            'campaign-agent import orders FILE.csv, campaign-agent import events FILE.csv\n',
        );
      } finally {
        await db.close();
      }
    });
}
