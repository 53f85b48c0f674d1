// Recurring sends: expands "every Monday at 10:00, 4 times" into the wall-clock date-times of each
// occurrence (the same in every recipient's zone), and says the rule in English or Chinese.
import { DateTime } from 'luxon';
import type { Timing } from '../../src/domain/brief.ts';
import type { Recurrence } from '../../src/domain/plan.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';

export type RecurringTiming = Extract<Timing, { kind: 'recurring' }>;

/** A year of days: far more than 52 occurrences of any weekday set need. */
const MAX_DAYS_SCANNED = 400;

/**
 * The occurrences from `startDate` (or else the first matching day whose time is still ahead of
 * `asOf` in the earliest zone, UTC+14), `count` in all.
 */
export function expandRecurrence(timing: RecurringTiming, asOf: Date): Recurrence {
  const weekdays = [...new Set(timing.weekdays)].sort((a, b) => a - b);
  let day = timing.startDate ? DateTime.fromISO(timing.startDate, { zone: 'UTC' }) : DateTime.fromJSDate(asOf, { zone: 'Pacific/Kiritimati' }).startOf('day').setZone('UTC', { keepLocalTime: true });
  const occurrences: string[] = [];
  for (let scanned = 0; occurrences.length < timing.count && scanned < MAX_DAYS_SCANNED; scanned += 1, day = day.plus({ days: 1 })) {
    if (!weekdays.includes(day.weekday)) continue;
    const local = `${day.toISODate()}T${timing.localTime}`;
    if (!timing.startDate && DateTime.fromISO(local, { zone: 'Pacific/Kiritimati' }).toMillis() <= asOf.getTime()) continue;
    occurrences.push(local);
  }
  return { weekdays, localTime: timing.localTime, count: timing.count, occurrences };
}

const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ZH_DAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** "every Monday and Thursday" / "每周一、周四"; every day of the week reads "every day" / "每天". */
export function describeWeekdays(weekdays: readonly number[], locale: Locale): string {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b);
  if (sorted.length === 7) return locale === 'zh' ? '每天' : 'every day';
  if (locale === 'zh') return `每周${sorted.map((day, index) => `${index === 0 ? '' : '周'}${ZH_DAYS[day - 1]}`).join('、')}`;
  const names = sorted.map((day) => EN_DAYS[day - 1]!);
  return `every ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
}

/** The rule in words: "every Monday at 10:00, 4 sends (2026-11-30 to 2026-12-21)". */
export function describeRecurrence(recurrence: Pick<Recurrence, 'weekdays' | 'localTime' | 'count' | 'occurrences'>, locale: Locale): string {
  const first = recurrence.occurrences[0]?.slice(0, 10);
  const last = recurrence.occurrences[recurrence.occurrences.length - 1]?.slice(0, 10);
  const span = first && last ? (locale === 'zh' ? `（${first} 至 ${last}）` : ` (${first} to ${last})`) : '';
  const days = describeWeekdays(recurrence.weekdays, locale);
  return locale === 'zh'
    ? `${days} ${recurrence.localTime}，共${recurrence.count}次${span}`
    : `${days} at ${recurrence.localTime}, ${recurrence.count} send${recurrence.count === 1 ? '' : 's'}${span}`;
}
