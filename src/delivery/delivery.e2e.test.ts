// End to end: a win-back goal is planned and approved through the planner, some recipients withdraw
// consent, hit the frequency cap or are suppressed before sending, then the worker runs against a
// real SMTP server at each recipient's send time. Exactly one e-mail reaches every eligible recipient,
// none reaches the others (each held back with its reason) or the holdout group, and no placeholder
// is left in any mail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaign } from '../data/campaigns.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import type { DeliveryConfig } from './delivery-config.ts';
import { startEmailDelivery, type EmailDelivery } from './testing/email-delivery.ts';
import { couponCodeFor } from './send/personal-links.ts';
import { sendReasons, sendStatusCounts } from './send-status.ts';
import type { SmtpCapture } from './testing/smtp-capture.ts';
import { runDeliveryOnce } from './worker/run-once.ts';

const NOW = new Date('2026-11-23T08:00:00Z'); // a Monday
const GOAL = 'Win back customers who have not bought in 90 days, 10% off by email tomorrow 10am';

let test: TestApp;
let email: EmailDelivery;
let smtp: SmtpCapture;
let delivery: DeliveryConfig;

beforeAll(async () => {
  test = await openTestApp({ now: () => NOW, seedCustomers: 500 });
  email = await startEmailDelivery();
  ({ smtp, config: delivery } = email);
});
afterAll(async () => {
  await email?.close();
  await test?.dispose();
});

interface QueuedSend extends Record<string, unknown> {
  id: number;
  customer_id: string;
  email: string;
  send_at: Date;
}

async function planAndApprove(goal: string): Promise<string> {
  const threadId = randomUUID();
  const plan = await test.app.planner.send(threadId, goal, { by: 'mia', role: 'marketer' });
  expect(plan.status).toBe('needs_approval');
  const approved = await test.app.planner.decide(threadId, { decision: 'approve', by: 'olga', role: 'approver', comment: null });
  expect(approved.status).toBe('scheduled');
  return approved.campaignId!;
}

describe('delivery end to end over SMTP', () => {
  it('sends exactly one e-mail per eligible recipient and none to the opted-out, capped or suppressed', async () => {
    const { db } = test.app;
    const campaignId = await planAndApprove(GOAL);
    const { rows: queued } = await db.query<QueuedSend>(
      `SELECT s.id, s.customer_id, c.email, s.send_at FROM sends s JOIN customers c ON c.id = s.customer_id
        WHERE s.campaign_id = $1 AND s.status = 'queued' ORDER BY s.customer_id`,
      [campaignId],
    );
    // The forecast's recommended holdout is kept back as a control group: recorded, never sent.
    const { rows: heldOut } = await db.query<QueuedSend>(
      `SELECT s.id, s.customer_id, c.email, s.send_at FROM sends s JOIN customers c ON c.id = s.customer_id
        WHERE s.campaign_id = $1 AND s.status = 'holdout' AND s.variant = 'holdout'`,
      [campaignId],
    );
    expect(queued.length).toBeGreaterThan(20);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(await sendStatusCounts(db, campaignId)).toEqual({ queued: queued.length, sent: 0, failed: 0, suppressed: 0, cancelled: 0, holdout: heldOut.length });

    // Between approval and sending: three withdraw consent, two reach the cap elsewhere, one is suppressed.
    const optedOut = queued.slice(0, 3).map((send) => send.customer_id);
    const capped = queued.slice(3, 5).map((send) => send.customer_id);
    const suppressed = queued[5]!.customer_id;
    const nameless = queued[6]!.customer_id;
    await db.query(`UPDATE consents SET granted = false, recorded_at = $2 WHERE channel = 'email' AND customer_id = ANY($1::text[])`, [optedOut, NOW]);
    await db.query(`INSERT INTO suppressions (customer_id, channel, reason) VALUES ($1, 'email', 'hard bounce')`, [suppressed]);
    await db.query('UPDATE customers SET first_name = NULL WHERE id = $1', [nameless]);
    await db.transaction(async (tx) => {
      await saveCampaign(tx, { id: 'cmp_other', threadId: null, name: 'Flash sale', status: 'completed', objective: 'awareness', channels: ['sms'], brief: {}, segmentDefinition: {}, plan: null, createdBy: 'mia' });
      for (const [index, customerId] of capped.flatMap((id) => [id, id, id]).entries()) {
        await tx.query(
          `INSERT INTO sends (campaign_id, customer_id, step, channel, variant, status, send_at, sent_at) VALUES ('cmp_other', $1, $2, 'sms', 'A', 'sent', $3, $3)`,
          [customerId, index, new Date(NOW.getTime() - 86_400_000)],
        );
      }
    });

    // The worker runs at each recipient's own 10:00 (one instant per time zone), like a clock moving on.
    const instants = [...new Set(queued.map((send) => new Date(send.send_at).getTime()))].sort((a, b) => a - b);
    expect(instants.length).toBeGreaterThan(1);
    expect(await runDeliveryOnce({ db, databaseUrl: test.app.config.databaseUrl, policy: test.app.policy, config: delivery, now: () => NOW })).toMatchObject({ sent: 0 });
    for (const instant of instants) {
      await runDeliveryOnce({ db, databaseUrl: test.app.config.databaseUrl, policy: test.app.policy, config: delivery, now: () => new Date(instant) });
    }

    const heldBack = new Set([...optedOut, ...capped, suppressed]);
    const eligible = queued.filter((send) => !heldBack.has(send.customer_id));
    expect(smtp.mails.map((mail) => mail.to.join(',')).sort()).toEqual(eligible.map((send) => send.email).sort());
    expect(new Set(smtp.mails.map((mail) => mail.headers['message-id'])).size).toBe(smtp.mails.length);
    for (const mail of smtp.mails) {
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\{\{|\}\}/);
      const send = eligible.find((candidate) => candidate.email === mail.to[0])!;
      expect(mail.text).toContain(couponCodeFor(campaignId, send.customer_id));
      expect(mail.text).toContain(`?c=${campaignId}&u=${send.customer_id}&ch=email`);
      expect(mail.headers['list-unsubscribe']).toContain(`u=${send.customer_id}`);
      expect(mail.headers.from).toBe('Lumen <news@lumen.test>');
    }
    const namelessMail = smtp.mails.find((mail) => mail.to[0] === queued[6]!.email)!;
    expect(namelessMail.text).toMatch(/^(Hi there|[A-Z])/);
    expect(namelessMail.subject).toMatch(/^[A-Z0-9]/);

    expect(await sendStatusCounts(db, campaignId)).toEqual({ queued: 0, sent: eligible.length, failed: 0, suppressed: 6, cancelled: 0, holdout: heldOut.length });
    expect((await sendReasons(db, campaignId)).map(({ status, rule, count }) => ({ status, rule, count }))).toEqual([
      { status: 'suppressed', rule: 'consent.channel', count: 3 },
      { status: 'suppressed', rule: 'frequency.cap', count: 2 },
      { status: 'suppressed', rule: 'suppression', count: 1 },
    ]);
    const { rows } = await db.query<{ status: string }>('SELECT status FROM campaigns WHERE id = $1', [campaignId]);
    expect(rows[0]?.status).toBe('completed');

    // Running again sends nothing more.
    const again = await runDeliveryOnce({ db, databaseUrl: test.app.config.databaseUrl, policy: test.app.policy, config: delivery, now: () => new Date(instants.at(-1)! + 3_600_000) });
    expect(again).toMatchObject({ sent: 0, skipped: 0 });
    expect(smtp.mails.length).toBe(eligible.length);
  });
});
