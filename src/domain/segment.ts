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
