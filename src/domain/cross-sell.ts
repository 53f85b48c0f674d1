// Cross-sell from association rules mined from orders: the mining thresholds (configuration), one
// pairwise rule "customers whose basket holds A also take B", and the recommendation the support
// bot receives. A basket is a completed order together with the same customer's completed orders of
// the next `basketWindowDays` days, so accessories bought a few days after the phone count with it.
import { z } from 'zod';

export const CrossSellSettings = z.object({
  /** Least share of all baskets that must hold both products of a rule (0.002 = 0.2%). */
  minSupport: z.number().min(0).max(1).default(0.002),
  /**
   * Least number of baskets holding both: a floor on the evidence, so that in a small store a pair
   * seen in four baskets does not pass for a pattern because four baskets clear minSupport.
   */
  minPairCount: z.number().int().min(1).default(10),
  /** Least share of the baskets holding A that also hold B. */
  minConfidence: z.number().min(0).max(1).default(0.1),
  /** Least lift: confidence over B's share of all baskets; above 1 means A makes B likelier. */
  minLift: z.number().min(0).default(1.5),
  /** A basket is an order plus the customer's completed orders this many days after it; 0: the order alone. */
  basketWindowDays: z.number().int().min(0).max(365).default(14),
  /** Products recommended at most for one request. */
  maxRecommendations: z.number().int().min(1).max(50).default(3),
});
export type CrossSellSettings = z.infer<typeof CrossSellSettings>;

export const DEFAULT_CROSS_SELL_SETTINGS: CrossSellSettings = CrossSellSettings.parse({});

/** A -> B: of the baskets holding `antecedentId`, `confidence` also hold `consequentId`. */
export const AssociationRule = z.object({
  antecedentId: z.string().min(1),
  consequentId: z.string().min(1),
  /** Share of all baskets holding both. */
  support: z.number().min(0).max(1),
  /** support(A and B) / support(A). */
  confidence: z.number().min(0).max(1),
  /** confidence / support(B). */
  lift: z.number().min(0),
  /** Baskets holding both, and baskets holding the antecedent: the counts behind the shares. */
  pairCount: z.number().int().min(0),
  antecedentCount: z.number().int().min(0),
});
export type AssociationRule = z.infer<typeof AssociationRule>;

/** A product to suggest, with the strongest rule that leads to it from the customer's products. */
export const CrossSellRecommendation = z.object({
  productId: z.string().min(1),
  name: z.string(),
  confidence: z.number().min(0).max(1),
  lift: z.number().min(0),
  support: z.number().min(0).max(1),
});
export type CrossSellRecommendation = z.infer<typeof CrossSellRecommendation>;
