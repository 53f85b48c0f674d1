// `campaign-agent audit --campaign ID`, run as a user runs it: the real CLI in a child process on a
// database holding audit entries (embedded, or PostgreSQL with DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignAuditLog } from '../../../audit/read-audit-log.ts';
import { appendAudit } from '../../../data/campaigns.ts';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'campaign-agent.mjs');
let test: TestDatabase;
let goodIds: number[];
let tamperedId: number;

function runCli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...test.env, LOG_LEVEL: 'silent' };
  if (!test.env.DATABASE_URL) delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  test = await createTestDatabase();
  await appendAudit(test.db, {
    actor: 'planner',
    action: 'submitted_for_approval',
    campaignId: 'cmp_good',
    threadId: 't1',
    ruleIds: ['discount.ceiling'],
    detail: { reasons: ['a guardrail changed the plan: discount.ceiling'] },
  });
  await appendAudit(test.db, { actor: 'olga', action: 'approved', campaignId: 'cmp_good', threadId: 't1', detail: { comment: 'ok' } });
  await appendAudit(test.db, { actor: 'planner', action: 'submitted_for_approval', campaignId: 'cmp_bad', detail: { reasons: ['x'] } });
  await appendAudit(test.db, { actor: 'li', action: 'rejected', campaignId: 'cmp_bad', detail: { comment: 'no' } });
  goodIds = (await readCampaignAuditLog(test.db, 'cmp_good')).map((entry) => entry.id);
  tamperedId = (await readCampaignAuditLog(test.db, 'cmp_bad'))[1]!.id;
  await test.db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await tx.query("UPDATE audit_log SET detail = '{\"comment\": \"yes\"}'::jsonb WHERE id = $1", [tamperedId]);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
  // The embedded database is one process's at a time: hand it to the CLI.
  if (test.db.kind === 'embedded') await test.db.close();
});

afterAll(async () => {
  await test?.dispose();
});

describe('campaign-agent audit', () => {
  it('prints who did what and when, with rule ids, and that the chain verifies', () => {
    const { code, stdout } = runCli(['audit', '--campaign', 'cmp_good']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Audit log of campaign cmp_good: 2 entries');
    expect(lines[1]).toMatch(
      new RegExp(`^#${goodIds[0]}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  planner  submitted_for_approval  rules: discount\\.ceiling  reasons: a guardrail changed the plan: discount\\.ceiling$`),
    );
    expect(lines[2]).toMatch(new RegExp(`^#${goodIds[1]}  .+Z  olga  approved  comment: ok$`));
    expect(lines[3]).toBe('Hash chain verified: 2 entries intact.');
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = runCli(['audit', '--campaign', 'cmp_good', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.campaignId).toBe('cmp_good');
    expect(report.entries.map((entry: { id: number; actor: string; ruleIds: string[] }) => [entry.id, entry.actor, entry.ruleIds])).toEqual([
      [goodIds[0], 'planner', ['discount.ceiling']],
      [goodIds[1], 'olga', []],
    ]);
    expect(report.entries[1].detail).toEqual({ comment: 'ok' });
    expect(report.chain).toEqual({ ok: true, checked: 2, firstBrokenId: null, reason: null });
  });

  it('names the tampered entry and exits 1', () => {
    const { code, stdout } = runCli(['audit', '--campaign', 'cmp_bad']);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `Hash chain BROKEN at entry ${tamperedId}: entry ${tamperedId} was changed after it was written: its content no longer matches its hash`,
    );
  });

  it('refuses an unknown campaign and a missing --campaign in one line', () => {
    const unknown = runCli(['audit', '--campaign', 'cmp_nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^campaign-agent: no audit entries for campaign cmp_nope in .+\n$/);
    const missing = runCli(['audit']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("campaign-agent: required option '--campaign <id>' not specified\n");
  });
});
