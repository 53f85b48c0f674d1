// Mines pairwise association rules A -> B from completed orders, with support, confidence and lift
// (Agrawal, Imielinski & Swami 1993; lift after Brin et al. 1997), keeping the rules that clear the
// configured thresholds (relative support, pair count, confidence, lift). A basket is a completed order plus the same customer's completed orders of
// the following `basketWindowDays` days (0: the order alone), so "phone case, then a screen
// protector a week later" counts as bought together. Counting runs in SQL; the shares and the
// thresholds are computed here, so they are exactly the ratios a person would work out by hand.
import type { Queryable } from '../../src/data/database.ts';
import type { AssociationRule, CrossSellSettings } from '../../src/domain/cross-sell.ts';

export type MiningThresholds = Pick<CrossSellSettings, 'minSupport' | 'minPairCount' | 'minConfidence' | 'minLift' | 'basketWindowDays'>;

export interface MiningResult {
  /** Baskets counted: completed orders with at least one line. */
  baskets: number;
  /** Rules clearing every threshold, strongest first (confidence, then lift, then support). */
  rules: AssociationRule[];
}

type PairCountRow = {
  antecedent_id: string;
  consequent_id: string;
  pair_count: number;
  antecedent_count: number;
  consequent_count: number;
  baskets: number;
};

/**
 * Pair counts over the baskets. Products whose own support is below the minimum cannot be part of a
 * rule that reaches it, so they are left out before pairing (the Apriori property); the bound is
 * loosened by a hair so rounding never drops a product that sits exactly on it.
 */
const PAIR_COUNTS_SQL = `
WITH completed AS (
  SELECT id, customer_id, ordered_at FROM orders WHERE status = 'completed'
),
basket_items AS (
  SELECT DISTINCT anchor.id AS basket_id, item.product_id
    FROM completed anchor
    JOIN completed later
      ON later.customer_id = anchor.customer_id
     AND (later.id = anchor.id
          OR ($1::int > 0 AND later.ordered_at >= anchor.ordered_at
              AND later.ordered_at <= anchor.ordered_at + make_interval(days => $1::int)))
    JOIN order_items item ON item.order_id = later.id
),
basket_count AS (
  SELECT count(DISTINCT basket_id)::int AS baskets FROM basket_items
),
item_counts AS (
  SELECT product_id, count(*)::int AS baskets FROM basket_items GROUP BY product_id
),
frequent_items AS (
  SELECT basket_items.basket_id, basket_items.product_id
    FROM basket_items
    JOIN item_counts USING (product_id)
    CROSS JOIN basket_count
   WHERE item_counts.baskets >= $2::float8 * basket_count.baskets * (1 - 1e-9) AND item_counts.baskets >= $3::int
),
pair_counts AS (
  SELECT a.product_id AS antecedent_id, b.product_id AS consequent_id, count(*)::int AS pair_count
    FROM frequent_items a
    JOIN frequent_items b ON b.basket_id = a.basket_id AND b.product_id <> a.product_id
   GROUP BY a.product_id, b.product_id
)
SELECT pair_counts.antecedent_id, pair_counts.consequent_id, pair_counts.pair_count,
       antecedent.baskets AS antecedent_count, consequent.baskets AS consequent_count, basket_count.baskets
  FROM pair_counts
  JOIN item_counts antecedent ON antecedent.product_id = pair_counts.antecedent_id
  JOIN item_counts consequent ON consequent.product_id = pair_counts.consequent_id
  CROSS JOIN basket_count`;

/** Support, confidence and lift of A -> B from basket counts. */
export function ruleMeasures(counts: { pairCount: number; antecedentCount: number; consequentCount: number; baskets: number }): {
  support: number;
  confidence: number;
  lift: number;
} {
  const { pairCount, antecedentCount, consequentCount, baskets } = counts;
  const support = pairCount / baskets;
  const confidence = pairCount / antecedentCount;
  const lift = confidence / (consequentCount / baskets);
  return { support, confidence, lift };
}

function strongestFirst(a: AssociationRule, b: AssociationRule): number {
  return (
    b.confidence - a.confidence ||
    b.lift - a.lift ||
    b.support - a.support ||
    a.antecedentId.localeCompare(b.antecedentId) ||
    a.consequentId.localeCompare(b.consequentId)
  );
}

/** Every rule A -> B among completed orders that clears minSupport, minPairCount, minConfidence and minLift. */
export async function mineAssociationRules(db: Queryable, thresholds: MiningThresholds): Promise<MiningResult> {
  const { minSupport, minPairCount, minConfidence, minLift, basketWindowDays } = thresholds;
  const [{ rows: pairRows }, { rows: basketRows }] = [
    await db.query<PairCountRow>(PAIR_COUNTS_SQL, [basketWindowDays, minSupport, minPairCount]),
    await db.query<{ baskets: number }>(
      `SELECT count(DISTINCT o.id)::int AS baskets FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.status = 'completed'`,
    ),
  ];
  const baskets = basketRows[0]?.baskets ?? 0;
  const rules: AssociationRule[] = [];
  for (const row of pairRows) {
    const counts = { pairCount: row.pair_count, antecedentCount: row.antecedent_count, consequentCount: row.consequent_count, baskets: row.baskets };
    const measures = ruleMeasures(counts);
    if (row.pair_count < minPairCount || measures.support < minSupport || measures.confidence < minConfidence || measures.lift < minLift) continue;
    rules.push({
      antecedentId: row.antecedent_id,
      consequentId: row.consequent_id,
      ...measures,
      pairCount: row.pair_count,
      antecedentCount: row.antecedent_count,
    });
  }
  return { baskets, rules: rules.sort(strongestFirst) };
}
