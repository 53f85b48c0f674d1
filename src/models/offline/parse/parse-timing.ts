// Turns the "when" of a goal or edit into a Timing: a trigger ("2 hours after add to cart"), a repeating
// send ("every Monday 10am for 4 weeks", 每周一上午10点), a shopping period (双11), a wall-clock send
// ("next Tuesday 10am", "明天早上9点") or as soon as approved.
// Relative days are resolved against `now` in the marketer's zone; see parse-date.ts for the rules.
import type { DateTime } from 'luxon';
import type { Timing } from '../../../domain/brief.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { type ClockTime, type DayPartTime, findClockTime, findDayPartTime } from './parse-clock.ts';
import { type FoundDate, findDates } from './parse-date.ts';
import { type FoundRecurrence, findRecurrence } from './parse-recurrence.ts';
import { type FoundTrigger, findTrigger } from './parse-trigger.ts';
import { type FoundPeriod, findPeriod } from './periods.ts';
import { maskSpan, say } from './text.ts';

export interface TimingContext {
  /** The current instant in the marketer's zone. */
  now: DateTime;
  locale: Locale;
}

export interface TimingParts {
  trigger: FoundTrigger | null;
  period: FoundPeriod | null;
  /** A period that was named but cannot be dated offline. */
  undatedPeriod: string | null;
  date: FoundDate | null;
  clock: ClockTime | null;
  /** "morning", 晚上: used for the time of day when no clock time is given. */
  dayPart: DayPartTime | null;
  /** "now", "immediately", "立即". */
  immediate: boolean;
  /** "every Monday for 4 weeks", 每周一: a repeating send. */
  recurrence: FoundRecurrence | null;
}

export const DEFAULT_SEND_TIME = '10:00';
const IMMEDIATE = /\bright (?:now|away)\b|\bimmediately\b|\basap\b|\bas soon as possible\b|\bsend (?:it )?now\b|立即|马上|立刻|尽快|现在(?:就)?发/;

export function findTimingParts(text: string, context: TimingContext): TimingParts {
  const today = context.now.startOf('day');
  const trigger = findTrigger(text);
  const { period, undated } = findPeriod(text, today, context.locale);
  // "Black Friday" and 黑色星期五 name a period, not a weekday.
  let rest = period ? maskSpan(text, period.start, period.end) : text;
  // "every Monday" and 每周一 name a rule, not the date of one send.
  const recurrence = trigger ? null : findRecurrence(rest);
  for (const span of recurrence?.spans ?? []) rest = maskSpan(rest, span.start, span.end);
  const date = findDates(rest, today)[0] ?? null;
  const clock = findClockTime(rest);
  const dayPart = clock ? null : findDayPartTime(rest);
  return { trigger, period, undatedPeriod: undated, date, clock, dayPart, immediate: IMMEDIATE.test(text), recurrence };
}

const pad = (value: number): string => String(value).padStart(2, '0');
const clockText = (clock: { hour: number; minute: number }): string => `${pad(clock.hour)}:${pad(clock.minute)}`;
const localDateTime = (day: DateTime, time: string): string => `${day.toFormat('yyyy-MM-dd')}T${time}`;

function triggerTiming(trigger: FoundTrigger): Timing {
  return { kind: 'trigger', event: trigger.event, delayMinutes: trigger.delayMinutes, unlessEvent: trigger.unlessEvent };
}

function periodTiming(period: FoundPeriod, localTime: string): Timing {
  return { kind: 'window', label: period.label, from: period.from.toFormat('yyyy-MM-dd'), to: period.to.toFormat('yyyy-MM-dd'), localTime };
}

/** The first moment at `time` that is still ahead: today if it has not passed, else tomorrow. */
function nextAt(now: DateTime, clock: ClockTime): DateTime {
  const today = now.set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 });
  return today > now ? today : today.plus({ days: 1 });
}

export interface ResolvedTiming {
  timing: Timing;
  assumptions: string[];
}

/** Sends a repeating goal gets when it does not say how long it runs: four weeks, or a week of daily sends. */
export const DEFAULT_RECURRING_WEEKS = 4;

function recurringTiming(parts: TimingParts, recurrence: FoundRecurrence, fallbackTime: string): Extract<Timing, { kind: 'recurring' }> {
  const perWeek = recurrence.weekdays.length;
  return {
    kind: 'recurring',
    weekdays: recurrence.weekdays,
    localTime: parts.clock ? clockText(parts.clock) : parts.dayPart ? clockText(parts.dayPart) : fallbackTime,
    count: recurrence.count ?? (perWeek === 7 ? 7 : DEFAULT_RECURRING_WEEKS * perWeek),
    startDate: parts.date ? parts.date.date.toFormat('yyyy-MM-dd') : null,
  };
}

function resolveRecurring(parts: TimingParts, recurrence: FoundRecurrence, { locale }: TimingContext): ResolvedTiming {
  const timing = recurringTiming(parts, recurrence, DEFAULT_SEND_TIME);
  const notes: string[] = [];
  if (parts.dayPart && !parts.clock) notes.push(say(locale, `"${parts.dayPart.word}" = ${timing.localTime}`, `“${parts.dayPart.word}” = ${timing.localTime}`));
  else if (!parts.clock) notes.push(say(locale, `no time of day given: sending at ${DEFAULT_SEND_TIME}`, `未指定具体时间：${DEFAULT_SEND_TIME} 发送`));
  if (recurrence.count === null) {
    notes.push(say(locale, `no end given: ${timing.count} sends, then it stops`, `未指定结束时间：共发送${timing.count}次后停止`));
  }
  return { timing, assumptions: notes };
}

/** The timing a fresh goal asks for, with notes on every default or relative word that was filled in. */
export function resolveTiming(parts: TimingParts, context: TimingContext): ResolvedTiming {
  const { locale, now } = context;
  if (parts.trigger) return { timing: triggerTiming(parts.trigger), assumptions: [] };
  if (parts.recurrence) return resolveRecurring(parts, parts.recurrence, context);
  if (parts.period && !parts.date) {
    const { label, from, to } = parts.period;
    const sendTime = parts.clock ? clockText(parts.clock) : DEFAULT_SEND_TIME;
    const span = `${from.toFormat('yyyy-MM-dd')} ${say(locale, 'to', '至')} ${to.toFormat('yyyy-MM-dd')}`;
    const springNote = /春节|Spring Festival/.test(label) ? say(locale, ' (the two weeks before New Year’s Day)', '（春节前两周）') : '';
    return {
      timing: periodTiming(parts.period, sendTime),
      assumptions: [say(locale, `${label} = ${span}${springNote}, first send at ${sendTime}`, `${label} = ${span}${springNote}，首次发送时间 ${sendTime}`)],
    };
  }
  if (parts.date || parts.clock) {
    const notes: string[] = [];
    let day: DateTime;
    let time: string;
    if (parts.date) {
      day = parts.date.date;
      time = parts.clock ? clockText(parts.clock) : parts.dayPart ? clockText(parts.dayPart) : DEFAULT_SEND_TIME;
      if (parts.dayPart && !parts.clock) notes.push(say(locale, `"${parts.dayPart.word}" = ${time}`, `“${parts.dayPart.word}” = ${time}`));
      else if (!parts.clock) notes.push(say(locale, `no time of day given: sending at ${DEFAULT_SEND_TIME}`, `未指定具体时间：${DEFAULT_SEND_TIME} 发送`));
      if (parts.clock && day.hasSame(now, 'day') && now.set({ hour: parts.clock.hour, minute: parts.clock.minute }) <= now) {
        day = day.plus({ days: 1 });
        notes.push(say(locale, 'that time has already passed today: moved to tomorrow', '该时间今天已过：顺延到明天'));
      }
    } else {
      const clock = parts.clock as ClockTime;
      day = nextAt(now, clock);
      time = clockText(clock);
    }
    const timing: Timing = { kind: 'at', localDateTime: localDateTime(day, time) };
    if (parts.date?.relative || !parts.date) {
      const weekday = day.setLocale(locale === 'zh' ? 'zh-CN' : 'en-US').toFormat('ccc');
      notes.unshift(say(locale, `send time = ${weekday} ${day.toFormat('yyyy-MM-dd')} ${time}, in each recipient's local time`, `发送时间 = ${day.toFormat('yyyy-MM-dd')}（${weekday}）${time}（按收件人当地时间）`));
    }
    return { timing, assumptions: notes };
  }
  if (parts.undatedPeriod) {
    return {
      timing: { kind: 'asap' },
      assumptions: [say(locale, `${parts.undatedPeriod} could not be dated: sending as soon as approved (name a date to schedule it)`, `无法确定${parts.undatedPeriod}的日期：审批通过后立即发送（如需定时请给出具体日期）`)],
    };
  }
  if (parts.immediate) return { timing: { kind: 'asap' }, assumptions: [] };
  return { timing: { kind: 'asap' }, assumptions: [say(locale, 'no send time given: sending as soon as approved', '未指定发送时间：审批通过后立即发送')] };
}

function currentTime(current: Timing): string | null {
  if (current.kind === 'at') return current.localDateTime.slice(11);
  if (current.kind === 'window' || current.kind === 'recurring') return current.localTime;
  return null;
}

/** The timing after an edit that names only part of it ("at 8pm instead" keeps the day); null when it names none. */
export function reviseTiming(parts: TimingParts, current: Timing, context: TimingContext): Timing | null {
  if (parts.trigger) return triggerTiming(parts.trigger);
  if (parts.recurrence) return recurringTiming(parts, parts.recurrence, currentTime(current) ?? DEFAULT_SEND_TIME);
  if (current.kind === 'recurring' && parts.clock && !parts.date && !parts.period) return { ...current, localTime: clockText(parts.clock) };
  const time = parts.clock ? clockText(parts.clock) : null;
  if (parts.period && !parts.date) return periodTiming(parts.period, time ?? currentTime(current) ?? DEFAULT_SEND_TIME);
  const dayPartTime = parts.dayPart ? clockText(parts.dayPart) : null;
  if (parts.date) return { kind: 'at', localDateTime: localDateTime(parts.date.date, time ?? dayPartTime ?? currentTime(current) ?? DEFAULT_SEND_TIME) };
  if (parts.clock && time) {
    if (current.kind === 'at') return { kind: 'at', localDateTime: `${current.localDateTime.slice(0, 10)}T${time}` };
    if (current.kind === 'window') return { ...current, localTime: time };
    return { kind: 'at', localDateTime: localDateTime(nextAt(context.now, parts.clock), time) };
  }
  if (parts.immediate) return { kind: 'asap' };
  return null;
}
