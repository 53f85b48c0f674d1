// How quiet hours touch the reach: sends planned inside a recipient's quiet hours go out when they
// end (delayed, never dropped). Counts those recipients from the planned local send time in each
// of their zones, and names the send date the forecast's season refers to.
import { DateTime } from 'luxon';
import type { Timing } from '../../src/domain/brief.ts';
import type { Schedule } from '../../src/domain/plan.ts';
import { isWithinQuietHours, type QuietHours } from '../../src/guardrails/quiet-hours-time.ts';

/** When a campaign sends: now (asap), a wall-clock time in each recipient's zone, or on an event. */
export interface SendPlan {
  kind: 'asap' | 'at' | 'window' | 'trigger';
  /** `YYYY-MM-DDTHH:mm` in each recipient's zone, for `at` and `window`. */
  localDateTime: string | null;
}

/** The send plan of a resolved schedule, else of the brief's timing. */
export function sendPlanOf(schedule: Schedule | null | undefined, timing: Timing): SendPlan {
  // A recurring send is read as its first occurrence.
  if (schedule) return { kind: schedule.kind === 'recurring' ? 'at' : schedule.kind, localDateTime: schedule.localDateTime };
  switch (timing.kind) {
    case 'recurring':
      return { kind: 'at', localDateTime: null };
    case 'at':
      return { kind: 'at', localDateTime: timing.localDateTime };
    case 'window':
      return { kind: 'window', localDateTime: `${timing.from}T${timing.localTime}` };
    default:
      return { kind: timing.kind, localDateTime: null };
  }
}

/**
 * Recipients whose planned local send time falls in their quiet hours; null for trigger campaigns,
 * whose sends follow events at times nobody knows in advance.
 */
export function countDelayedByQuietHours(
  recipients: ReadonlyArray<{ timeZone: string }>,
  plan: SendPlan,
  quietHours: QuietHours,
  asOf: Date,
): number | null {
  if (plan.kind === 'trigger') return null;
  const perZone = new Map<string, number>();
  for (const recipient of recipients) perZone.set(recipient.timeZone, (perZone.get(recipient.timeZone) ?? 0) + 1);
  let delayed = 0;
  for (const [zone, count] of perZone) {
    const local = plan.localDateTime ? plan.localDateTime.slice(11, 16) : DateTime.fromJSDate(asOf, { zone }).toFormat('HH:mm');
    if (/^\d{2}:\d{2}$/.test(local) && isWithinQuietHours(local, quietHours)) delayed += count;
  }
  return delayed;
}

/** The (first) send date, `YYYY-MM-DD`: the planned local date, or as-of for asap and trigger campaigns. */
export function sendDateOf(plan: SendPlan, asOf: Date): string {
  return plan.localDateTime ? plan.localDateTime.slice(0, 10) : asOf.toISOString().slice(0, 10);
}
