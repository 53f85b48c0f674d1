// The server killed with SIGKILL while a plan waits for approval: after a restart on the same data
// directory the plan is still waiting, the approval applies once (a second approval is refused as a
// conflict), and the campaign's sends are queued exactly once per recipient.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../data/open-database.ts';
import { usingPostgres } from '../../testing/test-database.ts';
import { callServer, startServeProcess } from '../../testing/serve-process.ts';

const GOAL = "Win back customers who haven't bought in 90 days, 10% off by email tomorrow 10am";
let dataDir: string;
let server: ChildProcess | null = null;
let url: string;
let threadId: string;
let planned: { status: number; body: Record<string, unknown> };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-kill-'));
  if (usingPostgres) return;
  // A first start (seeding the demo data) and a plan waiting for approval.
  url = await startServer();
  threadId = (await callServer(url, '/api/threads', {})).body.threadId as string;
  planned = await callServer(url, `/api/threads/${threadId}/messages`, { text: GOAL, wait: true });
});
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<string> {
  const started = await startServeProcess({ dataDir });
  server = started.child;
  return started.url;
}

describe.skipIf(usingPostgres)('the server killed during a pending approval', () => {
  it('keeps the plan waiting, applies the approval once and queues each send once', async () => {
    expect(planned.body).toMatchObject({ status: 'needs_approval' });

    server!.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    url = await startServer();

    expect((await callServer(url, `/api/threads/${threadId}/plan`)).body).toMatchObject({ awaitingApproval: true });
    const [first, second] = await Promise.all([callServer(url, `/api/threads/${threadId}/approve`, {}), callServer(url, `/api/threads/${threadId}/approve`, {})]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const approved = first.status === 200 ? first : second;
    expect(approved.body).toMatchObject({ status: 'scheduled', campaignId: planned.body.campaignId });
    server!.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    server = null;

    const db = await openDatabase(loadConfig({ CAMPAIGN_AGENT_DATA_DIR: dataDir }));
    try {
      const { rows } = await db.query<{ sends: string; recipients: string; approvals: string }>(
        `SELECT (SELECT count(*) FROM sends WHERE campaign_id = $1) AS sends,
                (SELECT count(DISTINCT customer_id) FROM sends WHERE campaign_id = $1) AS recipients,
                (SELECT count(*) FROM audit_log WHERE campaign_id = $1 AND action = 'approved') AS approvals`,
        [planned.body.campaignId],
      );
      expect(Number(rows[0]!.sends)).toBeGreaterThan(0);
      expect(Number(rows[0]!.sends)).toBe(Number(rows[0]!.recipients));
      expect(Number(rows[0]!.approvals)).toBe(1);
    } finally {
      await db.close();
    }
  });
});
