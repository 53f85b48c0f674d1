// The words the Slack app uses, in English and Chinese, and the progress label of each planner step.
import type { PlanStatus } from '../../domain/plan.ts';

export type SlackLocale = 'en' | 'zh';

interface SlackWords {
  status: Record<PlanStatus, string>;
  segment: string;
  size: string;
  reachable: string;
  forecast: string;
  conversions: string;
  revenue: string;
  cost: string;
  schedule: string;
  copy: string;
  approve: string;
  reject: string;
  approvedBy: string;
  rejectedBy: string;
  working: string;
  emptyMessage: string;
  failed: string;
  steps: Record<string, string>;
}

const EN: SlackWords = {
  status: {
    needs_approval: 'Plan waiting for approval',
    scheduled: 'Campaign scheduled',
    blocked: 'Plan blocked by guardrails',
    needs_clarification: 'A question before planning',
    rejected: 'Plan rejected',
  },
  segment: 'Audience',
  size: 'Size',
  reachable: 'Reachable',
  forecast: 'Forecast',
  conversions: 'Conversions',
  revenue: 'Revenue',
  cost: 'Cost',
  schedule: 'Schedule',
  copy: 'Copy',
  approve: 'Approve',
  reject: 'Reject',
  approvedBy: 'Approved by',
  rejectedBy: 'Rejected by',
  working: 'Working on it…',
  emptyMessage: 'Tell me a campaign goal, e.g. "Win back customers who have not bought in 90 days, 10% off by SMS".',
  failed: 'Sorry, this failed:',
  steps: {
    beginRequest: 'Reading your message',
    callModel: 'Thinking about the plan',
    runTools: 'Querying the audience, forecast, copy and schedule',
    checkGuardrails: 'Checking the guardrails',
    decideApproval: 'Deciding whether approval is needed',
    awaitApproval: 'Waiting for approval',
    scheduleCampaign: 'Scheduling the sends',
    rememberCampaign: 'Remembering the campaign',
    answerWithoutPlan: 'Writing the answer',
  },
};

const ZH: SlackWords = {
  status: {
    needs_approval: '方案等待审批',
    scheduled: '活动已排期',
    blocked: '方案被合规规则拦截',
    needs_clarification: '规划前需要确认',
    rejected: '方案已驳回',
  },
  segment: '人群',
  size: '人数',
  reachable: '可触达',
  forecast: '预测',
  conversions: '转化',
  revenue: '收入',
  cost: '成本',
  schedule: '排期',
  copy: '文案',
  approve: '批准',
  reject: '驳回',
  approvedBy: '批准人',
  rejectedBy: '驳回人',
  working: '正在处理…',
  emptyMessage: '请告诉我活动目标，例如「召回90天未购买的用户，短信，9折」。',
  failed: '抱歉，处理失败：',
  steps: {
    beginRequest: '正在理解你的消息',
    callModel: '正在思考方案',
    runTools: '正在查询人群、预测、文案和排期',
    checkGuardrails: '正在检查合规规则',
    decideApproval: '正在判断是否需要审批',
    awaitApproval: '等待审批',
    scheduleCampaign: '正在排期发送',
    rememberCampaign: '正在记录活动',
    answerWithoutPlan: '正在撰写回答',
  },
};

export function slackText(locale: SlackLocale): SlackWords {
  return locale === 'zh' ? ZH : EN;
}

/** The language a marketer wrote in (Chinese as soon as the text has Han characters). */
export function localeOfText(text: string): SlackLocale {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

export function stepLabel(node: string, locale: SlackLocale): string {
  return slackText(locale).steps[node] ?? node;
}
