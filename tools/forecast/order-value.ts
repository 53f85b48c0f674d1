// What one converted order is worth and how sure we are of it: the segment's own average order
// value when known, otherwise a stated fallback with a wide spread.
import type { SegmentBehaviour } from './forecast-input.ts';

/** Average order value assumed when the segment has no order history. */
export const FALLBACK_ORDER_VALUE = 200;
/** Relative uncertainty of the average order value when it had to be assumed. */
export const ASSUMED_ORDER_VALUE_CV = 0.3;
/** Campaign orders differ from the segment's usual basket (a discount changes what people buy). */
export const CAMPAIGN_BASKET_SHIFT = 0.1;
/** Spread of single order values (standard deviation ÷ mean) when the segment gives none. */
export const DEFAULT_ORDER_SPREAD = 1;

export interface OrderValueBelief {
  /** Expected value of one campaign order. */
  mean: number;
  /** Log-scale standard deviation of that expectation. */
  meanSpread: number;
  /** Standard deviation of a single order's value around the expectation. */
  orderStdDev: number;
  /** True when `mean` is the fallback rather than the segment's own figure. */
  assumed: boolean;
}

export function orderValueBelief(segment: SegmentBehaviour): OrderValueBelief {
  const known = segment.averageOrderValue;
  if (known === null) {
    return {
      mean: FALLBACK_ORDER_VALUE,
      meanSpread: ASSUMED_ORDER_VALUE_CV,
      orderStdDev: FALLBACK_ORDER_VALUE * DEFAULT_ORDER_SPREAD,
      assumed: true,
    };
  }
  const orderStdDev = segment.orderValueStdDev ?? known * DEFAULT_ORDER_SPREAD;
  const ordersBehindMean = Math.max(1, segment.purchasedLast30Days);
  const standardError = orderStdDev / known / Math.sqrt(ordersBehindMean);
  return {
    mean: known,
    meanSpread: Math.sqrt(CAMPAIGN_BASKET_SHIFT * CAMPAIGN_BASKET_SHIFT + standardError * standardError),
    orderStdDev,
    assumed: false,
  };
}
