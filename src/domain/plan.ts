// The plan: what the agent hands back for a goal. Its field names are a stable contract
// (`campaign-agent plan --json`, the HTTP API, the web page and Slack all show this shape).
import { z } from 'zod';
import { Brief } from './brief.ts';
import { SegmentDefinition } from './segment.ts';
import { Channel, LocalDateTime, LocalTime } from './vocabulary.ts';

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
  /** Its outcome: messages sent and conversions. */
  sent: z.number().int().min(0).optional(),
  converted: z.number().int().min(0).optional(),
  /** Its conversion rate above its holdout's, in percentage points; null without a holdout. */
  liftPoints: z.number().nullable().optional(),
  /** How much it counted in this forecast (similarity² × recency × objective and channel match, 0 to 1). */
  weight: z.number().min(0).optional(),
});

/** One planned channel's funnel: each step as p10 / p50 / p90 counts. */
export const ChannelFunnel = z.object({
  channel: Channel,
  /** Messages to be sent on the channel. */
  sent: z.number().int().min(0),
  delivered: Range,
  /** Opens, for channels that report them (e-mail, push); null otherwise. */
  opened: Range.nullable(),
  /** Link clicks, for channels that report them (e-mail, SMS, WeCom); null otherwise. */
  clicked: Range.nullable(),
  converted: Range,
});
export type ChannelFunnel = z.infer<typeof ChannelFunnel>;

/** Who is left at each step between the segment and the messages sent. */
export const ReachSteps = z.object({
  /** Customers in the segment. */
  segment: z.number().int().min(0),
  /** Of those, reachable on a planned channel: consent given and not suppressed. */
  consented: z.number().int().min(0),
  /** Of those, still in after the guardrails' exclusions (minors, frequency cap): one message each. */
  recipients: z.number().int().min(0),
  /** Sends moved out of the recipients' quiet hours (delayed, never dropped); null when not known yet. */
  delayedByQuietHours: z.number().int().min(0).nullable(),
});
export type ReachSteps = z.infer<typeof ReachSteps>;

/** The holdout the forecast recommends keeping back to measure the campaign's lift. */
export const HoldoutPlan = z.object({
  /** Share of the recipients to hold out (0.05 = 5%). */
  share: z.number().min(0).max(1),
  size: z.number().int().min(0),
  /** False when the audience is too small to detect the forecast lift at 80% power. */
  measurable: z.boolean(),
  statement: z.string(),
});
export type HoldoutPlan = z.infer<typeof HoldoutPlan>;

/** What drives the forecast response, in a shape a chart can plot. */
export const ForecastDriver = z.object({
  factor: z.enum(['channel', 'objective', 'offer', 'evidence', 'segment', 'season']),
  label: z.string(),
  /** A multiplier on the response rate (`multiplier`), or percentage points on the conversion rate (`points`). */
  effect: z.number(),
  unit: z.enum(['multiplier', 'points']),
  direction: z.enum(['up', 'down', 'neutral']),
});
export type ForecastDriver = z.infer<typeof ForecastDriver>;

export const CostBreakdown = z.object({
  /** Per-message channel cost of every message sent. */
  messages: Range,
  /** The discount on every converted order. */
  discount: Range,
  /** The part of the discount given to customers who would have bought anyway. */
  discountOnOrganic: Range,
});
export type CostBreakdown = z.infer<typeof CostBreakdown>;

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
  // The fields below are filled by every new forecast; plans stored before they existed lack them.
  /** From segment to recipients: consent, guardrail exclusions and quiet hours. */
  reachSteps: ReachSteps.optional(),
  /** Per planned channel: sent, delivered, opened, clicked, converted. */
  funnel: z.array(ChannelFunnel).optional(),
  /** Conversions per message sent. */
  conversionRate: Range.optional(),
  /** Revenue from the incremental conversions only. */
  incrementalRevenue: Range.optional(),
  costBreakdown: CostBreakdown.optional(),
  holdout: HoldoutPlan.optional(),
  drivers: z.array(ForecastDriver).optional(),
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

/** A recurring schedule's rule and the wall-clock date-times it expands to (one send step each). */
export const Recurrence = z.object({
  /** 1 = Monday ... 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)),
  localTime: LocalTime,
  count: z.number().int().min(1),
  /** Each occurrence in each recipient's zone, `YYYY-MM-DDTHH:mm`, in order; occurrence i is send step i. */
  occurrences: z.array(LocalDateTime),
});
export type Recurrence = z.infer<typeof Recurrence>;

export const Schedule = z.object({
  kind: z.enum(['asap', 'at', 'window', 'trigger', 'recurring']),
  /** Human-readable summary in the goal's language. */
  summary: z.string(),
  /** Wall-clock send time in each recipient's zone (`at`, `window`). */
  localDateTime: z.string().nullable(),
  timeZoneHandling: z.literal('recipient_local'),
  quietHours: z.object({ start: LocalTime, end: LocalTime }),
  trigger: z
    .object({ event: z.string(), delayMinutes: z.number().int(), unlessEvent: z.string().nullable() })
    .nullable(),
  /** For `recurring`: the rule and its occurrences (`localDateTime` is the first). Absent on other kinds. */
  recurrence: Recurrence.nullable().optional(),
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

/** What a finished campaign actually did, as recorded by `outcomes import`. */
export const RecordedOutcome = z.object({
  sent: z.number().int().min(0),
  delivered: z.number().int().min(0),
  converted: z.number().int().min(0),
  revenue: z.number(),
  holdoutSize: z.number().int().min(0),
  holdoutConverted: z.number().int().min(0),
});
export type RecordedOutcome = z.infer<typeof RecordedOutcome>;

export const ComparedMetric = z.enum(['conversions', 'conversionRate', 'incrementalConversions', 'revenue']);
export type ComparedMetric = z.infer<typeof ComparedMetric>;

/** One forecast figure against what happened. */
export const FigureComparison = z.object({
  metric: ComparedMetric,
  /** The forecast range, scaled to the messages actually sent (rates are not scaled). */
  forecast: Range,
  actual: z.number(),
  /** Whether the actual value lies in [p10, p90]. */
  inside80: z.boolean(),
  /** (p50 − actual) ÷ actual: above 0 when the forecast was too high; null when the actual is 0. */
  relativeError: z.number().nullable(),
});
export type FigureComparison = z.infer<typeof FigureComparison>;

/** Messages the forecast planned and those actually sent; the factor its counts were scaled by. */
export const ComparisonScale = z.object({
  planned: z.number(),
  actual: z.number(),
  factor: z.number(),
  basis: z.enum(['sent', 'delivered']),
});
export type ComparisonScale = z.infer<typeof ComparisonScale>;

/** A finished campaign's forecast against its recorded outcome, as the plan shows it. */
export const PlanForecastVersusActual = z.object({
  campaignId: z.string(),
  /** When the campaign ended (UTC, ISO); null when not known. */
  endedAt: z.string().nullable(),
  outcome: RecordedOutcome,
  scale: ComparisonScale.nullable(),
  comparisons: z.array(FigureComparison),
  notes: z.array(z.string()),
});
export type PlanForecastVersusActual = z.infer<typeof PlanForecastVersusActual>;

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
  /** Present once the campaign has a recorded outcome: its forecast against what happened. */
  forecastVersusActual: PlanForecastVersusActual.optional(),
});
export type Plan = z.infer<typeof Plan>;
