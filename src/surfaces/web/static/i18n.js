// The page's words in English and Chinese. The language follows the browser until the user picks
// one (kept in localStorage); plan content stays in the language the goal was written in.
const WORDS = {
  en: {
    title: 'Campaign agent',
    tagline: 'Describe a campaign goal; get a guarded, forecast plan from your data.',
    switchLanguage: '中文',
    switchLanguageLabel: 'Switch to Chinese',
    tokenLabel: 'API token',
    tokenHelp: 'Paste the token printed when the server first started, or one from API_TOKENS. It is kept in this browser.',
    tokenSave: 'Save token',
    tokenInvalid: 'This token was not accepted. Check it and try again.',
    changeToken: 'Change token',
    signedInAs: 'Signed in as',
    role: { marketer: 'marketer', approver: 'approver', admin: 'admin' },
    chat: 'Chat',
    messageLabel: 'Your goal or change',
    messagePlaceholder: 'e.g. Win back high-value customers who haven’t bought in 90 days, 10% off by SMS next Tuesday 10am',
    send: 'Send',
    newThread: 'New conversation',
    you: 'You',
    agent: 'Agent',
    working: 'Working…',
    stepsDone: (count) => `${count} steps done`,
    status: {
      needs_approval: 'Waiting for approval',
      scheduled: 'Scheduled',
      blocked: 'Blocked by guardrails',
      needs_clarification: 'Question',
      rejected: 'Rejected',
    },
    segment: 'Audience',
    size: 'Size',
    reachable: 'Reachable by channel',
    assumptions: 'Assumptions',
    sample: 'Sample',
    forecast: 'Forecast',
    forecastRange: 'Bars show p10 to p90; the mark is p50.',
    conversions: 'Conversions',
    revenue: 'Revenue',
    cost: 'Cost',
    roi: 'ROI',
    reach: 'Messages sent',
    schedule: 'Schedule',
    copy: 'Copy',
    guardrails: 'Guardrails',
    verdict: { pass: 'pass', fixed: 'fixed', blocked: 'blocked' },
    approve: 'Approve',
    reject: 'Reject',
    edit: 'Edit',
    editLabel: 'What should change?',
    sendChange: 'Send change',
    cancel: 'Cancel',
    approvedBy: 'Approved by',
    rejectedBy: 'Rejected by',
    campaign: 'Campaign',
    campaigns: 'Campaigns',
    refresh: 'Refresh',
    noCampaigns: 'No campaigns yet.',
    sends: 'sends',
    queued: 'queued',
    sent: 'sent',
    failed: 'failed',
    approvalNote: 'Only approvers can approve this plan.',
    error: 'Error',
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
  },
  zh: {
    title: '营销活动助手',
    tagline: '描述活动目标，基于你的数据得到经过合规检查和预测的方案。',
    switchLanguage: 'English',
    switchLanguageLabel: '切换到英文',
    tokenLabel: 'API 令牌',
    tokenHelp: '粘贴服务器首次启动时打印的令牌，或 API_TOKENS 中的令牌。令牌保存在此浏览器中。',
    tokenSave: '保存令牌',
    tokenInvalid: '令牌无效，请检查后重试。',
    changeToken: '更换令牌',
    signedInAs: '当前用户',
    role: { marketer: '营销人员', approver: '审批人', admin: '管理员' },
    chat: '对话',
    messageLabel: '你的目标或修改',
    messagePlaceholder: '例如：召回90天未购买的高价值用户，短信，9折，下周二上午10点',
    send: '发送',
    newThread: '新对话',
    you: '你',
    agent: '助手',
    working: '处理中…',
    stepsDone: (count) => `已完成 ${count} 个步骤`,
    status: {
      needs_approval: '等待审批',
      scheduled: '已排期',
      blocked: '被合规规则拦截',
      needs_clarification: '需要确认',
      rejected: '已驳回',
    },
    segment: '人群',
    size: '人数',
    reachable: '各渠道可触达',
    assumptions: '假设',
    sample: '样例',
    forecast: '预测',
    forecastRange: '条形为 p10 至 p90，标记为 p50。',
    conversions: '转化',
    revenue: '收入',
    cost: '成本',
    roi: 'ROI',
    reach: '发送条数',
    schedule: '排期',
    copy: '文案',
    guardrails: '合规检查',
    verdict: { pass: '通过', fixed: '已修正', blocked: '已拦截' },
    approve: '批准',
    reject: '驳回',
    edit: '修改',
    editLabel: '需要修改什么？',
    sendChange: '提交修改',
    cancel: '取消',
    approvedBy: '批准人',
    rejectedBy: '驳回人',
    campaign: '活动',
    campaigns: '活动列表',
    refresh: '刷新',
    noCampaigns: '还没有活动。',
    sends: '条发送',
    queued: '排队中',
    sent: '已发送',
    failed: '失败',
    approvalNote: '只有审批人可以批准此方案。',
    error: '错误',
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
  },
};

const STORAGE_KEY = 'campaign-agent.lang';
let current = localStorage.getItem(STORAGE_KEY) || ((navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en');

export function language() {
  return current;
}

export function setLanguage(lang, { remember = true } = {}) {
  current = lang === 'zh' ? 'zh' : 'en';
  if (remember) localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** The words of the current language. */
export function t() {
  return WORDS[current];
}

/** Fills every element with data-i18n="key" (and data-i18n-placeholder / data-i18n-label). */
export function applyWords(root = document) {
  const words = t();
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = words[element.dataset.i18n];
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = words[element.dataset.i18nPlaceholder];
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', words[element.dataset.i18nLabel]);
  document.title = words.title;
}

export function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(value);
}
