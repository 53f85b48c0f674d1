// Prints a plan for people, in the goal's language: who, what it will likely do and why (and, once
// finished, what it did), what it says, when, and whether it is allowed.
import type { Plan } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { renderForecastLines, renderForecastVersusActualLines } from './render-forecast.ts';

const LABELS = {
  en: {
    status: { needs_approval: 'Waiting for approval', scheduled: 'Scheduled', blocked: 'Blocked', needs_clarification: 'Needs clarification', rejected: 'Rejected' },
    goal: 'Goal', objective: 'Objective', channels: 'Channels', offer: 'Offer', noOffer: 'none',
    audience: 'Audience', customers: 'customers', reachable: 'Reachable', assumptions: 'Assumptions',
    copy: 'Copy', schedule: 'Schedule', guardrails: 'Guardrails', approval: 'Approval needed because', campaign: 'Campaign', thread: 'Thread',
    next: (thread: string) => `Next: campaign-agent chat --thread ${thread}  then type "approve", "reject" or a change`,
  },
  zh: {
    status: { needs_approval: '等待审批', scheduled: '已排期', blocked: '已拦截', needs_clarification: '需要澄清', rejected: '已驳回' },
    goal: '目标', objective: '目的', channels: '渠道', offer: '优惠', noOffer: '无',
    audience: '人群', customers: '位客户', reachable: '可触达', assumptions: '假设',
    copy: '文案', schedule: '发送时间', guardrails: '合规检查', approval: '需要审批，原因', campaign: '活动', thread: '会话',
    next: (thread: string) => `下一步：campaign-agent chat --thread ${thread}，然后输入“批准”、“驳回”或修改意见`,
  },
} as const;

const VERDICT_MARK = { pass: '✓', fixed: '✎', blocked: '✗' } as const;

function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
}

function describeOffer(plan: Plan, locale: Locale): string {
  const offer = plan.brief?.offer;
  if (!offer) return LABELS[locale].noOffer;
  switch (offer.type) {
    case 'percent_off':
      return locale === 'zh' ? `${Number(((100 - offer.percent) / 10).toFixed(1))}折（${offer.percent}% off）` : `${offer.percent}% off`;
    case 'amount_off':
      return locale === 'zh' ? `立减 ${offer.amount} ${offer.currency}` : `${offer.amount} ${offer.currency} off`;
    case 'threshold':
      return locale === 'zh' ? `满${offer.threshold}减${offer.amount}` : `${offer.amount} ${offer.currency} off orders of ${offer.threshold}`;
    case 'free_shipping':
      return locale === 'zh' ? '包邮' : 'free shipping';
  }
}

export function renderPlan(plan: Plan): string {
  const locale: Locale = plan.brief?.locale ?? 'en';
  const t = LABELS[locale];
  const lines: string[] = [`■ ${t.status[plan.status]}`];
  if (plan.status === 'needs_clarification') {
    lines.push(plan.question ?? plan.summary);
    return lines.join('\n');
  }
  if (plan.summary) lines.push(plan.summary);
  if (plan.brief) {
    lines.push('', `${t.goal}: ${plan.brief.goal}`, `${t.objective}: ${plan.brief.objective}   ${t.channels}: ${plan.brief.channels.join(', ')}   ${t.offer}: ${describeOffer(plan, locale)}`);
  }
  if (plan.segment) {
    const reachable = Object.entries(plan.segment.reachable).map(([channel, count]) => `${channel} ${formatNumber(count ?? 0, locale)}`).join(', ');
    lines.push('', `${t.audience}: ${plan.segment.description}`, `  ${formatNumber(plan.segment.count, locale)} ${t.customers}; ${t.reachable}: ${reachable}`);
    if (plan.segment.assumptions.length) lines.push(`  ${t.assumptions}: ${plan.segment.assumptions.join('; ')}`);
  }
  if (plan.forecast) lines.push('', ...renderForecastLines(plan.forecast, locale));
  if (plan.forecastVersusActual) lines.push('', ...renderForecastVersusActualLines(plan.forecastVersusActual, plan.forecast?.currency ?? '', locale));
  if (plan.messages.length) {
    lines.push('', t.copy);
    for (const message of plan.messages) {
      lines.push(`  [${message.channel} ${message.variant}] ${message.title ? `${message.title} — ` : ''}${message.text.replace(/\n+/g, ' ⏎ ')}`);
    }
  }
  if (plan.schedule) lines.push('', `${t.schedule}: ${plan.schedule.summary}`);
  if (plan.guardrails.length) {
    lines.push('', t.guardrails);
    for (const verdict of plan.guardrails) lines.push(`  ${VERDICT_MARK[verdict.status]} ${verdict.rule}: ${verdict.detail}`);
  }
  if (plan.approval?.required && plan.status === 'needs_approval') lines.push('', `${t.approval}: ${plan.approval.reasons.join('; ')}`);
  if (plan.campaignId) lines.push('', `${t.campaign}: ${plan.campaignId}   ${t.thread}: ${plan.threadId}`);
  if (plan.status === 'needs_approval') lines.push(t.next(plan.threadId));
  return lines.join('\n');
}
