// Quiet-hours arithmetic on wall-clock times, shared by the quiet-hours guardrail and the
// scheduler: is a local time inside quiet hours, and when is the next time a message may go.
// Quiet hours run from `start` (inclusive) to `end` (exclusive); a start after the end spans
// midnight; equal start and end mean no quiet hours at all.
import { CodedError, ErrorCode } from '../errors.ts';

export interface QuietHours {
  start: string;
  end: string;
}

const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(([01]\d|2[0-3]):[0-5]\d)$/;

function minutesOf(localTime: string, field: string): number {
  const match = localTime.match(localTimePattern);
  if (!match) throw new CodedError(ErrorCode.InvalidInput, `${field}: expected a time as HH:mm, got "${localTime}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isWithinQuietHours(localTime: string, quietHours: QuietHours): boolean {
  const time = minutesOf(localTime, 'localTime');
  const start = minutesOf(quietHours.start, 'quietHours.start');
  const end = minutesOf(quietHours.end, 'quietHours.end');
  if (start === end) return false;
  return start < end ? time >= start && time < end : time >= start || time < end;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** Minutes from one wall-clock date-time to another, as a clock on the wall would count them. */
export function minutesBetween(fromLocalDateTime: string, toLocalDateTime: string): number {
  const instant = (value: string) => Date.parse(`${value}:00Z`);
  return (instant(toLocalDateTime) - instant(fromLocalDateTime)) / 60_000;
}

/**
 * The earliest wall-clock date-time at or after `localDateTime` outside quiet hours:
 * with quiet hours 21:00-08:00, `2025-11-11T23:30` -> `2025-11-12T08:00` and `2025-11-11T06:00` -> `2025-11-11T08:00`.
 */
export function nextAllowedLocalTime(localDateTime: string, quietHours: QuietHours): string {
  const match = localDateTime.match(localDateTimePattern);
  if (!match) {
    throw new CodedError(ErrorCode.InvalidInput, `localDateTime: expected YYYY-MM-DDTHH:mm, got "${localDateTime}"`);
  }
  const date = localDateTime.slice(0, 10);
  const time = match[4]!;
  if (!isWithinQuietHours(time, quietHours)) return localDateTime;
  const spansMidnight = minutesOf(quietHours.start, 'quietHours.start') > minutesOf(quietHours.end, 'quietHours.end');
  const endsNextDay = spansMidnight && minutesOf(time, 'localTime') >= minutesOf(quietHours.start, 'quietHours.start');
  return `${endsNextDay ? addDays(date, 1) : date}T${quietHours.end}`;
}
