// What every planner tool is: a name the model calls, a zod schema for its arguments (the one
// source for validation and for the JSON schema the model sees), and a function that turns valid
// arguments into parts of the plan draft plus a compact reply for the model.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { z } from 'zod';
import type { Database } from '../src/data/database.ts';
import type { Brief } from '../src/domain/brief.ts';
import type { Forecast, PlannedMessage, Schedule, SegmentSummary } from '../src/domain/plan.ts';
import type { Policy } from '../src/domain/policy.ts';
import type { AudienceSnapshot } from './segments/audience-snapshot.ts';
import type { ToolName } from './tool-names.ts';

/** The parts of a plan the tools produce; the agent keeps them in its state under the same names. */
export interface DraftParts {
  brief: Brief;
  segment: SegmentSummary;
  audience: AudienceSnapshot;
  forecast: Forecast;
  copy: PlannedMessage[];
  schedule: Schedule;
}

export interface PlannerToolContext {
  db: Database;
  policy: Policy;
  embedder: { id: string; embeddings: EmbeddingsInterface };
  /** The instant relative windows are evaluated against. */
  asOf: Date;
  /** What the draft holds so far. */
  draft: Partial<DraftParts>;
  /** The chat model that writes copy with prompts/copy.md; absent or null: the offline templates. */
  copyModel?: BaseChatModel | null;
}

export interface ToolOutcome {
  parts: Partial<DraftParts>;
  /** What the model reads back: small, JSON-serialisable, no personal data. */
  reply: unknown;
}

export interface PlannerTool<Schema extends z.ZodType = z.ZodType> {
  name: ToolName;
  description: string;
  input: Schema;
  run(input: z.infer<Schema>, context: PlannerToolContext): Promise<ToolOutcome>;
}

export function definePlannerTool<Schema extends z.ZodType>(tool: PlannerTool<Schema>): PlannerTool<Schema> {
  return tool;
}
