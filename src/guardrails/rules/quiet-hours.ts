// Rule `quiet_hours.local_time`: no message lands inside the policy's quiet hours, in each
// recipient's own local time, under the window for each planned channel and recipient country.
// A one-off send planned inside them moves to their end (a recurring send moves with all its
// occurrences); sends made as soon as possible or by a trigger are held to the next allowed local
// time when they go out.
import type { Schedule } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { nextAllowedUnderAll, quietHoursInAudience, windowContaining, type ScopedQuietHours } from '../quiet-hours-for.ts';
import { minutesBetween } from '../quiet-hours-time.ts';
import type { QuietHours } from '../quiet-hours-time.ts';
import { say } from '../verdict-text.ts';

export const QUIET_HOURS = 'quiet_hours.local_time';

const readable = (localDateTime: string) => localDateTime.replace('T', ' ');
const span = (quietHours: QuietHours) => `${quietHours.start}-${quietHours.end}`;

function chineseDate(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${month}月${day}日`;
}

/** The summary with the old send time replaced where it appears, and a note saying why it changed. */
export function rewriteSummary(summary: string, from: string, to: string, quietHours: QuietHours, locale: Locale): string {
  const [fromDate, fromTime] = from.split('T') as [string, string];
  const [toDate, toTime] = to.split('T') as [string, string];
  let rewritten = summary.replaceAll(from, to).replaceAll(readable(from), readable(to));
  const dateChanged = fromDate !== toDate;
  const dateFound = !dateChanged || rewritten.includes(fromDate) || rewritten.includes(chineseDate(fromDate)) || rewritten.includes(toDate);
  if (dateChanged) rewritten = rewritten.replaceAll(fromDate, toDate).replaceAll(chineseDate(fromDate), chineseDate(toDate));
  const timeFound = rewritten.includes(fromTime) || rewritten.includes(toTime);
  rewritten = rewritten.replaceAll(fromTime, toTime);
  const complete = dateFound && timeFound;
  const note =
    locale === 'zh'
      ? complete
        ? `（已避开免打扰时段 ${span(quietHours)}）`
        : `（为避开免打扰时段 ${span(quietHours)}，改为当地时间 ${readable(to)} 发送）`
      : complete
        ? ` (moved out of quiet hours ${span(quietHours)})`
        : ` (moved to ${readable(to)} local time, out of quiet hours ${span(quietHours)})`;
  return `${rewritten.trimEnd()}${note}`.trim();
}

/** A recurring schedule with every occurrence moved by the same wall-clock shift. */
function shiftRecurrence(recurrence: NonNullable<Schedule['recurrence']>, minutes: number): NonNullable<Schedule['recurrence']> {
  const occurrences = recurrence.occurrences.map((local) => new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16));
  // Past midnight the days move too: every Monday 23:30 becomes every Tuesday 08:00.
  const [from, to] = [recurrence.occurrences[0], occurrences[0]];
  const dayShift = from && to ? Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000) : 0;
  const weekdays = recurrence.weekdays.map((day) => ((((day - 1 + dayShift) % 7) + 7) % 7) + 1).sort((a, b) => a - b);
  return { ...recurrence, weekdays, localTime: occurrences[0]?.slice(11) ?? recurrence.localTime, occurrences };
}

function shiftInstant(isoInstant: string | null, minutes: number): string | null {
  return isoInstant === null ? null : new Date(Date.parse(isoInstant) + minutes * 60_000).toISOString();
}

/** The planned wall-clock send, from the schedule or else from the brief's timing. */
function plannedLocalDateTime(input: GuardrailInput): string | null {
  const { schedule, brief } = input.draft;
  if (schedule.localDateTime) return schedule.localDateTime;
  if (brief.timing.kind === 'at') return brief.timing.localDateTime;
  if (brief.timing.kind === 'window') return `${brief.timing.from}T${brief.timing.localTime}`;
  return null;
}

/** The windows as `21:00-08:00`, or `21:00-08:00 (default), 22:00-09:00 (CN)` when they differ by place or channel. */
function spans(windows: readonly ScopedQuietHours[]): string {
  if (windows.length === 1 && windows[0]!.scope === 'default') return span(windows[0]!);
  return windows.map((window) => `${span(window)} (${window.scope})`).join(', ');
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy, audience } = input;
  const locale = draft.brief.locale;
  const windows = quietHoursInAudience(policy.quietHours, { channels: draft.brief.channels, countries: audience.countries });
  const quiet = spans(windows);
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: QUIET_HOURS, status, detail });

  if (draft.schedule.kind === 'asap' || draft.schedule.kind === 'trigger') {
    const detail = say(
      locale,
      `each send is held to the recipient's next allowed local time, outside quiet hours (${quiet})`,
      `每条消息都会顺延到收件人当地时间的下一个允许时段，避开免打扰时段（${quiet}）`,
    );
    return { verdict: verdict('pass', detail), draft, exclusions: [] };
  }
  const planned = plannedLocalDateTime(input);
  if (planned === null) {
    const detail = say(locale, 'the schedule has no send time to check against quiet hours', '排期中没有可对照免打扰时段检查的发送时间');
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const hit = windowContaining(planned, windows);
  if (!hit) {
    const detail = say(
      locale,
      `sends at ${readable(planned)} in each recipient's local time, outside quiet hours (${quiet})`,
      `在每位收件人当地时间 ${readable(planned)} 发送，不在免打扰时段（${quiet}）内`,
    );
    return { verdict: verdict('pass', detail), draft, exclusions: [] };
  }

  let moved = nextAllowedUnderAll(planned, windows);
  if (moved === null) {
    const detail = say(
      locale,
      `quiet hours (${quiet}) together leave no time of day to send at`,
      `免打扰时段（${quiet}）合起来覆盖了全天，没有可发送的时间`,
    );
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  let because = say(
    locale,
    `so the send moves to ${readable(moved)} in each recipient's local time`,
    `因此改为在每位收件人当地时间 ${readable(moved)} 发送`,
  );
  const timing = draft.brief.timing;
  if (timing.kind === 'window' && moved.slice(0, 10) > timing.to) {
    const earlier = nextAllowedUnderAll(`${planned.slice(0, 10)}T${hit.end}`, windows);
    if (earlier === null || earlier.slice(0, 10) > timing.to) {
      const detail = say(
        locale,
        `${readable(planned)} falls in quiet hours (${quiet}) and no allowed time is left before the window ends on ${timing.to}`,
        `${readable(planned)} 处于免打扰时段（${quiet}），且活动期 ${timing.to} 结束前没有可发送的时间`,
      );
      return { verdict: verdict('blocked', detail), draft, exclusions: [] };
    }
    moved = earlier;
    because = say(
      locale,
      `and the next allowed time is after the window ends on ${timing.to}, so the send moves earlier to ${readable(moved)} in each recipient's local time`,
      `而下一个允许时段在活动期 ${timing.to} 结束之后，因此提前到每位收件人当地时间 ${readable(moved)} 发送`,
    );
  }
  const shift = minutesBetween(planned, moved);
  const schedule: Schedule = {
    ...draft.schedule,
    localDateTime: moved,
    summary: rewriteSummary(draft.schedule.summary, planned, moved, hit, locale),
    quietHours: { start: policy.quietHours.start, end: policy.quietHours.end },
    firstSendUtc: shiftInstant(draft.schedule.firstSendUtc, shift),
    lastSendUtc: shiftInstant(draft.schedule.lastSendUtc, shift),
    ...(draft.schedule.recurrence ? { recurrence: shiftRecurrence(draft.schedule.recurrence, shift) } : {}),
  };
  const detail = say(
    locale,
    `${readable(planned)} falls in quiet hours (${quiet}), ${because}`,
    `${readable(planned)} 处于免打扰时段（${quiet}），${because}`,
  );
  return { verdict: verdict('fixed', detail), draft: { ...draft, schedule }, exclusions: [] };
}

export const quietHoursLocalTime: GuardrailRule = { id: QUIET_HOURS, check };
