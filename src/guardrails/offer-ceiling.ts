// Offers measured against the discount ceiling: how to say an offer in plain English or Chinese
// and how to lower one to the ceiling without going above it.
import type { Offer } from '../domain/brief.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { floorToCents, formatAmount } from './plain-text.ts';

function describeOfferInChinese(offer: Offer): string {
  switch (offer.type) {
    case 'percent_off':
      return `减${formatAmount(offer.percent)}%`;
    case 'amount_off':
      return `立减 ${offer.currency} ${formatAmount(offer.amount)}`;
    case 'threshold':
      return `满 ${offer.currency} ${formatAmount(offer.threshold)} 减 ${offer.currency} ${formatAmount(offer.amount)}`;
    case 'free_shipping':
      return '包邮';
  }
}

/**
 * `30% off`, `CNY 50 off`, `CNY 50 off orders of CNY 300 or more`, `free shipping`; in Chinese
 * `减30%`, `立减 CNY 50`, `满 CNY 300 减 CNY 50`, `包邮`.
 */
export function describeOffer(offer: Offer, locale: Locale = 'en'): string {
  if (locale === 'zh') return describeOfferInChinese(offer);
  switch (offer.type) {
    case 'percent_off':
      return `${formatAmount(offer.percent)}% off`;
    case 'amount_off':
      return `${offer.currency} ${formatAmount(offer.amount)} off`;
    case 'threshold':
      return `${offer.currency} ${formatAmount(offer.amount)} off orders of ${offer.currency} ${formatAmount(offer.threshold)} or more`;
    case 'free_shipping':
      return 'free shipping';
  }
}

/** A money amount no larger than `bound`: whole units when there is at least one, else cents. */
export function moneyWithin(bound: number): number {
  return bound >= 1 ? Math.floor(bound + 1e-9) : floorToCents(bound);
}

/**
 * The offer lowered so its effective discount is at most `ceilingPercent`, or null when it cannot be
 * (a ceiling of 0, or an amount off with no average order value to measure it against).
 */
export function lowerOfferToCeiling(offer: Offer, ceilingPercent: number, referenceOrderValue: number): Offer | null {
  switch (offer.type) {
    case 'percent_off':
      return ceilingPercent > 0 ? { ...offer, percent: ceilingPercent } : null;
    case 'amount_off': {
      const amount = referenceOrderValue > 0 ? moneyWithin((referenceOrderValue * ceilingPercent) / 100) : 0;
      return amount > 0 ? { ...offer, amount } : null;
    }
    case 'threshold': {
      const amount = moneyWithin((offer.threshold * ceilingPercent) / 100);
      return amount > 0 ? { ...offer, amount } : null;
    }
    case 'free_shipping':
      return offer;
  }
}
