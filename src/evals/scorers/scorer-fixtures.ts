// Sample plans and case outputs for the scorer tests: a valid, sendable English SMS plan that each
// test changes in the one place it is about.
import type { Plan } from '../../domain/plan.ts';
import { NO_SENDS, type CaseOutput } from '../case-output.ts';
import { EvalCase } from '../suite-schema.ts';

export function samplePlan(changes: Partial<Plan> = {}): Plan {
  return {
    status: 'needs_approval',
    threadId: 'eval:planning/sample',
    brief: {
      goal: 'Win back lapsed customers, 10% off by SMS',
      objective: 'winback',
      channels: ['sms'],
      offer: { type: 'percent_off', percent: 10 },
      timing: { kind: 'at', localDateTime: '2026-11-24T10:00' },
      locale: 'en',
      category: null,
      budget: null,
    },
    segment: {
      definition: {
        version: 1,
        root: {
          kind: 'and',
          conditions: [
            { kind: 'spend_rank', topShare: 0.2, window: { type: 'rolling', days: 365 } },
            { kind: 'not', condition: { kind: 'profile', field: 'city', values: ['Beijing'] } },
          ],
        },
      },
      description: 'Top 20% by 12-month spend, not in Beijing',
      assumptions: ['high-value = top 20% by 12-month spend'],
      count: 120,
      reachable: { sms: 80 },
    },
    forecast: {
      reach: 78,
      conversions: { p10: 2, p50: 4, p90: 7 },
      incrementalConversions: { p10: 0, p50: 1, p90: 3 },
      revenue: { p10: 300, p50: 600, p90: 1000 },
      cost: { p10: 3.9, p50: 3.9, p90: 3.9 },
      roi: { p10: 50, p50: 150, p90: 250 },
      currency: 'CNY',
      basedOn: [],
      pastCampaigns: [],
      assumptions: [],
    },
    messages: [
      { channel: 'sms', variant: 'A', title: null, text: '[Lumen] We miss you! Enjoy 10% off your next order. Code: {{coupon_code}}. Reply STOP to opt out' },
      { channel: 'sms', variant: 'B', title: null, text: '[Lumen] Hi {{first_name}}, 10% off for a limited time. Reply STOP to opt out' },
    ],
    schedule: null,
    guardrails: [
      { rule: 'discount.ceiling', status: 'pass', detail: '10% is within the 30% ceiling' },
      { rule: 'audience.minors', status: 'fixed', detail: 'left out 2 customers under 18' },
    ],
    approval: { required: true, reasons: ['discount above 0%'], decidedBy: null, decision: null, comment: null },
    campaignId: 'cmp_1',
    summary: '',
    ...changes,
  };
}

export function sampleOutput(changes: Partial<CaseOutput> = {}, plan: Partial<Plan> = {}): CaseOutput {
  return {
    plan: samplePlan(plan),
    trajectory: [[{ name: 'query_segment', args: {} }], [{ name: 'forecast_impact', args: {} }, { name: 'generate_copy', args: {} }, { name: 'schedule_send', args: {} }]],
    sends: NO_SENDS,
    averageOrderValue: 200,
    approvedByHarness: false,
    ...changes,
  };
}

export function sampleCase(fields: Record<string, unknown> = {}): EvalCase {
  return EvalCase.parse({ id: 'sample', locale: 'en', turns: ['Win back lapsed customers, 10% off by SMS'], ...fields });
}
