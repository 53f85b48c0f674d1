// Applies the numbered plain-SQL files in migrations/ in order, each once, in its own transaction,
// recorded with a SHA-256 checksum. An already-applied file that was edited is refused.
// A file whose first line is `-- requires: vector` is left pending while memory is switched off.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodedError, ErrorCode } from '../errors.ts';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_-]+\.sql$/;
const ADVISORY_LOCK_KEY = 726_100_417;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
  requiresVector: boolean;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return {
        version: Number(MIGRATION_FILE.exec(name)![1]),
        name,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
        requiresVector: /^--\s*requires:\s*vector\b/m.test(sql.split('\n', 1)[0] ?? ''),
      };
    });
}

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

export async function migrate(db: Database, { dir = MIGRATIONS_DIR }: { dir?: string } = {}): Promise<MigrationReport> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const report: MigrationReport = { applied: [], skipped: [] };
  for (const migration of readMigrations(dir)) {
    if (migration.requiresVector && !db.memoryEnabled) {
      report.skipped.push(migration.name);
      continue;
    }
    const applied = await db.transaction(async function applyMigration(tx) {
      // Two processes migrating one PostgreSQL database at once take turns here.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
      const { rows } = await tx.query<{ checksum: string; name: string }>(
        'SELECT checksum, name FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      const recorded = rows[0];
      if (recorded) {
        if (recorded.checksum !== migration.checksum) {
          throw new CodedError(
            ErrorCode.MigrationChanged,
            `migration ${migration.name} was edited after it was applied (checksum differs): ` +
              'restore the original file and put the change in a new numbered migration',
          );
        }
        return false;
      }
      try {
        await tx.query(migration.sql);
      } catch (error) {
        throw new CodedError(ErrorCode.MigrationFailed, `migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (applied) report.applied.push(migration.name);
  }
  return report;
}
