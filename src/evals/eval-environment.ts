// The world evals run in: a throwaway embedded database seeded with the deterministic demo data as
// of the eval clock, so every run (and every machine) plans against the same customers. Evals never
// touch a user's own database: they write campaigns and sends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../app/open-app.ts';
import { syncCampaignMemory } from '../app/sync-campaign-memory.ts';
import { loadConfig } from '../config.ts';
import { seedDemoData } from '../data/seed/seed-demo-data.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import type { EvalEnvironment } from './suite-schema.ts';

export interface SeedProgress {
  (done: number, total: number, stage: string): void;
}

/**
 * Seeds the eval data into an empty database, or checks that the data there is the eval data
 * (same seed, size and as-of time). Any other data would make the expectations meaningless.
 */
export async function prepareEvalData(app: App, environment: EvalEnvironment, { onProgress }: { onProgress?: SeedProgress } = {}): Promise<void> {
  if (app.config.timeZone !== environment.timeZone) {
    throw new CodedError(ErrorCode.InvalidInput, `evals expect the marketer's time zone ${environment.timeZone} (evals/environment.yaml), the app runs in ${app.config.timeZone}`);
  }
  const asOf = new Date(environment.now);
  const { rows } = await app.db.query<{ value: { kind?: string; seed?: number; customers?: number; asOf?: string } }>("SELECT value FROM settings WHERE key = 'data_origin'");
  const origin = rows[0]?.value;
  if (!origin) {
    await seedDemoData(app.db, { customers: environment.customers, seed: environment.seed, asOf, onProgress });
    await syncCampaignMemory(app.db, app.models.embedder);
    return;
  }
  const same = origin.kind === 'demo' && origin.seed === environment.seed && origin.customers === environment.customers && origin.asOf === asOf.toISOString();
  if (!same) {
    throw new CodedError(ErrorCode.Conflict, `the database holds other data (${JSON.stringify(origin)}); evals need an empty database or the eval seed ${JSON.stringify({ seed: environment.seed, customers: environment.customers, asOf: asOf.toISOString() })}`);
  }
}

export interface EvalApp {
  app: App;
  dispose(): Promise<void>;
}

export interface OpenEvalAppOptions {
  environment: EvalEnvironment;
  /** Campaign memory on (default) or off. */
  memory?: boolean;
  onProgress?: SeedProgress;
}

/** Opens the app on a fresh embedded database in a temporary directory, with the offline models, seeded for evals. */
export async function openEvalApp({ environment, memory = true, onProgress }: OpenEvalAppOptions): Promise<EvalApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-eval-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({
    CAMPAIGN_AGENT_DATA_DIR: dataDir,
    CAMPAIGN_AGENT_TIME_ZONE: environment.timeZone,
    CAMPAIGN_AGENT_MEMORY: memory ? 'on' : 'off',
    LOG_LEVEL: 'silent',
  });
  const now = new Date(environment.now);
  let app: App;
  try {
    app = await openApp(config, { seedDemo: false, now: () => now });
  } catch (error) {
    remove();
    throw error;
  }
  try {
    await prepareEvalData(app, environment, { onProgress });
  } catch (error) {
    await app.close();
    remove();
    throw error;
  }
  return {
    app,
    async dispose() {
      await app.close();
      remove();
    },
  };
}
