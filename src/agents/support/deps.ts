// What the support graph needs from the outside world, handed in when the graph is built.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Database } from '../../data/database.ts';
import type { Policy } from '../../domain/policy.ts';
import type { CrossSellRecommendation } from '../../domain/cross-sell.ts';
import type { SupportPolicy } from '../../domain/support-policy.ts';

/** The association-rule recommender (tools/cross-sell/recommend-cross-sell.ts), with the configured thresholds bound. */
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
