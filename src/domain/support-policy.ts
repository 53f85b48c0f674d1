// The support bot's rules as data: which register to speak in for each sentiment band and trend,
// when to hand over to a person, how much compensation one customer may receive, when a product
// may be suggested, and the store's return and shipping terms. A default ships in
// policies/support.yaml; discount ceilings themselves stay in the campaign policy (policy.ts).
import { z } from 'zod';
import { Locale } from './vocabulary.ts';

/** How negative or positive a message is, from its sentiment score. */
export const SentimentBand = z.enum(['very_negative', 'negative', 'neutral', 'positive']);
export type SentimentBand = z.infer<typeof SentimentBand>;

/** Where the mood is heading over the last turns. */
export const SentimentTrend = z.enum(['worsening', 'steady', 'improving']);
export type SentimentTrend = z.infer<typeof SentimentTrend>;

/** The ways the bot can speak. */
export const Register = z.enum(['apologetic_brief', 'empathetic_solution_first', 'concise', 'warm']);
export type Register = z.infer<typeof Register>;

/** A sentence per language; `{name}` is the customer's first name once verified, else left out. */
const Phrasing = z.record(Locale, z.array(z.string().min(1).max(300)).min(1));

export const RegisterStyle = z.object({
  /** Opening sentences, one chosen per turn (in order, so a conversation does not repeat itself). */
  opening: Phrasing,
  /** Closing sentence; an empty list means none. */
  closing: z.record(Locale, z.array(z.string().max(300))),
  /** Most points of substance per reply (an answer, an offer, a next step); brief registers say less. */
  maxPoints: z.number().int().min(1).max(10),
  /** A product suggestion may follow the answer. */
  crossSellAllowed: z.boolean(),
  /** Compensation may be offered in this register (complaints only). */
  compensationAllowed: z.boolean(),
});

export const ToneRule = z.object({
  band: SentimentBand,
  /** Omitted: any trend. */
  trend: SentimentTrend.optional(),
  register: Register,
});

export const EscalationReason = z.enum(['human_requested', 'very_negative_repeated', 'no_progress', 'legal_or_safety']);
export type EscalationReason = z.infer<typeof EscalationReason>;

const WordList = z.record(Locale, z.array(z.string().min(1).max(60)));

export const SupportPolicy = z.object({
  version: z.literal(1),
  sentiment: z.object({
    /** A score at or below this is very negative. */
    veryNegativeAtMost: z.number().min(-1).max(0),
    /** At or below: negative; at or above `positiveAtLeast`: positive; between: neutral. */
    negativeAtMost: z.number().min(-1).max(0),
    positiveAtLeast: z.number().min(0).max(1),
    /** Below this confidence a message counts as neutral, whatever its score. */
    minConfidence: z.number().min(0).max(1),
    /** Turns the trend looks back over (the current one included). */
    trendTurns: z.number().int().min(2).max(10),
    /** Change in score between the mean of earlier turns and this one that counts as a trend. */
    trendChange: z.number().min(0).max(2),
  }),
  tone: z.object({
    /** First matching rule wins; every band needs a rule without a trend as its fallback. */
    rules: z.array(ToneRule).min(1),
    registers: z.record(Register, RegisterStyle),
  })
    .superRefine(function everyBandHasFallback(tone, context) {
      for (const band of SentimentBand.options) {
        if (!tone.rules.some((rule) => rule.band === band && rule.trend === undefined)) {
          context.addIssue({ code: 'custom', path: ['rules'], message: `band ${band} needs a rule without a trend` });
        }
      }
    }),
  escalation: z.object({
    /** Very negative messages (not necessarily in a row) that hand the conversation over. */
    veryNegativeTurns: z.number().int().min(1).max(20),
    /** Consecutive turns without progress that hand the conversation over. */
    turnsWithoutProgress: z.number().int().min(1).max(20),
    /** Words asking for a person. */
    humanRequest: WordList,
    /** Legal threats and safety incidents: always a person. */
    legalOrSafety: WordList,
    /** The hand-over message; `{summary}` is replaced by the conversation summary, `{reason}` by why. */
    handoverMessage: z.record(Locale, z.string().min(1).max(600)),
    /** Why, in words a customer reads. */
    reasons: z.record(EscalationReason, z.record(Locale, z.string().min(1).max(200))),
  }),
  compensation: z.object({
    /** Deepest compensation in percent of the order, further capped by the campaign policy's ceilings. */
    maxPercentOfOrder: z.number().min(0).max(100),
    /** What is offered by band, in percent of the order (before caps). */
    percentByBand: z.partialRecord(SentimentBand, z.number().min(0).max(100)),
    /** Most compensation one customer may receive within `windowDays`, in the policy currency. */
    perCustomerLimit: z.number().min(0),
    windowDays: z.number().int().min(1).max(3650),
  }),
  /** Product suggestions; the association-rule thresholds live in the cross-sell configuration. */
  crossSell: z.object({
    enabled: z.boolean(),
    /** Suggestions per reply. */
    maxSuggestions: z.number().int().min(0).max(5),
  }),
  store: z.object({
    /** Days after the order a return is accepted. */
    returnWindowDays: z.number().int().min(0).max(365),
    returns: z.record(Locale, z.string().min(1).max(600)),
    shipping: z.record(Locale, z.string().min(1).max(600)),
  }),
});
export type SupportPolicy = z.infer<typeof SupportPolicy>;
export type RegisterStyle = z.infer<typeof RegisterStyle>;
export type ToneRule = z.infer<typeof ToneRule>;
