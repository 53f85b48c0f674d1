// The policy: the marketer's organisation's rules as data. Guardrails read it; nothing else
// decides what is allowed. A default ships in policies/default.yaml.
import { z } from 'zod';
import { Budget } from './brief.ts';
import { LeafCondition } from './segment.ts';
import { Channel, EventType, LocalTime, Locale } from './vocabulary.ts';

export const BannedClaim = z.object({
  /** Text to find; matched case- and width-insensitively (NFKC). */
  term: z.string().min(1).max(100),
  /** What replaces it; empty string removes it. */
  replacement: z.string().max(100),
  /** Longer words that contain the term and are fine as they are (最近 and 最后 for 最). */
  except: z.array(z.string().min(1).max(100)).optional(),
});

const Percent = z.number().min(0).max(100);

type SegmentConditionKind = LeafCondition['kind'];
/** The kinds of condition a segment is built from (`churn_risk`, `spend_rank`, `sequence`...). */
export const SegmentConditionKind = z.enum(
  LeafCondition.options.map((option) => option.shape.kind.value) as [SegmentConditionKind, ...SegmentConditionKind[]],
);

/** A word the brand avoids: alone it blocks the copy that uses it; with a replacement it is swapped. */
export const AvoidedWord = z.union([
  z.string().min(1).max(100),
  z.object({
    term: z.string().min(1).max(100),
    replacement: z.string().min(1).max(100).optional(),
    except: z.array(z.string().min(1).max(100)).optional(),
  }),
]);

/** What every message must carry: opt-out wording per channel and locale, and who it is from. */
export const RequiredContent = z.object({
  /**
   * Opt-out text appended where it is missing. A text holding a `{{placeholder}}` (the e-mail
   * unsubscribe link) counts as present when the placeholder is.
   */
  optOut: z.partialRecord(Channel, z.partialRecord(Locale, z.string().min(1).max(200))).default({
    sms: { en: 'Reply STOP to opt out', zh: '回T退订' },
    email: { en: 'Unsubscribe: {{unsubscribe_url}}', zh: '退订：{{unsubscribe_url}}' },
  }),
  /** Sender name per locale, put at the start of every SMS as [Name] / 【Name】. Without one any such tag is accepted. */
  senderName: z.partialRecord(Locale, z.string().min(1).max(20).regex(/^[^[\]【】{}\n]+$/, 'expected a name without brackets or braces')).default({}),
});

export const PlaceholderRules = z.object({
  /** Merge fields copy may use, without braces; any other `{{placeholder}}` is removed. */
  allowed: z
    .array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a placeholder name such as first_name'))
    .default(['first_name', 'last_viewed_product', 'coupon_code', 'unsubscribe_url']),
  /** The organisation's own e-mail addresses and phone numbers, which copy may show as written. */
  allowedContacts: z.array(z.string().min(3).max(100)).default([]),
});

export const BrandVoice = z.object({
  /** How the brand sounds, for the copywriting prompts. */
  tone: z.partialRecord(Locale, z.string().max(500)).default({}),
  /** Words the brand likes to use, for the copywriting prompts. */
  wordsToUse: z.partialRecord(Locale, z.array(z.string().min(1).max(100))).default({}),
  /** Words the copy must not use, per locale; every message is checked against all locales. */
  wordsToAvoid: z.partialRecord(Locale, z.array(AvoidedWord)).default({}),
  /** `none` removes emoji from the copy. */
  emoji: z.enum(['allowed', 'none']).default('allowed'),
});

export const TriggerRules = z.object({
  /** For a trigger without an exit condition: the event that cancels a pending send, by trigger event. */
  exitEvents: z.partialRecord(EventType, EventType).default({
    view: 'purchase',
    add_to_cart: 'purchase',
    login: 'purchase',
    open: 'purchase',
    click: 'purchase',
    purchase: 'purchase',
  }),
});

/** A quiet-hours window: start and end in the recipient's local time; a start after the end spans midnight. */
export const QuietHoursWindow = z.object({ start: LocalTime, end: LocalTime });
export type QuietHoursWindow = z.infer<typeof QuietHoursWindow>;

/** An ISO 3166-1 alpha-2 country code, as stored on customers (`CN`, `US`). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as CN');

/**
 * Quiet hours: a default window, with overrides per channel and per country (and per channel within
 * a country). The most specific match wins: country+channel, then country, then channel, then default.
 */
export const QuietHoursPolicy = QuietHoursWindow.extend({
  channels: z.partialRecord(Channel, QuietHoursWindow).default({}),
  countries: z
    .record(z.string(), QuietHoursWindow.extend({ channels: z.partialRecord(Channel, QuietHoursWindow).default({}) }))
    .superRefine(function checkCountryCodes(countries, context) {
      for (const code of Object.keys(countries)) {
        if (!CountryCode.safeParse(code).success) {
          context.addIssue({ code: 'custom', path: [code], message: `expected a two-letter country code such as CN, got "${code}"` });
        }
      }
    })
    .default({}),
});
export type QuietHoursPolicy = z.infer<typeof QuietHoursPolicy>;

export const Policy = z.object({
  version: z.literal(1),
  discount: z.object({
    ceilingPercent: z.number().min(0).max(100),
    /** Lower an offer above the ceiling to the ceiling (`fix`) or refuse the plan (`block`). */
    onExceed: z.enum(['fix', 'block']),
    /** Lower ceilings for campaigns promoting a product category (the brief's category), in percent. */
    categoryCeilings: z.record(z.string().min(1).max(60), Percent).default({}),
    /** Lower ceilings for segments built on a kind of condition (`sequence` for cart abandoners...), in percent. */
    segmentCeilings: z.partialRecord(SegmentConditionKind, Percent).default({}),
    /** The gross margin a discounted sale must keep, in percent of the discounted price; null: not checked. */
    minMarginPercent: Percent.nullable().default(null),
    /** Most a campaign may give away in discounts when its brief names no budget; null: no limit. */
    campaignBudget: Budget.nullable().default(null),
    /** Whether copy may advertise more than one offer (an offer plus a coupon, two discounts). */
    allowStacking: z.boolean().default(false),
  }),
  consent: z.object({
    /** Only customers who opted in to a channel are messaged on it. Cannot be switched off. */
    required: z.literal(true),
  }),
  quietHours: QuietHoursPolicy,
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
    /** ...or it uses a channel no scheduled or completed campaign has used before. */
    newChannel: z.boolean().default(true),
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
  requiredContent: RequiredContent.prefault({}),
  placeholders: PlaceholderRules.prefault({}),
  brandVoice: BrandVoice.prefault({}),
  triggers: TriggerRules.prefault({}),
});
export type Policy = z.infer<typeof Policy>;
