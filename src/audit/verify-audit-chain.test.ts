// The audit log's hash chain on a real database (embedded, or PostgreSQL with DATABASE_URL): the
// trigger chains every insert, TypeScript verifies it, and tampering names the broken entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../data/campaigns.ts';
import type { Queryable } from '../data/database.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database.ts';
import { listAuditEntries, readCampaignAuditLog } from './read-audit-log.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.dispose();
});

/** Changes a row of the append-only log the way someone with table access could. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await test.db.transaction(async (tx: Queryable) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

async function idsOf(campaignId: string): Promise<number[]> {
  return (await readCampaignAuditLog(test.db, campaignId)).map((entry) => entry.id);
}

describe('audit log hash chain', () => {
  it('chains every entry to the one before it, whoever writes it, and verifies', async () => {
    await appendAudit(test.db, { actor: 'planner', action: 'submitted_for_approval', campaignId: 'cmp_a', threadId: 't1', ruleIds: ['discount.ceiling'], detail: { reasons: ['x'] } });
    await test.db.transaction(async (tx) => {
      await appendAudit(tx, { actor: 'olga', action: 'approved', campaignId: 'cmp_a', threadId: 't1', detail: { comment: null } });
      await appendAudit(tx, { actor: 'planner', action: 'scheduled', campaignId: 'cmp_a', threadId: 't1' });
    });
    await test.db.query("INSERT INTO audit_log (actor, action) VALUES ('system', 'probe')");
    const entries = await listAuditEntries(test.db);
    expect(entries).toHaveLength(4);
    expect(entries[0]!.prevHash).toBeNull();
    for (let index = 1; index < entries.length; index++) {
      expect(entries[index]!.prevHash).toBe(entries[index - 1]!.hash);
      expect(entries[index]!.id).toBeGreaterThan(entries[index - 1]!.id);
    }
    expect(entries.every((entry) => /^[0-9a-f]{64}$/.test(entry.hash ?? ''))).toBe(true);
    expect(await verifyAuditChain(test.db)).toEqual({ ok: true, checked: 4, firstBrokenId: null, reason: null });
    expect(await verifyAuditChain(test.db, { campaignId: 'cmp_a' })).toEqual({ ok: true, checked: 3, firstBrokenId: null, reason: null });
    expect(await verifyAuditChain(test.db, { campaignId: 'cmp_none' })).toEqual({ ok: true, checked: 0, firstBrokenId: null, reason: null });
  });

  it('hashes text and JSON the same way in the database and in TypeScript', async () => {
    await appendAudit(test.db, {
      actor: '李雷 "lei" \\ o\'brien',
      action: 'approved\nwith a newline',
      campaignId: 'cmp_text',
      threadId: null,
      ruleIds: ['content.required', '规则'],
      detail: { comment: '好的 👍\u0001\t', amounts: [1.5, 1.50, 100, 1e-7, 12345678901234567890], nested: { z: 1, a: [null, true, '\u2028'] }, '': 'empty key' },
    });
    expect(await verifyAuditChain(test.db, { campaignId: 'cmp_text' })).toMatchObject({ ok: true, checked: 1 });
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
  });

  it('chains concurrent appends one after another', async () => {
    const slow = test.db.kind === 'postgres' ? 'SELECT pg_sleep(0.02)' : 'SELECT 1';
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        test.db.transaction(async (tx) => {
          await appendAudit(tx, { actor: `writer-${index}`, action: 'probe', campaignId: 'cmp_busy' });
          await tx.query(slow);
        }),
      ),
    );
    expect(await idsOf('cmp_busy')).toHaveLength(12);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
  });

  it.skipIf(!usingPostgres)('gives an entry a new id when a later id was committed while it waited', async () => {
    const lockHeld = signal();
    const earlyInsertStarted = signal();
    const late = test.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(726100418)');
      lockHeld.resolve();
      await earlyInsertStarted.promise;
      await tx.query('SELECT pg_sleep(0.2)'); // the early insert has its id and waits for the lock
      await appendAudit(tx, { actor: 'late', action: 'probe', campaignId: 'cmp_race' });
    });
    await lockHeld.promise;
    const early = test.db.transaction(async (tx) => {
      const inserting = appendAudit(tx, { actor: 'early', action: 'probe', campaignId: 'cmp_race' });
      earlyInsertStarted.resolve();
      await inserting;
    });
    await Promise.all([late, early]);
    const entries = await readCampaignAuditLog(test.db, 'cmp_race');
    expect(entries.map((entry) => entry.actor)).toEqual(['late', 'early']);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
  });

  it('names the entry whose content was changed', async () => {
    const [first, second] = await idsOf('cmp_a');
    await tamper("UPDATE audit_log SET actor = 'mallory' WHERE id = $1", [second]);
    const expected = {
      ok: false,
      firstBrokenId: second,
      reason: `entry ${second} was changed after it was written: its content no longer matches its hash`,
    };
    expect(await verifyAuditChain(test.db, { campaignId: 'cmp_a' })).toEqual({ ...expected, checked: 2 });
    expect(await verifyAuditChain(test.db)).toMatchObject(expected);
    expect(first).toBeLessThan(second!);
  });

  it('names the entry after one that was removed', async () => {
    await tamper("UPDATE audit_log SET actor = 'olga' WHERE actor = 'mallory'", []);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
    const [, second, third] = await idsOf('cmp_a');
    await tamper('DELETE FROM audit_log WHERE id = $1', [second]);
    const result = await verifyAuditChain(test.db, { campaignId: 'cmp_a' });
    expect(result).toMatchObject({ ok: false, firstBrokenId: third });
    expect(result.reason).toMatch(new RegExp(`^entry ${third} does not follow entry \\d+: its prev_hash is not that entry's hash`));
  });

  it('finds an entry whose hash was recomputed to hide a change, by the broken link after it', async () => {
    await appendAudit(test.db, { actor: 'planner', action: 'submitted_for_approval', campaignId: 'cmp_forge', detail: { reasons: ['x'] } });
    await appendAudit(test.db, { actor: 'olga', action: 'rejected', campaignId: 'cmp_forge', detail: { comment: 'no' } });
    const [forged, after] = await idsOf('cmp_forge');
    await tamper(
      `UPDATE audit_log SET detail = '{"reasons": ["forged"]}'::jsonb,
              hash = audit_entry_hash(prev_hash, id, at, actor, action, campaign_id, thread_id, rule_ids, '{"reasons": ["forged"]}'::jsonb)
        WHERE id = $1`,
      [forged],
    );
    expect(await verifyAuditChain(test.db, { campaignId: 'cmp_forge' })).toEqual({
      ok: false,
      checked: 2,
      firstBrokenId: after,
      reason: `entry ${after} does not follow entry ${forged}: its prev_hash is not that entry's hash (an entry between them was removed, or entry ${forged} was rewritten)`,
    });
  });

  it('keeps the log append-only', async () => {
    await expect(test.db.query("UPDATE audit_log SET hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(test.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
