import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../errors.ts';
import { createTestDatabase, memoryEnabledInTests, type TestDatabase } from '../testing/test-database.ts';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate.ts';

describe('migrate', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('applied every migration once, with its checksum', async () => {
    const { rows } = await test.db.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY version');
    const expected = readMigrations()
      .filter((m) => memoryEnabledInTests || !m.requiresVector)
      .map((m) => ({ name: m.name, checksum: m.checksum }));
    expect(rows).toEqual(expected);
    expect(await migrate(test.db)).toEqual({ applied: [], skipped: memoryEnabledInTests ? [] : ['0002_campaign_memory.sql'] });
  });

  it('refuses an applied migration whose file was edited, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '0001_core.sql'), '-- edited\n' + readMigrations()[0]!.sql);
    const failure = await migrate(test.db, { dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CodedError);
    expect((failure as CodedError).code).toBe('MIGRATION_CHANGED');
    expect((failure as CodedError).message).toContain('0001_core.sql was edited after it was applied');
  });

  it('applies a new migration in a transaction: a failing one leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '0900_broken.sql'), 'CREATE TABLE half_written (id int);\nSELECT * FROM no_such_table;\n');
    const failure = await migrate(test.db, { dir }).catch((error: unknown) => error);
    expect((failure as CodedError).code).toBe('MIGRATION_FAILED');
    const { rows } = await test.db.query("SELECT to_regclass('half_written') AS t");
    expect(rows[0]).toEqual({ t: null });
    const recorded = await test.db.query('SELECT 1 FROM schema_migrations WHERE version = 900');
    expect(recorded.rows).toEqual([]);
  });

  it('keeps the audit log append-only', async () => {
    await test.db.query("INSERT INTO audit_log (actor, action) VALUES ('tester', 'probe')");
    await expect(test.db.query("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(test.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('returns counts and amounts as numbers', async () => {
    const { rows } = await test.db.query('SELECT count(*) AS n, 12.50::numeric(12,2) AS amount');
    expect(rows[0]).toEqual({ n: 1, amount: 12.5 });
  });
});
