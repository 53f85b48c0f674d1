// When one recipient's send goes out: the planned wall-clock time in their own zone, or now, held
// out of their quiet hours. Trigger campaigns have no planned instant (sends follow the event).
import { DateTime } from 'luxon';
import type { Schedule } from '../../src/domain/plan.ts';
import { isWithinQuietHours, nextAllowedLocalTime } from '../../src/guardrails/quiet-hours-time.ts';

export interface SendTimeOptions {
  schedule: Schedule;
  timeZone: string;
  now: Date;
  /** The recipient's own window (policy override for their channel and country); default: the schedule's. */
  quietHours?: Schedule['quietHours'];
}

/** Moves an instant out of the quiet hours of `timeZone`, to the next allowed local time. */
export function holdOutOfQuietHours(instant: Date, timeZone: string, quietHours: Schedule['quietHours']): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!isWithinQuietHours(local.toFormat('HH:mm'), quietHours)) return instant;
  const allowed = nextAllowedLocalTime(local.toFormat("yyyy-MM-dd'T'HH:mm"), quietHours);
  return DateTime.fromISO(allowed, { zone: timeZone }).toJSDate();
}

export function sendInstantFor({ schedule, timeZone, now, quietHours = schedule.quietHours }: SendTimeOptions): Date | null {
  if (schedule.kind === 'trigger') return null;
  const planned =
    schedule.localDateTime && (schedule.kind === 'at' || schedule.kind === 'window')
      ? DateTime.fromISO(schedule.localDateTime, { zone: timeZone }).toJSDate()
      : now;
  // A planned time already past in this zone (approval came late) means: send now, politely.
  const instant = planned.getTime() < now.getTime() ? now : planned;
  return holdOutOfQuietHours(instant, timeZone, quietHours);
}
