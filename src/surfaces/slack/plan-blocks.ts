// A plan as Slack Block Kit, in the goal's language: segment, forecast ranges, schedule, copy per
// channel, guardrail verdicts with rule ids, and Approve / Reject buttons while it waits.
import type { Plan, Range } from '../../domain/plan.ts';
import { slackText, type SlackLocale } from './slack-text.ts';

export const APPROVE_ACTION = 'plan_approve';
export const REJECT_ACTION = 'plan_reject';

/** The subset of Block Kit this surface posts. */
export type Block =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> }
  | { type: 'divider' }
  | { type: 'actions'; block_id: string; elements: Array<{ type: 'button'; action_id: string; value: string; style: 'primary' | 'danger'; text: { type: 'plain_text'; text: string } }> };

export interface SlackMessage {
  /** Fallback text for notifications and clients without blocks. */
  text: string;
  blocks: Block[];
}

/** Block Kit limits a section's text to 3000 characters. */
function clip(text: string, max = 2900): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text) } };
}

export function planLocale(plan: Plan): SlackLocale {
  return plan.brief?.locale === 'zh' ? 'zh' : 'en';
}

function formatRange(range: Range, locale: SlackLocale, unit = ''): string {
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: Math.abs(range.p50) < 10 ? 2 : 0 });
  return `${number.format(range.p10)}–${number.format(range.p90)}${unit} (${number.format(range.p50)})`;
}

const VERDICT_MARK = { pass: '✅', fixed: '🛠️', blocked: '⛔' } as const;

export function planMessage(plan: Plan, { actions = false }: { actions?: boolean } = {}): SlackMessage {
  const locale = planLocale(plan);
  const t = slackText(locale);
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: t.status[plan.status] } }];
  if (plan.status === 'needs_clarification') {
    blocks.push(section(plan.question ?? plan.summary));
    return { text: `${t.status[plan.status]}: ${plan.question ?? plan.summary}`, blocks };
  }
  if (plan.summary) blocks.push(section(plan.summary));
  if (plan.segment) {
    const reachable = Object.entries(plan.segment.reachable).map(([channel, count]) => `${channel} ${count}`).join(' · ');
    blocks.push(section(`*${t.segment}*\n${plan.segment.description}\n${t.size}: ${plan.segment.count} · ${t.reachable}: ${reachable || '—'}`));
  }
  if (plan.forecast) {
    const { conversions, revenue, cost, roi, currency } = plan.forecast;
    blocks.push(
      section(
        `*${t.forecast}* (p10–p90, p50)\n${t.conversions}: ${formatRange(conversions, locale)}\n${t.revenue}: ${formatRange(revenue, locale, ` ${currency}`)}\n` +
          `${t.cost}: ${formatRange(cost, locale, ` ${currency}`)}\nROI: ${formatRange(roi, locale)}`,
      ),
    );
  }
  if (plan.schedule) blocks.push(section(`*${t.schedule}*\n${plan.schedule.summary}`));
  if (plan.messages.length > 0) {
    blocks.push({ type: 'divider' }, section(`*${t.copy}*`));
    for (const message of plan.messages) {
      blocks.push(section(`*${message.channel} · ${message.variant}*${message.title ? ` — ${message.title}` : ''}\n${message.text}`));
    }
  }
  if (plan.guardrails.length > 0) {
    blocks.push({
      type: 'context',
      elements: plan.guardrails.slice(0, 10).map((verdict) => ({ type: 'mrkdwn' as const, text: clip(`${VERDICT_MARK[verdict.status]} \`${verdict.rule}\` ${verdict.detail}`, 300) })),
    });
  }
  if (plan.approval?.decision) {
    const decided = plan.approval.decision === 'approved' ? t.approvedBy : t.rejectedBy;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${decided} ${plan.approval.decidedBy ?? ''}${plan.campaignId ? ` · ${plan.campaignId}` : ''}` }] });
  }
  if (actions && plan.status === 'needs_approval') {
    blocks.push({
      type: 'actions',
      block_id: 'plan_decision',
      elements: [
        { type: 'button', action_id: APPROVE_ACTION, value: plan.threadId, style: 'primary', text: { type: 'plain_text', text: t.approve } },
        { type: 'button', action_id: REJECT_ACTION, value: plan.threadId, style: 'danger', text: { type: 'plain_text', text: t.reject } },
      ],
    });
  }
  const reach = plan.segment ? ` · ${t.size} ${plan.segment.count}` : '';
  return { text: `${t.status[plan.status]}${reach}`, blocks };
}

/** The working message: what has been done so far. */
export function progressMessage(steps: readonly string[], locale: SlackLocale): SlackMessage {
  const t = slackText(locale);
  const lines = steps.map((step, index) => (index === steps.length - 1 ? `⏳ ${step}` : `✓ ${step}`));
  const text = [t.working, ...lines].join('\n');
  return { text: t.working, blocks: [section(text)] };
}
