// Recognises a plain "approve" or "reject" reply (English or Chinese) to a plan waiting for
// approval, so chat surfaces can turn it into a decision. Anything else is a change request.

const APPROVE = [
  /^(yes[,.!]?\s*)?(i\s+)?approve(d)?\b/i,
  /^(looks good|lgtm|ship it|go ahead|send it|go for it)\b/i,
  /^(ok|okay|yes)[,.!]?\s*(approve|go|send)/i,
  /^(批准|同意|通过|确认|审批通过|可以[，,]?\s*发|没问题[，,]?\s*发|发吧|就这样)/,
];
const REJECT = [/^(i\s+)?reject(ed)?\b/i, /^(cancel|scrap|drop)\s+(it|this|the plan)\b/i, /^no[,.!]?\s*(don't|do not)\s+send/i, /^(驳回|拒绝|取消|不要了|不发了|算了)/];

export type ApprovalIntent = 'approve' | 'reject' | 'change';

export function detectApprovalIntent(text: string): ApprovalIntent {
  const reply = text.normalize('NFKC').trim();
  if (APPROVE.some((pattern) => pattern.test(reply))) return 'approve';
  if (REJECT.some((pattern) => pattern.test(reply))) return 'reject';
  return 'change';
}
