// The policy: the marketer's organisation's rules as data. Guardrails read it; nothing else
// decides what is allowed. A default ships in policies/default.yaml.
import { z } from 'zod';
import { Channel, LocalTime, Locale } from './vocabulary.ts';

export const BannedClaim = z.object({
  /** Text to find; matched case- and width-insensitively (NFKC). */
  term: z.string().min(1).max(100),
  /** What replaces it; empty string removes it. */
  replacement: z.string().max(100),
  /** Longer words that contain the term and are fine as they are (最近 and 最后 for 最). */
  except: z.array(z.string().min(1).max(100)).optional(),
});

export const Policy = z.object({
  version: z.literal(1),
  discount: z.object({
    ceilingPercent: z.number().min(0).max(100),
    /** Lower an offer above the ceiling to the ceiling (`fix`) or refuse the plan (`block`). */
    onExceed: z.enum(['fix', 'block']),
  }),
  consent: z.object({
    /** Only customers who opted in to a channel are messaged on it. Cannot be switched off. */
    required: z.literal(true),
  }),
  quietHours: z.object({
    /** Start and end in the recipient's local time; a start after the end spans midnight. */
    start: LocalTime,
    end: LocalTime,
  }),
  frequencyCap: z.object({
    maxMessages: z.number().int().min(1).max(100),
    windowDays: z.number().int().min(1).max(90),
  }),
  minors: z.object({
    minimumAge: z.number().int().min(0).max(25),
    /** Categories that must never target minors: a plan for them is blocked if the audience asks for minors. */
    restrictedCategories: z.array(z.string().min(1)),
  }),
  claims: z.object({
    banned: z.record(Locale, z.array(BannedClaim)),
  }),
  approval: z.object({
    /** Every plan waits for a human. */
    always: z.boolean(),
    /** Otherwise a plan waits when its discount is above this percentage... */
    discountAbovePercent: z.number().min(0).max(100),
    /** ...or its audience is larger than this... */
    audienceAbove: z.number().int().min(0),
    /** ...or a guardrail had to change it. */
    whenGuardrailFixed: z.boolean(),
    approverRole: z.enum(['approver', 'admin']),
    /** The person who asked for a plan may not approve it. */
    forbidSelfApproval: z.boolean(),
  }),
  channels: z.record(
    Channel,
    z.object({
      /** Cost of one message, in the policy currency. */
      costPerMessage: z.number().min(0),
    }),
  ),
  currency: z.string().length(3),
});
export type Policy = z.infer<typeof Policy>;
