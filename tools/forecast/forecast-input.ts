// The forecast's input: what the planner knows about the campaign, the reachable audience, the
// segment's recent behaviour and similar past campaigns recalled from memory. Validated here so
// the model itself can trust every number.
import { z } from 'zod';
import { Objective } from '../../src/domain/brief.ts';
import { Channel, IsoDate } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode, describeIssues } from '../../src/errors.ts';

const Count = z.number().int().min(0);
const Money = z.number().finite().min(0);

export const PastCampaignEvidence = z.object({
  id: z.string(),
  name: z.string(),
  /** Cosine similarity of the past campaign to this one; read as 0 below 0 and 1 above 1. */
  similarity: z.number().finite(),
  ageDays: z.number().finite().min(0),
  channels: z.array(Channel),
  objective: Objective,
  discountPercent: z.number().min(0).max(100),
  sent: Count,
  converted: Count,
  revenue: Money,
  holdoutSize: Count,
  holdoutConverted: Count,
});
export type PastCampaignEvidence = z.infer<typeof PastCampaignEvidence>;

export const SegmentBehaviour = z.object({
  customers: Count,
  /** Customers in the segment with an order in the 30 days before as-of. */
  purchasedLast30Days: Count,
  averageOrderValue: z.number().positive().finite().nullable(),
  orderValueStdDev: z.number().min(0).finite().nullable(),
});
export type SegmentBehaviour = z.infer<typeof SegmentBehaviour>;

export const ForecastInput = z.object({
  objective: Objective,
  channels: z.array(Channel).min(1),
  discountPercent: z.number().min(0).max(100),
  /** Recipients per channel after consent and guardrail exclusions (each customer on one channel). */
  reachByChannel: z.partialRecord(Channel, Count),
  segment: SegmentBehaviour,
  pastCampaigns: z.array(PastCampaignEvidence),
  costPerMessage: z.partialRecord(Channel, Money),
  currency: z.string().min(1),
  /** Attribution window in days; conversions are purchases within it. */
  campaignDays: z.number().positive().max(365).optional(),
  /** Messages each recipient gets: a recurring campaign's occurrences; 1 when absent. */
  sendsPerRecipient: z.number().int().min(1).max(52).optional(),
  /** What happened between the segment and the recipients, when known (reported in `reachSteps`). */
  audienceSteps: z
    .object({
      /** Segment members reachable on a planned channel before the guardrails' exclusions. */
      consented: Count,
      /** Sends moved out of quiet hours; null when not known (trigger campaigns, no schedule yet). */
      delayedByQuietHours: Count.nullable(),
    })
    .optional(),
  /** Local date of the (first) send, for the season the forecast names. */
  sendDate: IsoDate.optional(),
});
export type ForecastInput = z.infer<typeof ForecastInput>;

export const DEFAULT_CAMPAIGN_DAYS = 14;

/** Recipients on the planned channels (reach given for other channels is left out). */
export function plannedRecipients(input: Pick<ForecastInput, 'channels' | 'reachByChannel'>): number {
  return [...new Set(input.channels)].reduce((sum, channel) => sum + (input.reachByChannel[channel] ?? 0), 0);
}

/** Checks the input, including the counts that must fit inside one another; throws INVALID_INPUT. */
export function validateForecastInput(input: unknown): ForecastInput {
  const parsed = ForecastInput.safeParse(input);
  if (!parsed.success) {
    throw new CodedError(ErrorCode.InvalidInput, `forecast input is invalid: ${describeIssues(parsed.error.issues)}`);
  }
  const problems: string[] = [];
  const { segment } = parsed.data;
  if (segment.purchasedLast30Days > segment.customers) {
    problems.push(
      `segment.purchasedLast30Days: ${segment.purchasedLast30Days} buyers cannot exceed ${segment.customers} customers`,
    );
  }
  const steps = parsed.data.audienceSteps;
  if (steps) {
    const recipients = plannedRecipients(parsed.data);
    if (steps.consented > segment.customers) {
      problems.push(`audienceSteps.consented: ${steps.consented} cannot exceed the segment's ${segment.customers} customers`);
    }
    if (recipients > steps.consented) {
      problems.push(`audienceSteps.consented: ${steps.consented} is fewer than the ${recipients} recipients in reachByChannel`);
    }
  }
  parsed.data.pastCampaigns.forEach((campaign, index) => {
    if (campaign.converted > campaign.sent) {
      problems.push(`pastCampaigns.${index}.converted: ${campaign.converted} conversions cannot exceed ${campaign.sent} sent`);
    }
    if (campaign.holdoutConverted > campaign.holdoutSize) {
      problems.push(
        `pastCampaigns.${index}.holdoutConverted: ${campaign.holdoutConverted} cannot exceed the holdout of ${campaign.holdoutSize}`,
      );
    }
  });
  if (problems.length > 0) {
    throw new CodedError(ErrorCode.InvalidInput, `forecast input is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}
