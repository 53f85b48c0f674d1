// The small closed vocabularies every other schema shares: channels, locales, event types.
import { z } from 'zod';

export const Channel = z.enum(['sms', 'email', 'push', 'wecom']);
export type Channel = z.infer<typeof Channel>;
export const CHANNELS = Channel.options;

export const Locale = z.enum(['en', 'zh']);
export type Locale = z.infer<typeof Locale>;

export const EventType = z.enum(['view', 'add_to_cart', 'purchase', 'login', 'open', 'click', 'unsubscribe']);
export type EventType = z.infer<typeof EventType>;

export const Gender = z.enum(['female', 'male', 'unknown']);
export type Gender = z.infer<typeof Gender>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** A wall-clock time, `HH:mm` (24 h). */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm');
/** A wall-clock date and time without zone, `YYYY-MM-DDTHH:mm`; the zone is given beside it. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'expected a local date-time as YYYY-MM-DDTHH:mm');
