// What to suggest to a customer who has (or is asking about) some products: the products that the
// mined association rules lead to from them, each with the strongest such rule's confidence, lift
// and support, strongest first. The rules are re-mined first when the orders changed.
import { z } from 'zod';
import type { Database } from '../../src/data/database.ts';
import { CrossSellSettings, DEFAULT_CROSS_SELL_SETTINGS, type CrossSellRecommendation } from '../../src/domain/cross-sell.ts';
import { CodedError, describeIssues, ErrorCode } from '../../src/errors.ts';
import { ensureAssociationRules } from './rule-cache.ts';

export interface RecommendCrossSellOptions {
  /** Products the customer bought or is talking about; rules from any of them count. */
  productIds: readonly string[];
  /** Thresholds and the number of suggestions; unset fields take the defaults (usually pass `app.config.crossSell`). */
  config?: Partial<CrossSellSettings>;
}

const ProductIds = z.array(z.string().min(1)).max(1000);

type RecommendationRow = {
  product_id: string;
  name: string;
  confidence: number;
  lift: number;
  support: number;
};

/** Products to suggest for `productIds`, never one of them, at most `config.maxRecommendations`. */
export async function recommendCrossSell(db: Database, { productIds, config = {} }: RecommendCrossSellOptions): Promise<CrossSellRecommendation[]> {
  const ids = ProductIds.safeParse(productIds);
  if (!ids.success) throw new CodedError(ErrorCode.InvalidInput, `recommendCrossSell: productIds ${describeIssues(ids.error.issues)}`);
  const settings = CrossSellSettings.safeParse({ ...DEFAULT_CROSS_SELL_SETTINGS, ...config });
  if (!settings.success) throw new CodedError(ErrorCode.InvalidInput, `recommendCrossSell: config ${describeIssues(settings.error.issues)}`);
  if (ids.data.length === 0) return [];
  await ensureAssociationRules(db, settings.data);
  const { rows } = await db.query<RecommendationRow>(
    `SELECT DISTINCT ON (rule.consequent_id)
            rule.consequent_id AS product_id, product.name, rule.confidence, rule.lift, rule.support
       FROM association_rules rule
       JOIN products product ON product.id = rule.consequent_id
      WHERE rule.antecedent_id = ANY($1::text[]) AND NOT (rule.consequent_id = ANY($1::text[]))
      ORDER BY rule.consequent_id, rule.confidence DESC, rule.lift DESC, rule.support DESC`,
    [ids.data],
  );
  return rows
    .map((row) => ({ productId: row.product_id, name: row.name, confidence: row.confidence, lift: row.lift, support: row.support }))
    .sort((a, b) => b.confidence - a.confidence || b.lift - a.lift || b.support - a.support || a.productId.localeCompare(b.productId))
    .slice(0, settings.data.maxRecommendations);
}
