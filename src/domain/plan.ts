// The plan: what the agent hands back for a goal. Its field names are a stable contract
// (`campaign-agent plan --json`, the HTTP API, the web page and Slack all show this shape).
import { z } from 'zod';
import { Brief } from './brief.ts';
import { SegmentDefinition } from './segment.ts';
import { Channel, LocalTime } from './vocabulary.ts';

export const PlanStatus = z.enum(['needs_approval', 'scheduled', 'blocked', 'needs_clarification', 'rejected']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const Range = z.object({ p10: z.number(), p50: z.number(), p90: z.number() });
export type Range = z.infer<typeof Range>;

export const ReachableByChannel = z.partialRecord(Channel, z.number().int().min(0));

export const SegmentSummary = z.object({
  definition: SegmentDefinition,
  /** Plain description in the goal's language, for the marketer to check. */
  description: z.string(),
  /** What vague words were taken to mean ("high-value" = top 20% by 12-month spend). */
  assumptions: z.array(z.string()),
  count: z.number().int().min(0),
  /** Customers reachable per planned channel after consent. */
  reachable: ReachableByChannel,
});
export type SegmentSummary = z.infer<typeof SegmentSummary>;

export const PastCampaignCitation = z.object({
  id: z.string(),
  name: z.string(),
  similarity: z.number(),
  conversionRate: z.number(),
});

export const Forecast = z.object({
  /** Messages expected to be sent, after consent, guardrail exclusions and channel delivery. */
  reach: z.number().int().min(0),
  conversions: Range,
  /** Conversions the campaign causes beyond what the audience would do anyway (vs a holdout). */
  incrementalConversions: Range,
  revenue: Range,
  cost: Range,
  roi: Range,
  currency: z.string(),
  /** Names of the past campaigns the forecast leaned on. */
  basedOn: z.array(z.string()),
  pastCampaigns: z.array(PastCampaignCitation),
  assumptions: z.array(z.string()),
});
export type Forecast = z.infer<typeof Forecast>;

export const PlannedMessage = z.object({
  channel: Channel,
  variant: z.string().min(1).max(8),
  /** E-mail subject or push title, when the channel has one. */
  title: z.string().nullable(),
  text: z.string().min(1),
});
export type PlannedMessage = z.infer<typeof PlannedMessage>;

export const Schedule = z.object({
  kind: z.enum(['asap', 'at', 'window', 'trigger']),
  /** Human-readable summary in the goal's language. */
  summary: z.string(),
  /** Wall-clock send time in each recipient's zone (`at`, `window`). */
  localDateTime: z.string().nullable(),
  timeZoneHandling: z.literal('recipient_local'),
  quietHours: z.object({ start: LocalTime, end: LocalTime }),
  trigger: z
    .object({ event: z.string(), delayMinutes: z.number().int(), unlessEvent: z.string().nullable() })
    .nullable(),
  /** Earliest and latest send instants over all recipients (UTC, ISO), for one-off sends. */
  firstSendUtc: z.string().nullable(),
  lastSendUtc: z.string().nullable(),
});
export type Schedule = z.infer<typeof Schedule>;

export const VerdictStatus = z.enum(['pass', 'fixed', 'blocked']);
export const GuardrailVerdict = z.object({
  /** Stable rule id, e.g. `discount.ceiling`. */
  rule: z.string(),
  status: VerdictStatus,
  detail: z.string(),
});
export type GuardrailVerdict = z.infer<typeof GuardrailVerdict>;

export const Approval = z.object({
  required: z.boolean(),
  reasons: z.array(z.string()),
  decidedBy: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  comment: z.string().nullable(),
});

export const Plan = z.object({
  status: PlanStatus,
  threadId: z.string(),
  question: z.string().optional(),
  brief: Brief.nullable(),
  segment: SegmentSummary.nullable(),
  forecast: Forecast.nullable(),
  messages: z.array(PlannedMessage),
  schedule: Schedule.nullable(),
  guardrails: z.array(GuardrailVerdict),
  approval: Approval.nullable(),
  campaignId: z.string().nullable(),
  /** The agent's own words about the plan, in the goal's language. */
  summary: z.string(),
});
export type Plan = z.infer<typeof Plan>;
