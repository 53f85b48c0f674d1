// Multi-turn planning: refinements change the plan, approval rules are enforced, and approval
// schedules exactly one send per eligible recipient at their local time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { isWithinQuietHours } from '../../guardrails/quiet-hours-time.ts';

const NOW = new Date('2026-11-23T08:00:00Z');

let test: TestApp;
beforeAll(async () => {
  test = await openTestApp({ now: () => NOW });
});
afterAll(async () => {
  await test?.dispose();
});

describe('planner conversation', () => {
  it('applies refinements, refuses a marketer approval, then schedules on approval', async () => {
    const { planner, db, policy } = test.app;
    const thread = randomUUID();
    const marketer = { by: 'maria', role: 'marketer' as const };
    const first = await planner.send(thread, 'Win back customers who have not bought in 90 days, 10% off by SMS and email next Tuesday 10am', marketer);
    expect(first.status).toBe('needs_approval');
    expect(first.brief!.channels).toEqual(['sms', 'email']);

    const pushOnly = await planner.send(thread, 'make it push only', marketer);
    expect(pushOnly.status).toBe('needs_approval');
    expect(pushOnly.brief!.channels).toEqual(['push']);
    expect(pushOnly.messages.every((m) => m.channel === 'push')).toBe(true);
    expect(pushOnly.campaignId).toBe(first.campaignId); // a revision updates the pending campaign

    const lower = await planner.send(thread, 'lower the discount to 5%', marketer);
    expect(lower.brief!.offer).toEqual({ type: 'percent_off', percent: 5 });
    expect(lower.brief!.channels).toEqual(['push']);

    await expect(planner.decide(thread, { decision: 'approve', by: 'maria', role: 'marketer', comment: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(planner.decide(thread, { decision: 'approve', by: 'maria', role: 'approver', comment: null })).rejects.toThrow(/own plan/);
    expect(await planner.isAwaitingApproval(thread)).toBe(true);

    const scheduled = await planner.decide(thread, { decision: 'approve', by: 'olga', role: 'approver', comment: 'ok' });
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.approval).toMatchObject({ decision: 'approved', decidedBy: 'olga' });

    const { rows: sends } = await db.query<{ customer_id: string; channel: string; send_at: Date; time_zone: string }>(
      `SELECT s.customer_id, s.channel, s.send_at, c.time_zone FROM sends s JOIN customers c ON c.id = s.customer_id WHERE s.campaign_id = $1`,
      [scheduled.campaignId],
    );
    expect(sends.length).toBeGreaterThan(0);
    expect(sends.length).toBeLessThanOrEqual(scheduled.segment!.reachable.push!);
    expect(new Set(sends.map((s) => s.customer_id)).size).toBe(sends.length);
    for (const send of sends) {
      expect(send.channel).toBe('push');
      const local = DateTime.fromJSDate(send.send_at, { zone: send.time_zone });
      expect(local.toFormat("yyyy-MM-dd'T'HH:mm")).toBe('2026-11-24T10:00');
      expect(isWithinQuietHours(local.toFormat('HH:mm'), policy.quietHours)).toBe(false);
    }
    // Only customers who consented to push and are not suppressed got a send.
    const { rows: unconsented } = await db.query(
      `SELECT s.customer_id FROM sends s
         LEFT JOIN consents k ON k.customer_id = s.customer_id AND k.channel = 'push' AND k.granted
        WHERE s.campaign_id = $1 AND k.customer_id IS NULL`,
      [scheduled.campaignId],
    );
    expect(unconsented).toEqual([]);
    const { rows: audit } = await db.query<{ action: string; actor: string }>(
      'SELECT action, actor FROM audit_log WHERE campaign_id = $1 ORDER BY id',
      [scheduled.campaignId],
    );
    expect(audit.map((entry) => entry.action)).toEqual(['submitted_for_approval', 'submitted_for_approval', 'submitted_for_approval', 'approved', 'scheduled']);
    expect(await planner.isAwaitingApproval(thread)).toBe(false);
  });

  it('a rejected plan ends rejected and queues nothing', async () => {
    const { planner, db } = test.app;
    const thread = randomUUID();
    const pending = await planner.send(thread, '召回90天未购买的用户，短信，9折', { by: 'li', role: 'marketer' });
    expect(pending.status).toBe('needs_approval');
    const rejected = await planner.decide(thread, { decision: 'reject', by: 'olga', role: 'approver', comment: 'not this week' });
    expect(rejected.status).toBe('rejected');
    const { rows } = await db.query('SELECT count(*) AS n FROM sends WHERE campaign_id = $1', [pending.campaignId]);
    expect(rows[0]).toEqual({ n: 0 });
    const { rows: campaign } = await db.query('SELECT status FROM campaigns WHERE id = $1', [pending.campaignId]);
    expect(campaign[0]).toEqual({ status: 'rejected' });
  });
});
