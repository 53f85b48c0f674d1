// `campaign-agent worker` running as a service on the real clock, in its own process (on the embedded
// database it is the only process using the data directory): it delivers a send that is due and one
// that falls due a few seconds later, then stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../data/database.ts';
import { openDatabase } from '../../data/open-database.ts';
import { createTestDatabase, memoryEnabledInTests, type TestDatabase } from '../../testing/test-database.ts';
import { sendStatusCounts } from '../send-status.ts';
import { insertFixtureCampaign } from '../testing/delivery-fixtures.ts';
import { startSmtpCapture, type SmtpCapture } from '../testing/smtp-capture.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');

let test: TestDatabase;
let smtp: SmtpCapture;

/** A fixed-offset zone where it is about noon now, so quiet hours never get in the way. */
function zoneAtNoon(now: Date): string {
  const offset = ((12 - now.getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

async function reopen(): Promise<Database> {
  return openDatabase({ databaseUrl: test.env.DATABASE_URL ?? null, dataDir: test.env.CAMPAIGN_AGENT_DATA_DIR ?? '', memory: memoryEnabledInTests });
}

beforeAll(async () => {
  test = await createTestDatabase();
  smtp = await startSmtpCapture();
  const now = new Date();
  const customers = (prefix: string) => [1, 2].map((index) => ({ id: `${prefix}${index}`, firstName: `N${index}`, timeZone: zoneAtNoon(now) }));
  const copy = [{ variant: 'A', title: 'Hi {{first_name}}', text: 'Hi {{first_name}}. {{unsubscribe_url}}' }];
  await insertFixtureCampaign(test.db, { id: 'cmp_due', channel: 'email', customers: customers('D'), copy, sendAt: new Date(now.getTime() - 60_000) });
  await insertFixtureCampaign(test.db, { id: 'cmp_soon', channel: 'email', customers: customers('S'), copy, sendAt: new Date(now.getTime() + 10_000) });
  await test.db.close(); // the worker process takes the database over
});
afterAll(async () => {
  await smtp?.close();
  await test?.dispose();
});

describe('worker as a service', () => {
  it('delivers due and soon-due sends, then stops on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...test.env,
      SMTP_URL: smtp.url,
      CAMPAIGN_AGENT_EMAIL_FROM: 'news@lumen.test',
      CAMPAIGN_AGENT_DISPATCH_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'silent',
    };
    if (!test.env.DATABASE_URL) delete env.DATABASE_URL;
    const child = spawn(process.execPath, [CLI, 'worker', '--concurrency', '2'], { env });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (smtp.mails.length < 4 && Date.now() - started < 50_000 && child.exitCode === null) await sleep(100);
      expect(smtp.mails.map((mail) => mail.to[0]).sort(), stderr).toEqual(['d1@example.test', 'd2@example.test', 's1@example.test', 's2@example.test']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('Delivery worker started (concurrency 2).');
    expect(stderr).toContain('Delivery worker stopped.');
    const db = await reopen();
    try {
      expect(await sendStatusCounts(db, 'cmp_soon')).toMatchObject({ sent: 2, queued: 0 });
      const { rows } = await db.query<{ status: string }>("SELECT status FROM campaigns WHERE id IN ('cmp_due', 'cmp_soon') ORDER BY id");
      expect(rows.map((row) => row.status)).toEqual(['completed', 'completed']);
    } finally {
      await db.close();
    }
  });
});
