// What the support graph needs from the outside world, handed in when the graph is built.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Database } from '../../data/database.ts';
import type { Policy } from '../../domain/policy.ts';
import type { SupportPolicy } from '../../domain/support-policy.ts';

/** A rule mined from orders: customers who bought the given products also bought this one. */
export interface CrossSellRecommendation {
  productId: string;
  name: string;
  confidence: number;
  lift: number;
  support: number;
}

/** The association-rule recommender (tools/cross-sell); its signature, so the graph does not depend on its module. */
export type RecommendCrossSell = (db: Database, request: { productIds: string[] }) => Promise<CrossSellRecommendation[]>;

export interface SupportDeps {
  db: Database;
  /** The campaign policy: its discount ceilings bound every compensation. */
  policy: Policy;
  supportPolicy: SupportPolicy;
  /** Writes the reply's words when set (the decisions stay deterministic); null: templates. */
  replyModel: BaseChatModel | null;
  /** Product suggestions; null: none. */
  recommendCrossSell: RecommendCrossSell | null;
  /** The clock; fixed in tests. */
  now?: () => Date;
}
