// The last check before a reply is sent, whoever wrote it: it must not promise a discount,
// coupon or refund the answer plan does not hold (discount figures found with the guardrails'
// own extractor, measured against the plan's offer), must not show an e-mail address, phone
// number or order number that is not the verified customer's, and must not quote the prompt.
import { findDiscountFigures } from '../../../guardrails/discount-figures.ts';
import { reviewDiscountCopy } from '../../../guardrails/discount-copy.ts';
import type { Offer } from '../../../domain/brief.ts';
import type { AnswerPlan } from '../answer-plan.ts';

export interface ReplyFacts {
  plan: AnswerPlan;
  /** Order numbers the reply may name: the verified customer's own. */
  allowedOrderIds: readonly string[];
  /** Prompt text the reply must never quote (the model path's system prompt). */
  promptText?: string;
  /** Longest acceptable reply, in characters. */
  maxLength?: number;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const PHONE = /\+?\d[\d\s-]{6,}\d/g;
const ORDER_NUMBER = /(?<![\w@.+-])[A-Za-z]{1,4}\d{3,}(?:-\d{1,6})?(?![\w@])/g;
const FREE_PROMISE = /\b(?:free (?:shipping|delivery|gift|item|product|of charge|replacement)|full refund|money back|on the house|no charge)\b|免费|包邮|免单|全额退款|赠品|白送/gi;

function planOffer(plan: AnswerPlan): { offer: Offer | null; percent: number; amounts: number[] } {
  const amounts: number[] = [];
  let offer: Offer | null = null;
  let percent = 0;
  for (const point of plan.points) {
    if (point.kind === 'compensation') {
      offer = { type: 'amount_off', amount: point.offer.amount, currency: point.offer.currency };
      percent = point.offer.percent;
      amounts.push(point.offer.amount);
    }
    if (point.kind === 'order_status') amounts.push(point.order.total);
  }
  return { offer, percent, amounts };
}

/** Text the plan itself carries (policy wording), which the reply may repeat. */
function planWording(plan: AnswerPlan): string {
  return plan.points.map((point) => (point.kind === 'returns' || point.kind === 'shipping' ? point.text : '')).join('\n');
}

function quotesPrompt(reply: string, promptText: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const flat = squash(reply);
  return promptText
    .split(/\n|(?<=[.!?。！？])\s/)
    .map(squash)
    .filter((line) => line.length >= 24)
    .some((line) => flat.includes(line));
}

/** Every reason the reply may not be sent; empty when it may. */
export function checkReply(reply: string, { plan, allowedOrderIds, promptText, maxLength = 1500 }: ReplyFacts): string[] {
  const problems: string[] = [];
  const { offer, percent, amounts } = planOffer(plan);
  if (reply.trim() === '') problems.push('the reply is empty');
  if (reply.length > maxLength) problems.push(`the reply is longer than ${maxLength} characters`);

  const review = reviewDiscountCopy(reply, { ceilingPercent: percent, onExceed: 'block', previousOffer: offer, revisedOffer: offer });
  for (const figure of review.refused) problems.push(`promises "${figure}", deeper than the ${percent}% the plan allows`);
  for (const figure of findDiscountFigures(reply)) {
    if (figure.kind !== 'amount' && figure.kind !== 'threshold') continue;
    const amount = figure.amount ?? 0;
    if (!amounts.some((allowed) => Math.abs(allowed - amount) < 0.005)) problems.push(`names the amount "${reply.slice(figure.start, figure.end)}", which the plan does not hold`);
  }
  const wording = planWording(plan);
  for (const match of reply.matchAll(FREE_PROMISE)) {
    if (!wording.toLowerCase().includes(match[0].toLowerCase())) problems.push(`promises "${match[0]}", which the plan does not hold`);
  }

  if (EMAIL.test(reply)) problems.push('shows an e-mail address');
  // Dates and the customer's own order numbers (O0000002-1) are digits on purpose, not phone numbers.
  const withoutDates = allowedOrderIds.reduce((text, id) => text.replaceAll(id, ' '), reply.replace(ISO_DATE, ' '));
  if ([...withoutDates.matchAll(PHONE)].some((match) => match[0].replace(/\D/g, '').length >= 8)) problems.push('shows a phone number');
  const allowed = new Set(allowedOrderIds.map((id) => id.toLowerCase()));
  // Product names in the plan ("RTX4090 card") are the customer's own order lines, not order numbers.
  const planText = JSON.stringify(plan).toLowerCase();
  for (const match of reply.normalize('NFKC').matchAll(ORDER_NUMBER)) {
    const token = match[0].toLowerCase();
    if (!allowed.has(token) && !planText.includes(token)) problems.push(`names order "${match[0]}", which is not the verified customer's`);
  }
  if (promptText && quotesPrompt(reply, promptText)) problems.push('quotes the system prompt');
  return problems;
}
