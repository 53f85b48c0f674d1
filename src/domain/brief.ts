// The brief: what the marketer asked for, in structured form. The model (or the offline parser)
// fills it from the goal; the plan echoes it back so the marketer can check it was understood.
import { z } from 'zod';
import { Channel, EventType, LocalDateTime, LocalTime, IsoDate, Locale } from './vocabulary.ts';

export const Objective = z.enum([
  'winback', // bring lapsed customers back
  'retention', // keep customers at risk of churning
  'aov', // raise average order value
  'conversion', // turn browsers into buyers
  'cart_recovery', // recover abandoned carts
  'cross_sell', // sell another category to existing buyers
  'activation', // first purchase after sign-up
  'awareness', // announce something, no conversion goal
]);
export type Objective = z.infer<typeof Objective>;

export const Offer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('percent_off'), percent: z.number().gt(0).max(100) }),
  z.object({ type: z.literal('amount_off'), amount: z.number().positive(), currency: z.string().length(3) }),
  /** Spend-threshold offer such as 满300减50: `amount` off when the order reaches `threshold`. */
  z.object({
    type: z.literal('threshold'),
    threshold: z.number().positive(),
    amount: z.number().positive(),
    currency: z.string().length(3),
  }),
  z.object({ type: z.literal('free_shipping') }),
]);
export type Offer = z.infer<typeof Offer>;

export const Timing = z.discriminatedUnion('kind', [
  /** Send once as soon as approved (subject to quiet hours). */
  z.object({ kind: z.literal('asap') }),
  /** Send once at a wall-clock time in each recipient's own time zone. */
  z.object({ kind: z.literal('at'), localDateTime: LocalDateTime }),
  /** A period such as 双11 or 618: send on `from` at `localTime`, the offer runs until `to`. */
  z.object({ kind: z.literal('window'), label: z.string().max(60), from: IsoDate, to: IsoDate, localTime: LocalTime }),
  /** A trigger: `delayMinutes` after `event`, cancelled if `unlessEvent` happens first. */
  z.object({
    kind: z.literal('trigger'),
    event: EventType,
    delayMinutes: z.number().int().min(0).max(60 * 24 * 30),
    unlessEvent: EventType.nullable(),
  }),
  /**
   * Repeats on each of `weekdays` (1 = Monday ... 7 = Sunday) at `localTime` in each recipient's zone,
   * `count` sends in all, from `startDate` (null: the next such day). "Every Monday 10:00 for 4 weeks"
   * is weekdays [1], count 4.
   */
  z.object({
    kind: z.literal('recurring'),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    localTime: LocalTime,
    count: z.number().int().min(1).max(52),
    startDate: IsoDate.nullable(),
  }),
]);
export type Timing = z.infer<typeof Timing>;

export const Budget = z.object({ amount: z.number().positive(), currency: z.string().length(3) });

export const Brief = z.object({
  /** The goal as the marketer wrote it. */
  goal: z.string().min(1).max(2000),
  objective: Objective,
  channels: z.array(Channel).min(1),
  offer: Offer.nullable(),
  timing: Timing,
  locale: Locale,
  /** Product category the campaign promotes, when the goal names one. */
  category: z.string().max(60).nullable(),
  budget: Budget.nullable(),
});
export type Brief = z.infer<typeof Brief>;

/** The discount an offer amounts to, in percent of a typical order of `referenceOrderValue`. */
export function effectiveDiscountPercent(offer: Offer | null, referenceOrderValue: number): number {
  if (!offer) return 0;
  switch (offer.type) {
    case 'percent_off':
      return offer.percent;
    case 'amount_off':
      return referenceOrderValue > 0 ? Math.min(100, (offer.amount / referenceOrderValue) * 100) : 100;
    case 'threshold':
      // The smallest qualifying order gets the deepest discount: that is what the ceiling must bound.
      return Math.min(100, (offer.amount / offer.threshold) * 100);
    case 'free_shipping':
      return 0;
  }
}
