// A recurring campaign end to end: "every Monday 10am for 2 weeks" is planned offline and approved,
// the scheduler queues one step per occurrence for each recipient (and holdout rows for the control
// group), and the worker delivers each step at its time, re-checking consent at send time: a
// recipient who opts out after the first e-mail gets no second one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import type { DeliveryConfig } from './delivery-config.ts';
import { startEmailDelivery, type EmailDelivery } from './testing/email-delivery.ts';
import { sendReasons, sendStatusCounts } from './send-status.ts';
import type { SmtpCapture } from './testing/smtp-capture.ts';
import { runDeliveryOnce } from './worker/run-once.ts';

const NOW = new Date('2026-11-23T08:00:00Z'); // Monday, 16:00 in Shanghai
const GOAL = 'Win back customers who have not bought in 90 days by email every Monday 10am for 2 weeks';
const THREAD_ID = '5f0c3e4a-8d7b-4c21-9a6e-2b1d0f9e7c31';

let test: TestApp;
let email: EmailDelivery;
let smtp: SmtpCapture;
let delivery: DeliveryConfig;

beforeAll(async () => {
  test = await openTestApp({ now: () => NOW, seedCustomers: 300 });
  email = await startEmailDelivery();
  ({ smtp, config: delivery } = email);
});
afterAll(async () => {
  await email?.close();
  await test?.dispose();
});

interface SendRow extends Record<string, unknown> {
  customer_id: string;
  step: number;
  variant: string;
  status: string;
  send_at: Date;
  email: string;
}

describe('recurring campaign end to end', () => {
  it('queues a step per occurrence and re-checks consent before each', async () => {
    const { db } = test.app;
    // A fixed thread fixes the campaign id, and with it which recipients the hash puts in the holdout.
    const threadId = THREAD_ID;
    let plan = await test.app.planner.send(threadId, GOAL, { by: 'mia', role: 'marketer' });
    if (plan.status === 'needs_approval') plan = await test.app.planner.decide(threadId, { decision: 'approve', by: 'olga', role: 'approver', comment: null });
    expect(plan.status).toBe('scheduled');
    expect(plan.brief!.timing).toEqual({ kind: 'recurring', weekdays: [1], localTime: '10:00', count: 2, startDate: null });
    expect(plan.schedule!.recurrence!.occurrences).toEqual(['2026-11-30T10:00', '2026-12-07T10:00']);
    // The forecast pays for both sends to every recipient and attributes purchases up to 14 days after the second.
    const recipients = plan.forecast!.reachSteps!.recipients;
    expect(plan.forecast!.costBreakdown!.messages.p50).toBeCloseTo(2 * recipients * test.app.policy.channels.email!.costPerMessage, 2);
    expect(plan.forecast!.assumptions).toEqual(expect.arrayContaining([expect.stringContaining('Each recipient gets 2 messages'), expect.stringContaining('(21 days)')]));
    const campaignId = plan.campaignId!;

    const { rows } = await db.query<SendRow>(
      `SELECT s.customer_id, s.step, s.variant, s.status, s.send_at, c.email FROM sends s JOIN customers c ON c.id = s.customer_id
        WHERE s.campaign_id = $1 ORDER BY s.customer_id, s.step`,
      [campaignId],
    );
    const byCustomer = new Map<string, SendRow[]>();
    for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row]);
    expect(byCustomer.size).toBeGreaterThan(10);
    for (const steps of byCustomer.values()) {
      // Two occurrences a week apart, in the same arm.
      expect(steps.map((step) => step.step)).toEqual([0, 1]);
      expect(new Date(steps[1]!.send_at).getTime() - new Date(steps[0]!.send_at).getTime()).toBe(7 * 86_400_000);
      expect(new Set(steps.map((step) => `${step.variant}/${step.status}`)).size).toBe(1);
    }
    const messaged = [...byCustomer.values()].filter((steps) => steps[0]!.status === 'queued');
    const heldOut = [...byCustomer.values()].filter((steps) => steps[0]!.status === 'holdout');
    expect(heldOut.length).toBeGreaterThan(0);

    const run = (at: number) => runDeliveryOnce({ db, databaseUrl: test.app.config.databaseUrl, policy: test.app.policy, config: delivery, now: () => new Date(at) });
    const instantsOf = (step: number) => [...new Set(messaged.map((steps) => new Date(steps[step]!.send_at).getTime()))].sort((a, b) => a - b);
    for (const instant of instantsOf(0)) await run(instant);
    expect(smtp.mails.length).toBe(messaged.length);

    // After the first e-mail one recipient opts out: the second occurrence is held back for them alone.
    const optedOut = messaged[0]![0]!;
    await db.query(`UPDATE consents SET granted = false, recorded_at = $2 WHERE channel = 'email' AND customer_id = $1`, [optedOut.customer_id, new Date(instantsOf(0).at(-1)! + 60_000)]);
    for (const instant of instantsOf(1)) await run(instant);

    expect(smtp.mails.length).toBe(2 * messaged.length - 1);
    expect(smtp.mails.filter((mail) => mail.to[0] === optedOut.email)).toHaveLength(1);
    expect(smtp.mails.some((mail) => heldOut.some((steps) => steps[0]!.email === mail.to[0]))).toBe(false);
    expect(await sendStatusCounts(db, campaignId)).toEqual({
      queued: 0,
      sent: 2 * messaged.length - 1,
      failed: 0,
      suppressed: 1,
      cancelled: 0,
      holdout: 2 * heldOut.length,
    });
    expect((await sendReasons(db, campaignId)).map(({ status, rule, count }) => ({ status, rule, count }))).toEqual([
      { status: 'suppressed', rule: 'consent.channel', count: 1 },
    ]);
  });

  it('moves every occurrence of a late-night recurring send out of quiet hours, and spans the last one', async () => {
    const plan = await test.app.planner.send(randomUUID(), 'Win back customers who have not bought in 90 days by email every Monday 11:30pm for 2 weeks', { by: 'mia', role: 'marketer' });
    expect(plan.guardrails.find((verdict) => verdict.rule === 'quiet_hours.local_time')?.status).toBe('fixed');
    expect(plan.schedule!.recurrence).toEqual({ weekdays: [2], localTime: '08:00', count: 2, occurrences: ['2026-11-24T08:00', '2026-12-01T08:00'] });
    // The last send is the last occurrence's 08:00 in the westernmost recipient zone, a week after the first.
    expect(Date.parse(plan.schedule!.lastSendUtc!)).toBeGreaterThan(Date.parse('2026-12-01T00:00:00Z'));
    expect(Date.parse(plan.schedule!.lastSendUtc!) - Date.parse(plan.schedule!.firstSendUtc!)).toBeGreaterThan(7 * 86_400_000);
  });
});
