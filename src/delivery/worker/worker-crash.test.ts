// `campaign-agent worker` as real processes on PostgreSQL: a worker is killed with SIGKILL while a
// message is in flight, two workers then finish the campaign side by side, and the job the dead
// worker was holding is tried again once it times out. Every recipient gets exactly one e-mail:
// nothing twice, nothing lost. (The embedded database belongs to one process: PostgreSQL only.)
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../testing/test-database.ts';
import { sendStatusCounts } from '../send-status.ts';
import { insertFixtureCampaign } from '../testing/delivery-fixtures.ts';
import { startSmtpCapture, type SmtpCapture } from '../testing/smtp-capture.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
const NOW = new Date('2026-11-24T02:00:00Z'); // 10:00 in Shanghai
const RECIPIENTS = 30;
const HELD = 8; // the SMTP server never answers the 8th message: the worker is killed while sending it
const JOB_TIMEOUT_SECONDS = 5;

let test: TestDatabase;
let smtp: SmtpCapture;

function startWorker(concurrency: number): { child: ChildProcess; result: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: test.env.DATABASE_URL,
    CAMPAIGN_AGENT_MEMORY: 'off',
    SMTP_URL: smtp.url,
    CAMPAIGN_AGENT_EMAIL_FROM: 'Lumen <news@lumen.test>',
    CAMPAIGN_AGENT_EMAIL_RATE: '20',
    CAMPAIGN_AGENT_SEND_TIMEOUT_SECONDS: String(JOB_TIMEOUT_SECONDS),
    CAMPAIGN_AGENT_SEND_RETRY_DELAY_SECONDS: '0',
    LOG_LEVEL: 'silent',
  };
  const child = spawn(process.execPath, [CLI, 'worker', '--once', '--json', '--concurrency', String(concurrency), '--now', NOW.toISOString()], { env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const result = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, result };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

beforeAll(async () => {
  if (!usingPostgres) return;
  test = await createTestDatabase();
  smtp = await startSmtpCapture({ hold: (number) => number === HELD });
  await insertFixtureCampaign(test.db, {
    id: 'cmp_crash',
    channel: 'email',
    customers: Array.from({ length: RECIPIENTS }, (_, index) => ({ id: `C${String(index).padStart(3, '0')}`, firstName: `Name${index}` })),
    copy: [{ variant: 'A', title: 'Hello {{first_name}}', text: 'Hi {{first_name}}, your code is {{coupon_code}}.\n\nUnsubscribe: {{unsubscribe_url}}' }],
    sendAt: new Date(NOW.getTime() - 60_000),
  });
});
afterAll(async () => {
  await smtp?.close();
  await test?.dispose();
});

describe.skipIf(!usingPostgres)('worker processes on PostgreSQL', () => {
  it('sends nothing twice and loses nothing when a worker is killed mid-campaign', async () => {
    const first = startWorker(1);
    await until(() => smtp.received() >= HELD, 60_000, 'the first worker to reach the held message');
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    expect((await first.result).code).toBe(null);
    expect(smtp.mails).toHaveLength(HELD - 1);
    expect(await sendStatusCounts(test.db, 'cmp_crash')).toMatchObject({ sent: HELD - 1, queued: RECIPIENTS - HELD + 1 });

    // Two workers finish the rest side by side. The send the dead worker held stays with its job until
    // the job times out; whichever run comes after that tries it again.
    const [second, third] = await Promise.all([startWorker(2).result, startWorker(2).result]);
    const runs = [second, third];
    if ((await sendStatusCounts(test.db, 'cmp_crash')).queued > 0) {
      await sleep(Math.max(0, killedAt + JOB_TIMEOUT_SECONDS * 1000 + 500 - Date.now()));
      runs.push(await startWorker(1).result);
    }
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const reports = runs.map((run) => JSON.parse(run.stdout) as { sent: number; skipped: number });
    expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(RECIPIENTS - HELD + 1);
    expect(reports.every((report) => report.skipped === 0)).toBe(true);

    const recipients = smtp.mails.map((mail) => mail.to.join(','));
    expect(recipients).toHaveLength(RECIPIENTS);
    expect(new Set(recipients).size).toBe(RECIPIENTS);
    expect(smtp.received()).toBe(RECIPIENTS + 1); // the one held message was never accepted
    expect(await sendStatusCounts(test.db, 'cmp_crash')).toEqual({ queued: 0, sent: RECIPIENTS, failed: 0, suppressed: 0, cancelled: 0, holdout: 0 });
  });
});
