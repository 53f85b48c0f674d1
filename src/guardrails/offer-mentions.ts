// The offers a piece of copy advertises, in English and Chinese: discount figures (20% off, 8折,
// 满300减50, 立减50元), free shipping (包邮) and separate coupons ("an extra ¥20 coupon", 再送20元优惠券).
// Each mention gets a key; two mentions with the same key are the same offer written twice.
import type { Offer } from '../domain/brief.ts';
import { findDiscountFigures } from './discount-figures.ts';
import { formatAmount } from './plain-text.ts';
import { originalSpan, toMatchingText } from './matching-text.ts';

export interface OfferMention {
  /** `percent:20`, `threshold:300:50`, `amount:50`, `shipping`, `coupon:20`, `coupon`. */
  key: string;
  /** Original offsets. */
  start: number;
  end: number;
}

const DISCOUNT_BEFORE = /(?:立减|减|省|抵|优惠|\bsave|\btake|\bget)\s?$/u;
const DISCOUNT_AFTER = /^\s?(?:off\b|discount\b)/u;
const COUPON_AFTER = /^\s?的?(?:coupons?\b|vouchers?\b|优惠券|代金券|红包|券)/u;
const FREE_SHIPPING = /free (?:shipping|delivery)|包邮|免运费/gu;
const EXTRA_COUPON =
  /\b(?:extra|additional|bonus|another|plus an?|free)\s+(?:[\p{L}\d¥$€£]+\s+)?(?:coupons?|vouchers?)\b|(?:再送|另送|加送|额外|再领|叠加|赠送|赠)[^，。！？,.!?\n]{0,6}?(?:优惠券|代金券|红包|券)/gu;

/** What a figure found by findDiscountFigures advertises, or null when it is not an offer (a price, a gift value). */
function figureKey(folded: string, figure: ReturnType<typeof findDiscountFigures>[number], foldedStart: number, foldedEnd: number): string | null {
  switch (figure.kind) {
    case 'percent_off':
    case 'zhe':
    case 'half_price':
      return `percent:${formatAmount(figure.percentOff ?? 0)}`;
    case 'threshold':
      return `threshold:${formatAmount(figure.threshold ?? 0)}:${formatAmount(figure.amount ?? 0)}`;
    case 'amount': {
      const before = folded.slice(Math.max(0, foldedStart - 6), foldedStart);
      const after = folded.slice(foldedEnd, foldedEnd + 12);
      const written = folded.slice(foldedStart, foldedEnd);
      if (COUPON_AFTER.test(after)) return `coupon:${formatAmount(figure.amount ?? 0)}`;
      if (DISCOUNT_BEFORE.test(before) || DISCOUNT_AFTER.test(after) || /^(?:立减|减|省|抵|优惠)|off$/u.test(written)) {
        return `amount:${formatAmount(figure.amount ?? 0)}`;
      }
      return null;
    }
  }
}

/** Every offer `text` advertises, in reading order. */
export function findOfferMentions(text: string): OfferMention[] {
  const matching = toMatchingText(text);
  const { folded } = matching;
  const foldedOffset = (original: number) => {
    const index = matching.sourceStart.findIndex((start) => start >= original);
    return index === -1 ? folded.length : index;
  };
  const mentions: OfferMention[] = [];
  for (const figure of findDiscountFigures(text)) {
    const key = figureKey(folded, figure, foldedOffset(figure.start), foldedOffset(figure.end));
    if (key) mentions.push({ key, start: figure.start, end: figure.end });
  }
  const overlaps = (start: number, end: number) => mentions.some((mention) => start < mention.end && mention.start < end);
  for (const [pattern, key] of [
    [FREE_SHIPPING, 'shipping'],
    [EXTRA_COUPON, 'coupon'],
  ] as const) {
    for (const match of folded.matchAll(pattern)) {
      const span = originalSpan(matching, match.index, match.index + match[0].length);
      if (span && !overlaps(span.start, span.end)) mentions.push({ key, ...span });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The keys under which copy may advertise `offer` itself: 满300减50 may also say 立减50. */
export function keysOfOffer(offer: Offer | null): string[] {
  if (!offer) return [];
  switch (offer.type) {
    case 'percent_off':
      return [`percent:${formatAmount(offer.percent)}`];
    case 'amount_off':
      return [`amount:${formatAmount(offer.amount)}`];
    case 'threshold':
      return [`threshold:${formatAmount(offer.threshold)}:${formatAmount(offer.amount)}`, `amount:${formatAmount(offer.amount)}`];
    case 'free_shipping':
      return ['shipping'];
  }
}
