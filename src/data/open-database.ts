// Opens the database the configuration selects (PostgreSQL when DATABASE_URL is set, else the
// embedded PGlite directory), checks what it needs, and brings its schema up to date.
import type { Config } from '../config.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import type { Database } from './database.ts';
import { openEmbeddedDatabase } from './embedded-database.ts';
import { migrate } from './migrate.ts';
import { openPostgresDatabase } from './postgres-database.ts';

async function assertPgvectorAvailable(db: Database): Promise<void> {
  const { rows } = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (rows.length === 0) {
    throw new CodedError(
      ErrorCode.PgvectorMissing,
      `DATABASE_URL points at a server without pgvector (${db.location}), which campaign memory needs: ` +
        'install the extension on the server (package postgresql-<version>-pgvector, or the pgvector/pgvector image), ' +
        'or set CAMPAIGN_AGENT_MEMORY=off to run without memory of past campaigns, or unset DATABASE_URL to use the embedded database',
    );
  }
}

export type DatabaseOptions = Pick<Config, 'databaseUrl' | 'dataDir' | 'memory'>;

export async function openDatabase(config: DatabaseOptions): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgresDatabase({ url: config.databaseUrl, memoryEnabled: config.memory })
    : await openEmbeddedDatabase({ dataDir: config.dataDir, memoryEnabled: config.memory });
  try {
    if (db.kind === 'postgres' && db.memoryEnabled) await assertPgvectorAvailable(db);
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
