// What the planner graph needs from the outside world, handed in when the graph is built.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Database } from '../../data/database.ts';
import type { Policy } from '../../domain/policy.ts';
import type { NamedEmbedder } from '../../models/load-models.ts';

export interface PlannerDeps {
  db: Database;
  policy: Policy;
  chatModel: BaseChatModel;
  /** The model that writes copy with prompts/copy.md (model mode); absent: the offline templates. */
  copyModel?: BaseChatModel | null;
  embedder: NamedEmbedder;
  /** The clock; fixed in tests. */
  now?: () => Date;
  /** How many times the model may revise a plan the guardrails blocked. */
  maxGuardrailRevisions?: number;
}
