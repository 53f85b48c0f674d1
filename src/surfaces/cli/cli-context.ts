// Shared plumbing for CLI commands: global options, opening the app with progress on stderr, and
// who the local user is.
import { userInfo } from 'node:os';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config.ts';
import { openApp, type App } from '../../app/open-app.ts';

export interface GlobalOptions {
  dataDir?: string;
  policy?: string;
}

export function localUser(): string {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}

/** Opens the app; a first run seeds the demo data with a progress bar on stderr. */
export async function openCliApp(options: GlobalOptions, { seedDemo = true } = {}): Promise<App> {
  const config = loadConfig(process.env, { dataDir: options.dataDir, policyPath: options.policy });
  let bar: cliProgress.SingleBar | null = null;
  const app = await openApp(config, {
    seedDemo,
    onSeedProgress(done, total, stage) {
      if (!process.stderr.isTTY) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ format: 'seeding demo data [{bar}] {percentage}% {stage}', stream: process.stderr }, cliProgress.Presets.shades_classic);
        bar.start(total, 0, { stage });
      }
      bar.setTotal(total);
      bar.update(done, { stage });
    },
  });
  (bar as cliProgress.SingleBar | null)?.stop();
  if (app.startup.seeded) {
    const { customers, orders, events, pastCampaigns, seconds } = app.startup.seeded;
    process.stderr.write(
      `First run: seeded demo data into ${app.db.location} (${customers} customers, ${orders} orders, ${events} events, ` +
        `${pastCampaigns} past campaigns) in ${seconds.toFixed(1)} s. Using the ${app.models.description}.\n`,
    );
  }
  return app;
}
