// The composition root: configuration in, a ready application out (database opened, migrated and
// seeded on first run, policy loaded, models chosen, planner compiled with its checkpointer).
// Every surface (CLI, web, Slack) starts here.
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { Config } from '../config.ts';
import type { Database } from '../data/database.ts';
import { openDatabase } from '../data/open-database.ts';
import { seedDemoData, type SeedReport } from '../data/seed/seed-demo-data.ts';
import type { Policy } from '../domain/policy.ts';
import { loadPolicy } from '../guardrails/policy-file.ts';
import { loadModels, type LoadedModels } from '../models/load-models.ts';
import { PlannerService } from '../agents/planner/planner-service.ts';
import { SupportService } from '../agents/support/support-service.ts';
import { recommendCrossSell } from '../../tools/cross-sell/recommend-cross-sell.ts';
import { loadSupportPolicy } from '../guardrails/support-policy-file.ts';
import { syncCampaignMemory } from './sync-campaign-memory.ts';

export interface App {
  config: Config;
  db: Database;
  policy: Policy;
  models: LoadedModels;
  planner: PlannerService;
  /** The customer-service bot, on the same checkpointer as the planner. */
  support: SupportService;
  /** What happened on this start: a first-run seed, memory entries indexed. */
  startup: { seeded: SeedReport | null; memoryIndexed: number };
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Seed demo data into an empty database (the first run). */
  seedDemo?: boolean;
  /** Size of the demo seed (default: the configuration's demoCustomers). */
  seedCustomers?: number;
  onSeedProgress?: (done: number, total: number, stage: string) => void;
  /** Clock for the planner; fixed in tests. */
  now?: () => Date;
}

async function dataOrigin(db: Database): Promise<unknown> {
  const { rows } = await db.query<{ value: unknown }>("SELECT value FROM settings WHERE key = 'data_origin'");
  return rows[0]?.value ?? null;
}

export async function openApp(config: Config, { seedDemo = true, seedCustomers, onSeedProgress, now }: OpenAppOptions = {}): Promise<App> {
  const policy = loadPolicy(config.policyPath ?? undefined);
  const supportPolicy = loadSupportPolicy();
  const db = await openDatabase(config);
  try {
    const models = await loadModels(config, { now, db });
    const seeded = seedDemo && (await dataOrigin(db)) === null ? await seedDemoData(db, { customers: seedCustomers ?? config.demoCustomers, onProgress: onSeedProgress }) : null;
    const memoryIndexed = await syncCampaignMemory(db, models.embedder);
    const checkpointer = new PostgresSaver(db.libraryPool(), undefined, { schema: 'langgraph' });
    await checkpointer.setup();
    const planner = new PlannerService(
      { db, policy, chatModel: models.chatModel, copyModel: models.mode === 'openai' ? models.chatModel : null, embedder: models.embedder, now },
      checkpointer,
    );
    const replyModel = models.mode === 'openai' ? models.chatModel : null;
    const support = new SupportService(
      { db, policy, supportPolicy, replyModel, recommendCrossSell: (database, { productIds }) => recommendCrossSell(database, { productIds, config: config.crossSell }), now },
      checkpointer,
    );
    return {
      config,
      db,
      policy,
      models,
      planner,
      support,
      startup: { seeded, memoryIndexed },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
