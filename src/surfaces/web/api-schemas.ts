// The shapes the HTTP API accepts and returns. Request bodies are validated with these schemas and
// the OpenAPI document is generated from them; the plan itself is the domain's `Plan`.
import { z } from 'zod';
import { Role } from '../../agents/planner/approval-decision.ts';
import { Plan } from '../../domain/plan.ts';
import { ArmsReport } from '../../outcomes/compare-arms.ts';
import { CampaignId, ThreadId } from '../../domain/ids.ts';

export { CampaignId, ThreadId };

const MessageText = z.string().trim().min(1, 'the text is empty: describe the goal or the change you want').max(4000);

export const CreateThreadBody = z.object({
  /** The first message; omit to create an empty thread. */
  text: MessageText.optional(),
});

export const MessageBody = z.object({
  text: MessageText,
  /** Wait for the plan and return it (200) instead of answering 202 at once. */
  wait: z.boolean().default(false),
});

export const DecisionBody = z.object({
  comment: z.string().trim().max(2000).nullable().default(null),
});

export const StreamQuery = z.object({
  /** Follow this run (from a 202 answer); without it, the thread's latest run. */
  run: z.uuid().optional(),
});

export const ErrorBody = z.object({ code: z.string(), message: z.string() });

export const ThreadCreated = z.object({ threadId: ThreadId, runId: z.uuid().nullable() });

export const RunAccepted = z.object({
  threadId: ThreadId,
  runId: z.uuid(),
  /** Where the run's progress and its plan are streamed. */
  stream: z.string(),
});

export const ThreadPlan = z.object({
  plan: Plan,
  awaitingApproval: z.boolean(),
  /** A message or decision is being worked on right now. */
  running: z.boolean(),
});

export const Me = z.object({ name: z.string(), role: Role, canApprove: z.boolean() });

export const SendCounts = z.object({
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  suppressed: z.number().int(),
  cancelled: z.number().int(),
});

export const CampaignSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['needs_approval', 'scheduled', 'running', 'completed', 'cancelled', 'blocked', 'rejected']),
  createdAt: z.string(),
  sends: SendCounts,
  /** True once an outcome is recorded: the campaign's plan then shows forecast versus actual. */
  outcomeRecorded: z.boolean(),
});

export const CampaignList = z.object({ campaigns: z.array(CampaignSummary) });

/** GET /api/campaigns/{id}: the campaign, its stored plan (with forecast versus actual once finished) and its A/B arms. */
export const CampaignDetail = z.object({
  campaign: CampaignSummary,
  /** Null for campaigns without a readable plan (the demo history). */
  plan: Plan.nullable(),
  /** The copy variants and the holdout measured from the sends and orders (empty before anything is scheduled). */
  arms: ArmsReport,
});

export const Health = z.object({
  status: z.literal('ok'),
  database: z.object({ kind: z.enum(['embedded', 'postgres']), location: z.string(), memory: z.boolean() }),
  model: z.object({ mode: z.enum(['offline', 'openai']), description: z.string() }),
  queue: z.object({ state: z.string(), detail: z.string().optional() }),
  slack: z.enum(['off', 'http', 'socket']),
});

/** One Server-Sent Event of GET /api/threads/{id}/stream (`event:` is the type, `data:` this JSON). */
export const StreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), seq: z.number(), runId: z.uuid(), kind: z.enum(['message', 'edit', 'approve', 'reject']) }),
  z.object({ type: z.literal('node_started'), seq: z.number(), node: z.string() }),
  z.object({ type: z.literal('node_finished'), seq: z.number(), node: z.string() }),
  z.object({ type: z.literal('awaiting_approval'), seq: z.number() }),
  z.object({ type: z.literal('token'), seq: z.number(), node: z.string(), text: z.string() }),
  z.object({ type: z.literal('plan'), seq: z.number(), plan: Plan }),
  z.object({ type: z.literal('error'), seq: z.number(), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('done'), seq: z.number(), runId: z.uuid().nullable() }),
]);
