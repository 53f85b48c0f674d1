// Turns the brief's timing into a concrete schedule: the wall-clock send time in each recipient's
// own zone (each occurrence of a recurring send), the span of real instants that covers, trigger
// details, and the quiet hours that apply.
import { DateTime } from 'luxon';
import type { Timing } from '../../src/domain/brief.ts';
import type { Schedule } from '../../src/domain/plan.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { describeRecurrence, expandRecurrence } from './recurrence.ts';

export interface ResolveScheduleOptions {
  timing: Timing;
  locale: Locale;
  quietHours: { start: string; end: string };
  asOf: Date;
  /** Where the recipients are: their zones (with counts, unused here but kept for reporting). */
  timeZones: ReadonlyArray<{ timeZone: string }>;
}

const EVENT_NAMES: Record<Locale, Record<string, string>> = {
  en: { add_to_cart: 'adding to cart', purchase: 'a purchase', view: 'a product view', login: 'a login', open: 'an open', click: 'a click', unsubscribe: 'an unsubscribe' },
  zh: { add_to_cart: '加购', purchase: '购买', view: '浏览商品', login: '登录', open: '打开消息', click: '点击', unsubscribe: '退订' },
};

function formatDelay(minutes: number, locale: Locale): string {
  if (minutes % 1440 === 0 && minutes > 0) return locale === 'zh' ? `${minutes / 1440}天` : `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0 && minutes > 0) return locale === 'zh' ? `${minutes / 60}小时` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return locale === 'zh' ? `${minutes}分钟` : `${minutes} minutes`;
}

/** The earliest and latest real instant at which `localDateTime` occurs across the zones. */
export function instantSpan(localDateTime: string, zones: ReadonlyArray<{ timeZone: string }>): { first: string; last: string } | null {
  const instants = zones
    .map(({ timeZone }) => DateTime.fromISO(localDateTime, { zone: timeZone }))
    .filter((instant) => instant.isValid)
    .map((instant) => instant.toMillis());
  if (instants.length === 0) return null;
  return { first: new Date(Math.min(...instants)).toISOString(), last: new Date(Math.max(...instants)).toISOString() };
}

/** For a period, the first day at `localTime` that is still ahead of `asOf` (by UTC+14, the earliest zone). */
function firstSendInWindow(timing: Extract<Timing, { kind: 'window' }>, asOf: Date): string {
  let day = DateTime.fromISO(timing.from, { zone: 'UTC' });
  const last = DateTime.fromISO(timing.to, { zone: 'UTC' });
  while (day <= last) {
    const local = `${day.toISODate()}T${timing.localTime}`;
    if (DateTime.fromISO(local, { zone: 'Pacific/Kiritimati' }).toMillis() > asOf.getTime()) return local;
    day = day.plus({ days: 1 });
  }
  return `${timing.from}T${timing.localTime}`;
}

export function resolveSchedule({ timing, locale, quietHours, asOf, timeZones }: ResolveScheduleOptions): Schedule {
  const zh = locale === 'zh';
  const quiet = zh ? `免打扰时段 ${quietHours.start}-${quietHours.end}（收件人当地时间）` : `quiet hours ${quietHours.start}-${quietHours.end} (recipient's local time)`;
  const base = { timeZoneHandling: 'recipient_local' as const, quietHours, trigger: null, localDateTime: null, firstSendUtc: null, lastSendUtc: null };
  switch (timing.kind) {
    case 'asap':
      return {
        ...base,
        kind: 'asap',
        summary: zh ? `审批后立即发送，避开${quiet}` : `As soon as approved, holding each send out of ${quiet}`,
        firstSendUtc: asOf.toISOString(),
      };
    case 'at':
    case 'window': {
      const localDateTime = timing.kind === 'at' ? timing.localDateTime : firstSendInWindow(timing, asOf);
      const span = instantSpan(localDateTime, timeZones);
      const when = localDateTime.replace('T', ' ');
      const period = timing.kind === 'window' ? (zh ? `${timing.label}期间（${timing.from} 至 ${timing.to}），` : `During ${timing.label} (${timing.from} to ${timing.to}): `) : '';
      return {
        ...base,
        kind: timing.kind,
        localDateTime,
        summary: zh ? `${period}在每位收件人当地时间 ${when} 发送；${quiet}` : `${period}send at ${when} in each recipient's local time; ${quiet}`,
        firstSendUtc: span?.first ?? null,
        lastSendUtc: span?.last ?? null,
      };
    }
    case 'recurring': {
      const recurrence = expandRecurrence(timing, asOf);
      const first = recurrence.occurrences[0] ?? null;
      const last = recurrence.occurrences[recurrence.occurrences.length - 1] ?? null;
      const rule = describeRecurrence(recurrence, locale);
      return {
        ...base,
        kind: 'recurring',
        localDateTime: first,
        recurrence,
        summary: zh ? `${rule}，在每位收件人当地时间发送；${quiet}` : `Send ${rule}, in each recipient's local time; ${quiet}`,
        firstSendUtc: first ? (instantSpan(first, timeZones)?.first ?? null) : null,
        lastSendUtc: last ? (instantSpan(last, timeZones)?.last ?? null) : null,
      };
    }
    case 'trigger': {
      const names = EVENT_NAMES[locale];
      const delay = formatDelay(timing.delayMinutes, locale);
      const event = names[timing.event] ?? timing.event;
      const unless = timing.unlessEvent ? (names[timing.unlessEvent] ?? timing.unlessEvent) : null;
      return {
        ...base,
        kind: 'trigger',
        trigger: { event: timing.event, delayMinutes: timing.delayMinutes, unlessEvent: timing.unlessEvent },
        summary: zh
          ? `${event}后${delay}发送${unless ? `，若期间已${unless}则取消` : ''}；${quiet}`
          : `${delay} after ${event}${unless ? `, cancelled if ${unless} happens first` : ''}; ${quiet}`,
      };
    }
  }
}
