// Rule `discount.ceiling`: no offer deeper than the policy's ceiling, and no copy advertising one.
// The offer is measured at its threshold (满300减50) or against the segment's average order value
// (an amount off). On `fix` the offer and the figures in the copy are lowered to the ceiling; on
// `block` the plan is refused naming both numbers.
import { effectiveDiscountPercent } from '../../domain/brief.ts';
import type { Offer } from '../../domain/brief.ts';
import type { PlannedMessage } from '../../domain/plan.ts';
import { reviewDiscountCopy } from '../discount-copy.ts';
import type { CopyDiscountContext } from '../discount-copy.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { describeOffer, lowerOfferToCeiling } from '../offer-ceiling.ts';
import { formatAmount } from '../plain-text.ts';

export const DISCOUNT_CEILING = 'discount.ceiling';

interface CopyReview {
  messages: PlannedMessage[];
  changes: string[];
  refused: string[];
}

function reviewMessages(messages: readonly PlannedMessage[], context: CopyDiscountContext): CopyReview {
  const review: CopyReview = { messages: [], changes: [], refused: [] };
  for (const message of messages) {
    const name = `${message.channel} ${message.variant}`;
    const title = message.title === null ? null : reviewDiscountCopy(message.title, context);
    const text = reviewDiscountCopy(message.text, context);
    for (const { from, to } of [...(title?.changes ?? []), ...text.changes]) review.changes.push(`"${from}" -> "${to}" (${name})`);
    for (const figure of [...(title?.refused ?? []), ...text.refused]) review.refused.push(`"${figure}" (${name})`);
    review.messages.push({ ...message, title: title?.text ?? null, text: text.text });
  }
  return review;
}

function offerDepth(offer: Offer, percent: number, referenceOrderValue: number): string {
  const depth = `a ${formatAmount(percent)}% discount`;
  if (offer.type !== 'amount_off') return depth;
  return referenceOrderValue > 0
    ? `${depth} on the average order of ${offer.currency} ${formatAmount(referenceOrderValue)}`
    : `${depth} (the segment has no average order value to measure it against)`;
}

function outcome(input: GuardrailInput, status: 'pass' | 'fixed' | 'blocked', detail: string, revised?: CopyReview & { offer: Offer | null }): RuleOutcome {
  const { draft } = input;
  return {
    verdict: { rule: DISCOUNT_CEILING, status, detail },
    draft: revised ? { ...draft, brief: { ...draft.brief, offer: revised.offer }, messages: revised.messages } : draft,
    exclusions: [],
  };
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy, referenceOrderValue } = input;
  const { ceilingPercent, onExceed } = policy.discount;
  const ceiling = `the ${formatAmount(ceilingPercent)}% ceiling`;
  const offer = draft.brief.offer;
  const percent = effectiveDiscountPercent(offer, referenceOrderValue);
  const offerAbove = offer !== null && percent > ceilingPercent + 1e-9;
  const offerSays = offer ? `the offer ${describeOffer(offer)} is ${offerDepth(offer, percent, referenceOrderValue)}` : '';

  const revisedOffer = offer && offerAbove && onExceed === 'fix' ? lowerOfferToCeiling(offer, ceilingPercent, referenceOrderValue) : offer;
  const copy = reviewMessages(draft.messages, { ceilingPercent, onExceed, previousOffer: offer, revisedOffer });
  const copyRefused = copy.refused.length ? `the copy advertises ${copy.refused.join(', ')}, deeper than ${ceiling}` : '';

  if (offerAbove && (onExceed === 'block' || revisedOffer === null)) {
    const cannot = onExceed === 'fix' ? ', and cannot be lowered to it' : '';
    return outcome(input, 'blocked', [`${offerSays}, above ${ceiling}${cannot}`, copyRefused].filter(Boolean).join('; '));
  }
  if (copyRefused) return outcome(input, 'blocked', copyRefused);

  const fixes: string[] = [];
  if (offer && revisedOffer && offerAbove) {
    const depth = offer.type === 'percent_off' ? '' : ` (${offerDepth(offer, percent, referenceOrderValue)})`;
    fixes.push(`lowered the offer from ${describeOffer(offer)}${depth} to ${describeOffer(revisedOffer)}, ${ceiling}`);
  }
  if (copy.changes.length) fixes.push(`changed the copy: ${copy.changes.join(', ')}`);
  if (fixes.length) return outcome(input, 'fixed', fixes.join('; '), { ...copy, offer: revisedOffer });

  if (!offer) return outcome(input, 'pass', `no discount offered; ${ceiling} applies`);
  if (offer.type === 'free_shipping') return outcome(input, 'pass', `free shipping is not a price discount; ${ceiling} applies`);
  return outcome(input, 'pass', `${offerSays}, within ${ceiling}`);
}

export const discountCeiling: GuardrailRule = { id: DISCOUNT_CEILING, check };
