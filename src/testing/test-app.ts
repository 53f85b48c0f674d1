// Opens the whole application on a database of the test's own (embedded directory, or a fresh
// PostgreSQL database when DATABASE_URL is set), seeded with a small demo data set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App, type OpenAppOptions } from '../app/open-app.ts';
import { loadConfig, type Config } from '../config.ts';
import { createPostgresDatabase } from './test-database.ts';

export interface TestApp {
  app: App;
  /** Environment that opens the same database and model from another process. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export interface TestAppOptions extends OpenAppOptions {
  /** Extra environment, e.g. OPENAI_API_KEY and OPENAI_BASE_URL for a mock model server. */
  env?: Record<string, string>;
}

export async function openTestApp({ env: extraEnv = {}, seedCustomers = 1500, ...options }: TestAppOptions = {}): Promise<TestApp> {
  const memory = process.env.CAMPAIGN_AGENT_MEMORY === 'off' ? 'off' : 'on';
  const env: Record<string, string> = { CAMPAIGN_AGENT_MEMORY: memory, CAMPAIGN_AGENT_TIME_ZONE: 'Asia/Shanghai', LOG_LEVEL: 'silent', ...extraEnv };
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const database = await createPostgresDatabase(process.env.DATABASE_URL, 'ca_app');
    env.DATABASE_URL = database.url;
    cleanup = database.drop;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-app-'));
    env.CAMPAIGN_AGENT_DATA_DIR = dataDir;
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  const config: Config = loadConfig(env);
  const app = await openApp(config, { seedCustomers, ...options }).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  return {
    app,
    env,
    async dispose() {
      await app.close();
      await cleanup();
    },
  };
}
