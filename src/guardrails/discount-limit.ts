// Holds a plan's offer, and the discount figures in its copy, to one limit on the effective
// discount: the overall ceiling, a category or segment ceiling, the margin floor or the budget.
// On `fix` the offer and the copy are lowered to the limit and the verdict says how; on `block`
// (or when the offer cannot be lowered) the plan is refused naming both numbers.
import { effectiveDiscountPercent } from '../domain/brief.ts';
import type { Offer } from '../domain/brief.ts';
import type { PlannedMessage } from '../domain/plan.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { reviewDiscountCopy } from './discount-copy.ts';
import type { CopyDiscountContext } from './discount-copy.ts';
import type { GuardrailInput, RuleOutcome } from './guardrail-input.ts';
import { describeOffer, lowerOfferToCeiling } from './offer-ceiling.ts';
import { formatAmount } from './plain-text.ts';
import { afterChinese, clauseSeparator, messageLabel, quote, say } from './verdict-text.ts';
import type { Bilingual } from './verdict-text.ts';

export interface DiscountLimit {
  /** Rule id the verdict cites. */
  rule: string;
  /** Deepest effective discount allowed, in percent. */
  percent: number;
  onExceed: 'fix' | 'block';
  /** The limit as the verdict names it: `the 30% ceiling` / `30% 的折扣上限`. */
  name: Bilingual;
}

interface CopyReview {
  messages: PlannedMessage[];
  changes: string[];
  refused: string[];
}

function reviewMessages(messages: readonly PlannedMessage[], context: CopyDiscountContext, locale: Locale): CopyReview {
  const review: CopyReview = { messages: [], changes: [], refused: [] };
  for (const message of messages) {
    const name = messageLabel(message, locale);
    const title = message.title === null ? null : reviewDiscountCopy(message.title, context);
    const text = reviewDiscountCopy(message.text, context);
    for (const { from, to } of [...(title?.changes ?? []), ...text.changes]) {
      review.changes.push(say(locale, `"${from}" -> "${to}" (${name})`, `${quote(from, locale)} -> ${quote(to, locale)}（${name}）`));
    }
    for (const figure of [...(title?.refused ?? []), ...text.refused]) {
      review.refused.push(say(locale, `"${figure}" (${name})`, `${quote(figure, locale)}（${name}）`));
    }
    review.messages.push({ ...message, title: title?.text ?? null, text: text.text });
  }
  return review;
}

/** How deep the offer is: `a 25% discount on the average order of CNY 200` / `按平均订单 CNY 200 计算相当于 25% 的折扣`. */
export function offerDepth(offer: Offer, percent: number, referenceOrderValue: number, locale: Locale): string {
  const amount = formatAmount(percent);
  if (offer.type !== 'amount_off') return say(locale, `a ${amount}% discount`, `相当于 ${amount}% 的折扣`);
  if (referenceOrderValue > 0) {
    const average = `${offer.currency} ${formatAmount(referenceOrderValue)}`;
    return say(locale, `a ${amount}% discount on the average order of ${average}`, `按平均订单 ${average} 计算相当于 ${amount}% 的折扣`);
  }
  return say(
    locale,
    `a ${amount}% discount (the segment has no average order value to measure it against)`,
    `相当于 ${amount}% 的折扣（该人群没有可供衡量的平均订单金额）`,
  );
}

/** `the offer 20% off is a 20% discount` / `优惠“减20%”相当于 20% 的折扣`. */
export function offerStatement(offer: Offer, referenceOrderValue: number, locale: Locale): string {
  const percent = effectiveDiscountPercent(offer, referenceOrderValue);
  const depth = offerDepth(offer, percent, referenceOrderValue, locale);
  return say(locale, `the offer ${describeOffer(offer)} is ${depth}`, `优惠${quote(describeOffer(offer, 'zh'), 'zh')}${depth}`);
}

function outcome(
  input: GuardrailInput,
  rule: string,
  status: 'pass' | 'fixed' | 'blocked',
  detail: string,
  revised?: CopyReview & { offer: Offer | null },
): RuleOutcome {
  const { draft } = input;
  return {
    verdict: { rule, status, detail },
    draft: revised ? { ...draft, brief: { ...draft.brief, offer: revised.offer }, messages: revised.messages } : draft,
    exclusions: [],
  };
}

export function enforceDiscountLimit(input: GuardrailInput, limit: DiscountLimit): RuleOutcome {
  const { draft, referenceOrderValue } = input;
  const locale = draft.brief.locale;
  const { rule, percent: limitPercent, onExceed } = limit;
  const name = limit.name[locale];
  const zhName = afterChinese(limit.name.zh);
  const offer = draft.brief.offer;
  const percent = effectiveDiscountPercent(offer, referenceOrderValue);
  const offerAbove = offer !== null && percent > limitPercent + 1e-9;
  const offerSays = offer ? offerStatement(offer, referenceOrderValue, locale) : '';

  const revisedOffer = offer && offerAbove && onExceed === 'fix' ? lowerOfferToCeiling(offer, limitPercent, referenceOrderValue) : offer;
  const copy = reviewMessages(draft.messages, { ceilingPercent: limitPercent, onExceed, previousOffer: offer, revisedOffer }, locale);
  const listed = copy.refused.join(say(locale, ', ', '、'));
  const copyRefused = copy.refused.length ? say(locale, `the copy advertises ${listed}, deeper than ${name}`, `文案宣传的${listed}超过${zhName}`) : '';

  if (offerAbove && (onExceed === 'block' || revisedOffer === null)) {
    const cannot = onExceed === 'fix' ? say(locale, ', and cannot be lowered to it', '，且无法降到该上限') : '';
    const above = say(locale, `${offerSays}, above ${name}${cannot}`, `${offerSays}，超过${zhName}${cannot}`);
    return outcome(input, rule, 'blocked', [above, copyRefused].filter(Boolean).join(clauseSeparator(locale)));
  }
  if (copyRefused) return outcome(input, rule, 'blocked', copyRefused);

  const fixes: string[] = [];
  if (offer && revisedOffer && offerAbove) {
    const depth = offer.type === 'percent_off' ? '' : offerDepth(offer, percent, referenceOrderValue, locale);
    fixes.push(
      say(
        locale,
        `lowered the offer from ${describeOffer(offer)}${depth ? ` (${depth})` : ''} to ${describeOffer(revisedOffer)}, ${name}`,
        `已将优惠从${quote(describeOffer(offer, 'zh'), 'zh')}${depth ? `（${depth}）` : ''}降为${quote(describeOffer(revisedOffer, 'zh'), 'zh')}，即${zhName}`,
      ),
    );
  }
  if (copy.changes.length) {
    fixes.push(say(locale, `changed the copy: ${copy.changes.join(', ')}`, `已修改文案：${copy.changes.join('、')}`));
  }
  if (fixes.length) return outcome(input, rule, 'fixed', fixes.join(clauseSeparator(locale)), { ...copy, offer: revisedOffer });

  if (!offer) return outcome(input, rule, 'pass', say(locale, `no discount offered; ${name} applies`, `未提供折扣；适用${zhName}`));
  if (offer.type === 'free_shipping') {
    return outcome(input, rule, 'pass', say(locale, `free shipping is not a price discount; ${name} applies`, `包邮不属于价格折扣；适用${zhName}`));
  }
  return outcome(input, rule, 'pass', say(locale, `${offerSays}, within ${name}`, `${offerSays}，未超过${zhName}`));
}
