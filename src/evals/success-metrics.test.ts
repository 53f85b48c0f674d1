// Success metrics over stored campaigns: plans approved unchanged, time from goal to approval and
// to first send, and actual outcomes against the forecast range, on the embedded database or
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { computeSuccessMetrics, formatSuccessMetrics, successMetrics } from './success-metrics.ts';

const T = new Date('2026-11-01T02:00:00Z');
const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000).toISOString();
const forecast = { conversions: { p10: 5, p50: 9, p90: 15 }, revenue: { p10: 100, p50: 300, p90: 500 } };

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  const { db } = test;
  await db.query(`INSERT INTO customers (id, first_name) VALUES ('u1', 'Ann')`);
  const campaign = async (id: string, thread: string | null, status: string, approvedAfter: number | null, plan: unknown) =>
    db.query(
      `INSERT INTO campaigns (id, thread_id, name, status, objective, channels, brief, segment_definition, plan, created_by, created_at, approved_at)
       VALUES ($1, $2, $1, $3, 'winback', '{sms}', '{}'::jsonb, '{}'::jsonb, $4::jsonb, 'maria', $5, $6)`,
      [id, thread, status, JSON.stringify(plan), at(0), approvedAfter === null ? null : at(approvedAfter)],
    );
  const submitted = (id: string) => db.query(`INSERT INTO audit_log (actor, action, campaign_id) VALUES ('planner', 'submitted_for_approval', $1)`, [id]);
  await campaign('c1', 't1', 'scheduled', 30, { forecast });
  await submitted('c1');
  await db.query(`INSERT INTO sends (campaign_id, customer_id, channel, variant, status, send_at, sent_at) VALUES ('c1', 'u1', 'sms', 'A', 'sent', $1, $2)`, [at(100), at(120)]);
  await db.query(`INSERT INTO campaign_outcomes (campaign_id, sent, delivered, converted, revenue) VALUES ('c1', 100, 98, 10, 600)`);
  await campaign('c2', 't2', 'scheduled', 90, { forecast });
  await submitted('c2');
  await submitted('c2');
  await campaign('c3', 't3', 'rejected', null, null);
  await submitted('c3');
  await campaign('c4', 't4', 'needs_approval', null, null);
  await submitted('c4');
  await campaign('c5', 't5', 'scheduled', null, null);
  await campaign('c6', null, 'completed', 60, { forecast });
  await db.query(`INSERT INTO campaign_outcomes (campaign_id, sent, delivered, converted, revenue) VALUES ('c6', 50, 50, 6, 250)`);
}, 60_000);

afterAll(async () => {
  await test?.dispose();
});

describe('computeSuccessMetrics', () => {
  it('computes the metrics from campaigns, the audit log, sends and outcomes', async () => {
    const metrics = await computeSuccessMetrics(test.db);
    expect(metrics).toEqual({
      agentPlans: { decided: 3, approvedUnchanged: 1, approvedAfterChanges: 1, rejected: 1, awaitingApproval: 1, scheduledWithoutApproval: 1, approvedUnchangedShare: 0.3333 },
      goalToApproval: { campaigns: 2, medianMinutes: 30, p90Minutes: 90 },
      goalToFirstSend: { campaigns: 1, medianMinutes: 120, p90Minutes: 120 },
      forecastVsActual: { campaigns: 2, conversionsWithinRange: 2, revenueWithinRange: 1, conversionsShare: 1, revenueShare: 0.5 },
    });
    expect(formatSuccessMetrics(metrics)).toBe(
      [
        'Plans approved unchanged: 33.3% (1 of 3 decided; 1 approved after changes, 1 rejected, 1 awaiting approval, 1 needed no approval)',
        'Goal to approval: median 30 min, p90 90 min over 2 campaigns',
        'Goal to first send: median 120 min, p90 120 min over 1 campaigns',
        'Forecast vs actual: conversions inside p10-p90 in 100.0%, revenue in 50.0% of 2 campaigns',
      ].join('\n'),
    );
  });
});

describe('successMetrics', () => {
  it('reports n/a rather than zero when there is nothing to measure', () => {
    const metrics = successMetrics([]);
    expect(metrics.agentPlans.approvedUnchangedShare).toBeNull();
    expect(metrics.goalToApproval).toEqual({ campaigns: 0, medianMinutes: null, p90Minutes: null });
    expect(formatSuccessMetrics(metrics)).toContain('Forecast vs actual: n/a (no campaign has both a forecast and an outcome yet)');
  });
});
