// Gives each test file a database of its own: a fresh embedded directory, or, when DATABASE_URL is
// set, a fresh database created on that PostgreSQL server (dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../data/database.ts';
import { openDatabase } from '../data/open-database.ts';

export interface TestDatabase {
  db: Database;
  /** What openDatabase was given, to open the same database again (e.g. in a child process). */
  env: { DATABASE_URL?: string; CAMPAIGN_AGENT_DATA_DIR?: string; CAMPAIGN_AGENT_MEMORY: 'on' | 'off' };
  dispose(): Promise<void>;
}

export const memoryEnabledInTests = (process.env.CAMPAIGN_AGENT_MEMORY ?? 'on') !== 'off';
export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** Creates a fresh, uniquely named database on the server at `serverUrl`; `drop` removes it. */
export async function createPostgresDatabase(serverUrl: string, prefix = 'ca_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const memory = memoryEnabledInTests ? 'on' : 'off';
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const created = await createPostgresDatabase(serverUrl);
    const db = await openDatabase({ databaseUrl: created.url, dataDir: '', memory: memoryEnabledInTests }).catch(async (error: unknown) => {
      await created.drop();
      throw error;
    });
    return {
      db,
      env: { DATABASE_URL: created.url, CAMPAIGN_AGENT_MEMORY: memory },
      async dispose() {
        await db.close();
        await created.drop();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-test-'));
  const db = await openDatabase({ databaseUrl: null, dataDir, memory: memoryEnabledInTests });
  return {
    db,
    env: { CAMPAIGN_AGENT_DATA_DIR: dataDir, CAMPAIGN_AGENT_MEMORY: memory },
    async dispose() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
