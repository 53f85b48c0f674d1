import { describe, expect, it } from 'vitest';
import { sampleBrief, sampleDraft, sampleInput, samplePolicy, sampleSchedule } from '../guardrail-fixtures.ts';
import { quietHoursLocalTime, rewriteSummary } from './quiet-hours.ts';

const overnight = { start: '21:00', end: '08:00' };

function inputAt(localDateTime: string, summary: string, locale: 'en' | 'zh' = 'en') {
  return sampleInput({
    draft: sampleDraft({
      brief: sampleBrief({ timing: { kind: 'at', localDateTime }, locale }),
      schedule: sampleSchedule({
        localDateTime,
        summary,
        firstSendUtc: `${localDateTime.slice(0, 10)}T15:30:00.000Z`,
        lastSendUtc: `${localDateTime.slice(0, 10)}T23:30:00.000Z`,
      }),
    }),
  });
}

describe('quiet_hours.local_time', () => {
  it('passes a send outside quiet hours', () => {
    const input = sampleInput();
    expect(quietHoursLocalTime.check(input)).toEqual({
      verdict: {
        rule: 'quiet_hours.local_time',
        status: 'pass',
        detail: "sends at 2025-11-11 10:00 in each recipient's local time, outside quiet hours (21:00-08:00)",
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('passes asap and trigger sends, saying each is held at send time', () => {
    for (const kind of ['asap', 'trigger'] as const) {
      const input = sampleInput({ draft: sampleDraft({ schedule: sampleSchedule({ kind, localDateTime: null }) }) });
      expect(quietHoursLocalTime.check(input).verdict).toEqual({
        rule: 'quiet_hours.local_time',
        status: 'pass',
        detail: "each send is held to the recipient's next allowed local time, outside quiet hours (21:00-08:00)",
      });
    }
  });

  it('moves a late-evening send to the next morning and says so', () => {
    const input = inputAt('2025-11-11T23:30', "Send on 2025-11-11 23:30 in each recipient's local time");
    const outcome = quietHoursLocalTime.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'fixed',
      detail: "2025-11-11 23:30 falls in quiet hours (21:00-08:00), so the send moves to 2025-11-12 08:00 in each recipient's local time",
    });
    expect(outcome.draft.schedule).toEqual({
      ...input.draft.schedule,
      localDateTime: '2025-11-12T08:00',
      summary: "Send on 2025-11-12 08:00 in each recipient's local time (moved out of quiet hours 21:00-08:00)",
      firstSendUtc: '2025-11-12T00:00:00.000Z',
      lastSendUtc: '2025-11-12T08:00:00.000Z',
    });
  });

  it('moves an early-morning Chinese send to the same morning', () => {
    const input = inputAt('2025-11-11T06:00', '11月11日 06:00 按收件人当地时间发送', 'zh');
    const outcome = quietHoursLocalTime.check(input);
    expect(outcome.verdict.status).toBe('fixed');
    expect(outcome.draft.schedule.localDateTime).toBe('2025-11-11T08:00');
    expect(outcome.draft.schedule.summary).toBe('11月11日 08:00 按收件人当地时间发送（已避开免打扰时段 21:00-08:00）');
  });

  it('spells out the new time when the summary does not show the old one', () => {
    expect(rewriteSummary('双11当晚发送', '2025-11-11T23:30', '2025-11-12T08:00', overnight, 'zh')).toBe(
      '双11当晚发送（为避开免打扰时段 21:00-08:00，改为当地时间 2025-11-12 08:00 发送）',
    );
    expect(rewriteSummary('Send tonight', '2025-11-11T23:30', '2025-11-12T08:00', overnight, 'en')).toBe(
      'Send tonight (moved to 2025-11-12 08:00 local time, out of quiet hours 21:00-08:00)',
    );
  });

  it('keeps a window send inside its window by moving it to that morning', () => {
    const input = sampleInput({
      draft: sampleDraft({
        brief: sampleBrief({ timing: { kind: 'window', label: '双11', from: '2025-11-11', to: '2025-11-11', localTime: '22:00' } }),
        schedule: sampleSchedule({ kind: 'window', localDateTime: '2025-11-11T22:00', summary: '双11 2025-11-11 22:00' }),
      }),
    });
    const outcome = quietHoursLocalTime.check(input);
    expect(outcome.verdict.detail).toBe(
      '2025-11-11 22:00 falls in quiet hours (21:00-08:00), and the next allowed time is after the window ends on 2025-11-11, ' +
        "so the send moves earlier to 2025-11-11 08:00 in each recipient's local time",
    );
    expect(outcome.draft.schedule.localDateTime).toBe('2025-11-11T08:00');
  });

  it('blocks a one-off send with no time to check', () => {
    const input = sampleInput({
      draft: sampleDraft({ brief: sampleBrief({ timing: { kind: 'asap' } }), schedule: sampleSchedule({ localDateTime: null }) }),
    });
    expect(quietHoursLocalTime.check(input).verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'blocked',
      detail: 'the schedule has no send time to check against quiet hours',
    });
  });

  it('speaks Chinese for a Chinese brief', () => {
    const moved = quietHoursLocalTime.check(inputAt('2025-11-11T23:30', '11月11日 23:30 按收件人当地时间发送', 'zh'));
    expect(moved.verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'fixed',
      detail: '2025-11-11 23:30 处于免打扰时段（21:00-08:00），因此改为在每位收件人当地时间 2025-11-12 08:00 发送',
    });
    expect(quietHoursLocalTime.check(inputAt('2025-11-11T10:00', '11月11日 10:00 发送', 'zh')).verdict.detail).toBe(
      '在每位收件人当地时间 2025-11-11 10:00 发送，不在免打扰时段（21:00-08:00）内',
    );
    const noTime = sampleInput({
      draft: sampleDraft({ brief: sampleBrief({ timing: { kind: 'asap' }, locale: 'zh' }), schedule: sampleSchedule({ localDateTime: null }) }),
    });
    expect(quietHoursLocalTime.check(noTime).verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'blocked',
      detail: '排期中没有可对照免打扰时段检查的发送时间',
    });
  });
});

describe('quiet_hours.local_time with per-channel and per-country windows', () => {
  const policy = samplePolicy();
  policy.quietHours = {
    start: '21:00',
    end: '08:00',
    channels: { email: { start: '23:00', end: '07:00' } },
    countries: { CN: { start: '22:00', end: '09:00', channels: {} } },
  };
  const at = (localDateTime: string, countries: Array<string | null>, channels: Array<'sms' | 'email'> = ['sms']) =>
    sampleInput({
      policy,
      audience: { count: 100, reachable: { sms: 100 }, minors: 0, overFrequencyCap: 0, countries },
      draft: sampleDraft({
        brief: sampleBrief({ channels, timing: { kind: 'at', localDateTime } }),
        schedule: sampleSchedule({ localDateTime, summary: `Send on ${localDateTime.replace('T', ' ')}`, firstSendUtc: null, lastSendUtc: null }),
      }),
    });

  it('passes an e-mail at 21:30 outside China, where the e-mail window starts at 23:00', () => {
    expect(quietHoursLocalTime.check(at('2025-11-11T21:30', ['GB'], ['email'])).verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'pass',
      detail: "sends at 2025-11-11 21:30 in each recipient's local time, outside quiet hours (23:00-07:00 (email))",
    });
  });

  it('moves a 23:30 Shanghai send to 09:00 the next morning, the end of the Chinese window', () => {
    const outcome = quietHoursLocalTime.check(at('2025-11-11T23:30', ['CN']));
    expect(outcome.verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'fixed',
      detail: "2025-11-11 23:30 falls in quiet hours (22:00-09:00 (CN)), so the send moves to 2025-11-12 09:00 in each recipient's local time",
    });
    expect(outcome.draft.schedule.localDateTime).toBe('2025-11-12T09:00');
    expect(outcome.draft.schedule.summary).toBe('Send on 2025-11-12 09:00 (moved out of quiet hours 22:00-09:00)');
  });

  it('moves a send for a mixed audience past the latest window end', () => {
    const outcome = quietHoursLocalTime.check(at('2025-11-11T08:30', ['CN', 'GB']));
    expect(outcome.verdict.status).toBe('fixed');
    expect(outcome.verdict.detail).toBe(
      "2025-11-11 08:30 falls in quiet hours (21:00-08:00 (default), 22:00-09:00 (CN)), so the send moves to 2025-11-11 09:00 in each recipient's local time",
    );
    expect(outcome.draft.schedule.localDateTime).toBe('2025-11-11T09:00');
  });

  it('blocks when the windows of the audience together cover the whole day', () => {
    const covering = samplePolicy();
    covering.quietHours = { ...policy.quietHours, countries: { CN: { start: '07:00', end: '22:00', channels: {} } } };
    const outcome = quietHoursLocalTime.check({ ...at('2025-11-11T23:30', ['CN', 'GB']), policy: covering });
    expect(outcome.verdict).toEqual({
      rule: 'quiet_hours.local_time',
      status: 'blocked',
      detail: 'quiet hours (21:00-08:00 (default), 07:00-22:00 (CN)) together leave no time of day to send at',
    });
    expect(outcome.draft.schedule.localDateTime).toBe('2025-11-11T23:30');
  });
});

describe('quiet_hours.local_time for a recurring send', () => {
  it('moves every occurrence with the first', () => {
    const recurrence = { weekdays: [1], localTime: '23:30', count: 2, occurrences: ['2026-11-30T23:30', '2026-12-07T23:30'] };
    const input = sampleInput({
      draft: sampleDraft({
        brief: sampleBrief({ timing: { kind: 'recurring', weekdays: [1], localTime: '23:30', count: 2, startDate: null } }),
        schedule: sampleSchedule({ kind: 'recurring', localDateTime: '2026-11-30T23:30', recurrence, summary: 'every Monday at 23:30', firstSendUtc: null, lastSendUtc: null }),
      }),
    });
    const outcome = quietHoursLocalTime.check(input);
    expect(outcome.verdict.status).toBe('fixed');
    expect(outcome.draft.schedule.localDateTime).toBe('2026-12-01T08:00');
    expect(outcome.draft.schedule.recurrence).toEqual({ weekdays: [2], localTime: '08:00', count: 2, occurrences: ['2026-12-01T08:00', '2026-12-08T08:00'] });
  });
});
