// Compensation for a complaint, through the same limits as campaign offers: the campaign policy's
// discount ceiling and its category ceilings (for the categories in the order), the support
// policy's own cap per order and its per-customer limit over a window. The coupon is an amount off
// measured against the order it compensates; it is lowered with the guardrails' own helpers.
import { effectiveDiscountPercent, type Offer } from '../../../domain/brief.ts';
import type { Policy } from '../../../domain/policy.ts';
import type { SentimentBand, SupportPolicy } from '../../../domain/support-policy.ts';
import type { CustomerOrder } from '../../../data/support-records.ts';
import { lowerOfferToCeiling, moneyWithin } from '../../../guardrails/offer-ceiling.ts';

export interface CompensationOffer {
  orderId: string;
  amount: number;
  currency: string;
  /** The amount as a percentage of the order. */
  percent: number;
}

export type CompensationDecision =
  | { kind: 'offer'; offer: CompensationOffer; limitPercent: number }
  | { kind: 'none'; reason: 'band_not_compensated' | 'limit_reached' | 'ceiling_zero' | 'order_not_eligible'; limitPercent: number };

/** Deepest compensation allowed on this order, in percent: the lowest of every applicable ceiling. */
export function compensationLimitPercent(order: CustomerOrder, policy: Policy, supportPolicy: SupportPolicy): number {
  const categoryCeilings = order.lines
    .map((line) => policy.discount.categoryCeilings[line.category])
    .filter((ceiling): ceiling is number => ceiling !== undefined);
  return Math.min(policy.discount.ceilingPercent, supportPolicy.compensation.maxPercentOfOrder, ...categoryCeilings);
}

export interface CompensationInput {
  order: CustomerOrder;
  band: SentimentBand;
  /** Compensation this customer already received within the policy window. */
  alreadyGiven: number;
  policy: Policy;
  supportPolicy: SupportPolicy;
}

export function decideCompensation({ order, band, alreadyGiven, policy, supportPolicy }: CompensationInput): CompensationDecision {
  const limitPercent = compensationLimitPercent(order, policy, supportPolicy);
  if (order.status === 'cancelled' || order.total <= 0) return { kind: 'none', reason: 'order_not_eligible', limitPercent };
  const wanted = supportPolicy.compensation.percentByBand[band] ?? 0;
  if (wanted <= 0) return { kind: 'none', reason: 'band_not_compensated', limitPercent };
  if (limitPercent <= 0) return { kind: 'none', reason: 'ceiling_zero', limitPercent };
  const proposed: Offer = { type: 'amount_off', amount: Math.max(0.01, (order.total * wanted) / 100), currency: order.currency };
  const withinCeiling = effectiveDiscountPercent(proposed, order.total) > limitPercent + 1e-9 ? lowerOfferToCeiling(proposed, limitPercent, order.total) : proposed;
  if (!withinCeiling || withinCeiling.type !== 'amount_off') return { kind: 'none', reason: 'ceiling_zero', limitPercent };
  const remaining = supportPolicy.compensation.perCustomerLimit - alreadyGiven;
  const amount = moneyWithin(Math.min(withinCeiling.amount, remaining));
  if (!(amount > 0)) return { kind: 'none', reason: 'limit_reached', limitPercent };
  const percent = Math.round(effectiveDiscountPercent({ ...withinCeiling, amount }, order.total) * 100) / 100;
  return { kind: 'offer', offer: { orderId: order.id, amount, currency: order.currency, percent }, limitPercent };
}
