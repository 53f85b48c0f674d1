// Tokens: API_TOKENS when set; otherwise a local admin token created once, stored only as a hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { hashToken, LOCAL_ADMIN_NAME, prepareApiTokens, SETTINGS_KEY } from './api-tokens.ts';
import { parseApiTokens } from './server-settings.ts';

const CREATED = new Date('2026-11-23T08:00:00Z');
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

describe('prepareApiTokens', () => {
  it('uses API_TOKENS when configured and stores nothing', async () => {
    const prepared = await prepareApiTokens(database.db, parseApiTokens(`approver:alex:${'a'.repeat(20)}`));
    expect(prepared.source).toBe('environment');
    expect(prepared.newAdminToken).toBeNull();
    expect(prepared.registry.identify('a'.repeat(20))).toEqual({ name: 'alex', role: 'approver' });
    expect(prepared.registry.identify('b'.repeat(20))).toBeNull();
    const { rows } = await database.db.query('SELECT 1 FROM settings WHERE key = $1', [SETTINGS_KEY]);
    expect(rows).toEqual([]);
  });

  it('creates a local admin token on the first start only, keeping just its hash', async () => {
    const first = await prepareApiTokens(database.db, null, { generate: () => 'first-generated-token-123', now: () => CREATED });
    expect(first).toMatchObject({ source: 'generated', newAdminToken: 'first-generated-token-123' });
    expect(first.registry.identify('first-generated-token-123')).toEqual({ name: LOCAL_ADMIN_NAME, role: 'admin' });

    const { rows } = await database.db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [SETTINGS_KEY]);
    expect(rows[0]!.value).toEqual({ tokens: [{ name: LOCAL_ADMIN_NAME, role: 'admin', sha256: hashToken('first-generated-token-123'), createdAt: CREATED.toISOString() }] });
    expect(JSON.stringify(rows)).not.toContain('first-generated-token-123');

    const restart = await prepareApiTokens(database.db, null, { generate: () => 'second-generated-token-456' });
    expect(restart).toMatchObject({ source: 'stored', newAdminToken: null });
    expect(restart.registry.identify('first-generated-token-123')).toEqual({ name: LOCAL_ADMIN_NAME, role: 'admin' });
    expect(restart.registry.identify('second-generated-token-456')).toBeNull();
  });
});
