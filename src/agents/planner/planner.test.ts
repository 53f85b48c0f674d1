// The planner end to end on the offline model and a seeded database: goals in English and
// Chinese become guarded plans; guardrails fix or block offending values; approval schedules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import type { Plan } from '../../domain/plan.ts';
import { DEFAULT_RULES } from '../../guardrails/run-guardrails.ts';

const NOW = new Date('2026-11-23T08:00:00Z'); // a Monday
const admin = { by: 'alice', role: 'admin' as const };

let test: TestApp;
beforeAll(async () => {
  test = await openTestApp({ now: () => NOW });
});
afterAll(async () => {
  await test?.dispose();
});

function plan(goal: string): Promise<Plan> {
  return test.app.planner.send(randomUUID(), goal, admin);
}

function verdict(result: Plan, rule: string) {
  return result.guardrails.find((entry) => entry.rule === rule);
}

describe('planner on the offline model', () => {
  it('plans an English win-back goal from the demo data', async () => {
    const result = await plan("Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am");
    expect(result.status).toBe('needs_approval');
    expect(result.brief).toMatchObject({
      objective: 'winback',
      channels: ['sms'],
      offer: { type: 'percent_off', percent: 10 },
      timing: { kind: 'at', localDateTime: '2026-11-24T10:00' },
      locale: 'en',
    });
    expect(result.segment!.count).toBeGreaterThan(0);
    expect(result.segment!.reachable.sms).toBeGreaterThan(0);
    expect(result.segment!.reachable.sms).toBeLessThanOrEqual(result.segment!.count);
    expect(result.segment!.assumptions.join(' ')).toMatch(/top 20%/);
    const { conversions, revenue, cost } = result.forecast!;
    for (const range of [conversions, revenue, cost]) {
      expect(range.p10).toBeLessThanOrEqual(range.p50);
      expect(range.p50).toBeLessThanOrEqual(range.p90);
    }
    expect(result.messages.map((m) => `${m.channel}/${m.variant}`)).toEqual(['sms/A', 'sms/B']);
    expect(result.messages[0]!.text).toMatch(/10% off/);
    expect(result.messages[0]!.text).toMatch(/Reply STOP/);
    expect(result.schedule).toMatchObject({ kind: 'at', localDateTime: '2026-11-24T10:00', timeZoneHandling: 'recipient_local' });
    // Every rule of the policy engine gives a verdict, in its fixed order.
    expect(result.guardrails.map((v) => v.rule)).toEqual(DEFAULT_RULES.map((rule) => rule.id));
    expect(result.approval).toMatchObject({ required: true, decision: null });
    expect(result.campaignId).toMatch(/^cmp_/);
  });

  it('plans a Chinese AOV goal for women aged 25-30 with Chinese copy', async () => {
    const result = await plan('提升双11期间25-30岁女性用户的客单价');
    expect(result.brief).toMatchObject({ objective: 'aov', locale: 'zh', timing: { kind: 'window' } });
    const definition = JSON.stringify(result.segment!.definition);
    expect(definition).toContain('"kind":"age"');
    expect(definition).toContain('"female"');
    expect(result.segment!.count).toBeGreaterThan(0);
    expect(result.segment!.description).toMatch(/25.*30/);
    for (const message of result.messages) expect(message.text).toMatch(/\p{Script=Han}/u);
  });

  it('lowers a discount above the policy ceiling and says so, in the brief and the copy', async () => {
    const result = await plan('Win back lapsed customers with 60% off by email');
    const discount = verdict(result, 'discount.ceiling');
    expect(discount?.status).toBe('fixed');
    expect(result.brief!.offer).toEqual({ type: 'percent_off', percent: 30 });
    for (const message of result.messages) expect(message.text).not.toMatch(/60%/);
    expect(result.status).not.toBe('scheduled');
  });

  it('moves a send planned inside quiet hours to the next allowed local time', async () => {
    const result = await plan('Remind customers who bought in the last 30 days about our new arrivals by push tomorrow at 23:30');
    expect(verdict(result, 'quiet_hours.local_time')?.status).toBe('fixed');
    expect(result.schedule!.localDateTime).toBe('2026-11-25T08:00');
  });

  it('blocks a restricted category aimed at minors', async () => {
    const result = await plan('Promote wine to customers aged 16-25 by SMS');
    expect(result.status).toBe('blocked');
    expect(verdict(result, 'audience.minors')?.status).toBe('blocked');
    expect(result.campaignId).toBeNull();
    const { rows } = await test.app.db.query<{ rule_ids: string[] }>(
      "SELECT rule_ids FROM audit_log WHERE action = 'blocked' AND thread_id = $1",
      [result.threadId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.rule_ids).toContain('audience.minors');
  });

  it('asks one clarifying question when the goal is too vague', async () => {
    const result = await plan('do some marketing');
    expect(result.status).toBe('needs_clarification');
    expect(result.question).toMatch(/\?/);
    expect(result.segment).toBeNull();
  });
});
