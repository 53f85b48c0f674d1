// The plan as Block Kit: every part the marketer checks, in the goal's language, with buttons only
// while the plan waits for approval.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan.ts';
import { planMessage, progressMessage } from './plan-blocks.ts';

const range = (p10: number, p50: number, p90: number) => ({ p10, p50, p90 });

const PLAN = {
  status: 'needs_approval',
  threadId: 'thread-1',
  brief: { locale: 'en' },
  segment: { definition: { root: { kind: 'and', of: [] } }, description: 'customers who have not bought in 90 days', assumptions: [], count: 1200, reachable: { sms: 800 } },
  forecast: {
    reach: 780,
    conversions: range(20, 31, 45),
    incrementalConversions: range(5, 9, 14),
    revenue: range(2400, 3500, 5100),
    cost: range(40, 46, 52),
    roi: range(1.5, 2.25, 3.1),
    currency: 'CNY',
    basedOn: [],
    pastCampaigns: [],
    assumptions: [],
  },
  messages: [{ channel: 'sms', variant: 'A', title: null, text: '10% off your next order. Reply STOP to opt out' }],
  schedule: { summary: 'send at 2026-11-24 10:00 in each recipient’s local time' },
  guardrails: [
    { rule: 'discount.ceiling', status: 'pass', detail: 'the offer 10% off is within the 30% ceiling' },
    { rule: 'quiet_hours.local_time', status: 'fixed', detail: 'moved out of quiet hours' },
  ],
  approval: { required: true, reasons: ['has a discount'], decidedBy: null, decision: null, comment: null },
  campaignId: 'cmp_1',
  summary: '',
} as unknown as Plan;

describe('planMessage', () => {
  it('shows segment, forecast ranges, schedule, copy, verdicts and the decision buttons', () => {
    expect(planMessage(PLAN, { actions: true })).toEqual({
      text: 'Plan waiting for approval · Size 1200',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Plan waiting for approval' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Audience*\ncustomers who have not bought in 90 days\nSize: 1200 · Reachable: sms 800' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Forecast* (p10–p90, p50)\nConversions: 20–45 (31)\nRevenue: 2,400–5,100 CNY (3,500)\nCost: 40–52 CNY (46)\nROI: 1.5–3.1 (2.25)' },
        },
        { type: 'section', text: { type: 'mrkdwn', text: '*Schedule*\nsend at 2026-11-24 10:00 in each recipient’s local time' } },
        { type: 'divider' },
        { type: 'section', text: { type: 'mrkdwn', text: '*Copy*' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*sms · A*\n10% off your next order. Reply STOP to opt out' } },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: '✅ `discount.ceiling` the offer 10% off is within the 30% ceiling' },
            { type: 'mrkdwn', text: '🛠️ `quiet_hours.local_time` moved out of quiet hours' },
          ],
        },
        {
          type: 'actions',
          block_id: 'plan_decision',
          elements: [
            { type: 'button', action_id: 'plan_approve', value: 'thread-1', style: 'primary', text: { type: 'plain_text', text: 'Approve' } },
            { type: 'button', action_id: 'plan_reject', value: 'thread-1', style: 'danger', text: { type: 'plain_text', text: 'Reject' } },
          ],
        },
      ],
    });
  });

  it('drops the buttons once decided and says who decided, in Chinese for a Chinese goal', () => {
    const scheduled = { ...PLAN, status: 'scheduled', brief: { locale: 'zh' }, approval: { ...PLAN.approval!, decision: 'approved', decidedBy: 'slack:U1' } } as Plan;
    const message = planMessage(scheduled, { actions: true });
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '活动已排期' } });
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(message.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '批准人 slack:U1 · cmp_1' }] });
  });

  it('asks the clarifying question alone, and keeps sections within Block Kit limits', () => {
    const question = { ...PLAN, status: 'needs_clarification', question: 'Which channel should I use?' } as Plan;
    expect(planMessage(question)).toEqual({
      text: 'A question before planning: Which channel should I use?',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'A question before planning' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Which channel should I use?' } },
      ],
    });
    const long = planMessage({ ...PLAN, summary: 'x'.repeat(5000) } as Plan);
    const summary = long.blocks[1] as { text: { text: string } };
    expect(summary.text.text.length).toBe(2900);
  });
});

describe('progressMessage', () => {
  it('ticks finished steps and marks the current one', () => {
    expect(progressMessage(['Reading your message', 'Checking the guardrails'], 'en')).toEqual({
      text: 'Working on it…',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Working on it…\n✓ Reading your message\n⏳ Checking the guardrails' } }],
    });
  });
});
