// Migration 0005 on a database that already holds audit entries: they are chained in id order, and
// entries written afterwards continue the chain. Runs on the embedded database, and on PostgreSQL
// when DATABASE_URL is set.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../data/campaigns.ts';
import type { Database } from '../data/database.ts';
import { openEmbeddedDatabase } from '../data/embedded-database.ts';
import { migrate, MIGRATIONS_DIR } from '../data/migrate.ts';
import { openPostgresDatabase } from '../data/postgres-database.ts';
import { listAuditEntries } from './read-audit-log.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const migrationsDir = mkdtempSync(join(tmpdir(), 'audit-chain-migrations-'));
const dataDir = mkdtempSync(join(tmpdir(), 'audit-chain-db-'));
const serverUrl = process.env.DATABASE_URL;
const databaseName = `ca_test_audit_${process.pid}_${Date.now().toString(36)}`;
let db: Database;

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  copyFileSync(join(MIGRATIONS_DIR, '0001_core.sql'), join(migrationsDir, '0001_core.sql'));
  if (serverUrl) {
    await adminQuery(`CREATE DATABASE ${databaseName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    db = await openPostgresDatabase({ url: url.toString(), memoryEnabled: false });
  } else {
    db = await openEmbeddedDatabase({ dataDir, memoryEnabled: false });
  }
  await migrate(db, { dir: migrationsDir });
});

afterAll(async () => {
  await db?.close();
  if (serverUrl) await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  rmSync(migrationsDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('migration 0005_audit_chain', () => {
  it('chains the entries written before it and every entry after', async () => {
    await appendAudit(db, { actor: 'planner', action: 'submitted_for_approval', campaignId: 'cmp_old', ruleIds: ['discount.ceiling'], detail: { reasons: ['старый', '旧'] } });
    await appendAudit(db, { actor: 'olga', action: 'approved', campaignId: 'cmp_old' });
    await db.query("INSERT INTO audit_log (at, actor, action) VALUES ('2026-01-01T00:00:00.123456Z', 'import', 'probe')");

    copyFileSync(join(MIGRATIONS_DIR, '0005_audit_chain.sql'), join(migrationsDir, '0005_audit_chain.sql'));
    expect(await migrate(db, { dir: migrationsDir })).toEqual({ applied: ['0005_audit_chain.sql'], skipped: [] });

    const before = await listAuditEntries(db);
    expect(before.map((entry) => entry.prevHash)).toEqual([null, before[0]!.hash, before[1]!.hash]);
    expect(before[2]!.at.toISOString()).toBe('2026-01-01T00:00:00.123Z');

    await appendAudit(db, { actor: 'planner', action: 'scheduled', campaignId: 'cmp_old' });
    const after = await listAuditEntries(db);
    expect(after[3]!.prevHash).toBe(after[2]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 4, firstBrokenId: null, reason: null });
    await expect(db.query("UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
  });
});
