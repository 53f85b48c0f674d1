// The segment definition language: one schema for "who receives this campaign".
// A definition is a boolean tree of conditions over profiles, consent, behaviour in a time window,
// value ranks and predicted attributes. Every relative window is evaluated against an as-of time
// supplied at evaluation, never read from the clock inside the compiler.
import { z } from 'zod';
import { Channel, EventType, Gender, IsoDate } from './vocabulary.ts';

/** "last 30 days" (rolling, ends at as-of) and "in October" (calendar, [from, to] inclusive dates) are distinct kinds. */
export const Window = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rolling'), days: z.number().int().min(1).max(3650) }),
  z.object({ type: z.literal('calendar'), from: IsoDate, to: IsoDate }),
]);
export type Window = z.infer<typeof Window>;

const Bounds = { min: z.number().min(0).optional(), max: z.number().min(0).optional() };
const ShortText = z.string().min(1).max(200);

export const AgeCondition = z.object({
  kind: z.literal('age'),
  min: z.number().int().min(0).max(130).optional(),
  max: z.number().int().min(0).max(130).optional(),
});
export const GenderCondition = z.object({ kind: z.literal('gender'), values: z.array(Gender).min(1) });
export const ProfileCondition = z.object({
  kind: z.literal('profile'),
  field: z.enum(['city', 'country', 'locale', 'time_zone']),
  values: z.array(ShortText).min(1).max(500),
});
export const ConsentCondition = z.object({ kind: z.literal('consent'), channel: Channel });
/** Number of events of one type in a window, bounded by min/max (inclusive). */
export const EventCountCondition = z.object({
  kind: z.literal('event_count'),
  event: EventType,
  window: Window,
  ...Bounds,
});
/** Number of orders, or their total value, in a window. */
export const OrderStatCondition = z.object({
  kind: z.literal('order_stat'),
  metric: z.enum(['count', 'total']),
  window: Window,
  ...Bounds,
});
/** Did `first` within the window and no `missing` within `withinMinutes` after it ("added to cart, no purchase within 2 h"). */
export const SequenceCondition = z.object({
  kind: z.literal('sequence'),
  first: EventType,
  missing: EventType,
  withinMinutes: z.number().int().min(1).max(60 * 24 * 90),
  window: Window,
});
/** Top share of customers by order total in the window ("top 20% by 12-month spend"). */
export const SpendRankCondition = z.object({
  kind: z.literal('spend_rank'),
  topShare: z.number().gt(0).max(1),
  window: Window,
});
/**
 * Churn risk from the customer's own login rate: logins in the last 30 days against their daily rate over
 * the 150 days before. `high`: the recent rate fell below 30% of the earlier rate; `medium`: below 60%.
 */
export const ChurnRiskCondition = z.object({ kind: z.literal('churn_risk'), level: z.enum(['medium', 'high']) });
/** Bought at least once in a product category within the window. */
export const CategoryPurchaseCondition = z.object({
  kind: z.literal('category_purchase'),
  category: ShortText,
  window: Window,
});

/** A value a custom attribute is compared with: text, a number or a yes/no flag. */
export const AttributeValue = z.union([z.string().max(200), z.number(), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValue>;
/**
 * A custom attribute (`customers.attributes`, a JSON object). `exists`: the key holds a non-null value;
 * `eq` / `neq` / `in`: text and flags compare as text, numbers numerically (also against numeric text);
 * `gt` / `lt`: numbers numerically, text in text order (ISO dates sort correctly). A customer without
 * the key never matches, not even `neq`.
 */
export const AttributeCondition = z
  .object({
    kind: z.literal('attribute'),
    key: ShortText,
    op: z.enum(['eq', 'neq', 'in', 'gt', 'lt', 'exists']),
    value: AttributeValue.optional(),
    values: z.array(AttributeValue).min(1).max(500).optional(),
  })
  .superRefine((condition, context) => {
    const needsValue = condition.op === 'eq' || condition.op === 'neq' || condition.op === 'gt' || condition.op === 'lt';
    if (needsValue && condition.value === undefined) context.addIssue({ code: 'custom', path: ['value'], message: `op "${condition.op}" needs a value` });
    if (!needsValue && condition.value !== undefined) context.addIssue({ code: 'custom', path: ['value'], message: `op "${condition.op}" takes no value` });
    if (condition.op === 'in' && condition.values === undefined) context.addIssue({ code: 'custom', path: ['values'], message: 'op "in" needs values' });
    if (condition.op !== 'in' && condition.values !== undefined) context.addIssue({ code: 'custom', path: ['values'], message: `op "${condition.op}" takes no values (use "in")` });
    if ((condition.op === 'gt' || condition.op === 'lt') && typeof condition.value === 'boolean') {
      context.addIssue({ code: 'custom', path: ['value'], message: `op "${condition.op}" compares numbers or text, not yes/no flags` });
    }
  });
/**
 * The first (or last) occurrence of an event — or of a completed order, `order` — at or before as-of
 * falls inside the window: "first purchase in the last 30 days" are new customers.
 */
export const EventTimeCondition = z.object({
  kind: z.literal('event_time'),
  event: z.union([EventType, z.literal('order')]),
  which: z.enum(['first', 'last']),
  window: Window,
});
/** An RFM score range, [lowest, highest] of 1-5 inclusive. */
const ScoreRange = z
  .tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
  .refine(([lowest, highest]) => lowest <= highest, { message: 'give the lower score first, e.g. [4, 5]' });
/**
 * RFM quintile scores 1-5 among customers with a completed order in the window (see rfm-sql.ts):
 * recency by their last order there, frequency by the number of orders, monetary by their total;
 * 5 is the most recent, frequent or valuable fifth. Each given range must hold.
 */
export const RfmCondition = z
  .object({
    kind: z.literal('rfm'),
    recency: ScoreRange.optional(),
    frequency: ScoreRange.optional(),
    monetary: ScoreRange.optional(),
    window: Window,
  })
  .refine((condition) => condition.recency || condition.frequency || condition.monetary, {
    message: 'name at least one of recency, frequency or monetary',
  });
/**
 * Expected customer lifetime value over the next year, predicted from the last 12 months of completed
 * orders (method in predicted-value-sql.ts): at least `min`, and/or in the top `topShare` of buyers.
 */
export const PredictedClvCondition = z
  .object({
    kind: z.literal('predicted_clv'),
    topShare: z.number().gt(0).max(1).optional(),
    min: z.number().min(0).optional(),
  })
  .refine((condition) => condition.topShare !== undefined || condition.min !== undefined, { message: 'give topShare or min' });
/** Share of the customer's completed orders in the window that had a discount, within [min, max]; buyers only. */
export const PriceSensitivityCondition = z.object({
  kind: z.literal('price_sensitivity'),
  min: z.number().min(0).max(1).optional(),
  max: z.number().min(0).max(1).optional(),
  window: Window,
});
/**
 * Likely next buyers of a category: customers who bought, in the window, a category whose co-purchase
 * lift with `category` is at least `minLift`, and who have not bought `category` yet (method in
 * affinity-sql.ts).
 */
export const CategoryAffinityCondition = z.object({
  kind: z.literal('category_affinity'),
  category: ShortText,
  minLift: z.number().gt(0).max(1000),
  window: Window,
});

export const LeafCondition = z.discriminatedUnion('kind', [
  AgeCondition,
  GenderCondition,
  ProfileCondition,
  ConsentCondition,
  EventCountCondition,
  OrderStatCondition,
  SequenceCondition,
  SpendRankCondition,
  ChurnRiskCondition,
  CategoryPurchaseCondition,
  AttributeCondition,
  EventTimeCondition,
  RfmCondition,
  PredictedClvCondition,
  PriceSensitivityCondition,
  CategoryAffinityCondition,
]);
export type LeafCondition = z.infer<typeof LeafCondition>;

export type Condition =
  | LeafCondition
  | { kind: 'and'; conditions: Condition[] }
  | { kind: 'or'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition };

// The recursive part needs a declared type (zod cannot infer through the cycle); it only names the
// three combinators, the leaves still come from their schemas above.
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.object({ kind: z.literal('and'), conditions: z.array(Condition).min(1).max(50) }),
    z.object({ kind: z.literal('or'), conditions: z.array(Condition).min(1).max(50) }),
    z.object({ kind: z.literal('not'), condition: Condition }),
  ]),
);

export const SegmentDefinition = z.object({
  version: z.literal(1),
  root: Condition,
});
export type SegmentDefinition = z.infer<typeof SegmentDefinition>;
