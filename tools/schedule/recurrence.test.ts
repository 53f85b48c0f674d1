import { describe, expect, it } from 'vitest';
import { describeRecurrence, describeWeekdays, expandRecurrence } from './recurrence.ts';
import { resolveSchedule } from './resolve-schedule.ts';

// Monday 2026-11-23, 16:00 in Shanghai: 10:00 today has passed in every zone east of UTC-6.
const asOf = new Date('2026-11-23T08:00:00Z');
const weekly = { kind: 'recurring' as const, weekdays: [1], localTime: '10:00', count: 4, startDate: null };

describe('expandRecurrence', () => {
  it('starts on the first matching day still ahead in the earliest zone', () => {
    expect(expandRecurrence(weekly, asOf).occurrences).toEqual(['2026-11-30T10:00', '2026-12-07T10:00', '2026-12-14T10:00', '2026-12-21T10:00']);
    expect(expandRecurrence({ ...weekly, localTime: '23:00' }, asOf).occurrences[0]).toBe('2026-11-23T23:00');
  });

  it('walks several weekdays in order from a start date', () => {
    expect(expandRecurrence({ ...weekly, weekdays: [4, 1], count: 3, startDate: '2026-12-03' }, asOf)).toEqual({
      weekdays: [1, 4],
      localTime: '10:00',
      count: 3,
      occurrences: ['2026-12-03T10:00', '2026-12-07T10:00', '2026-12-10T10:00'],
    });
  });
});

describe('describing a recurrence', () => {
  it('in English and Chinese', () => {
    expect(describeWeekdays([1, 4], 'en')).toBe('every Monday and Thursday');
    expect(describeWeekdays([2, 5], 'zh')).toBe('每周二、周五');
    expect(describeWeekdays([1, 2, 3, 4, 5, 6, 7], 'zh')).toBe('每天');
    const recurrence = expandRecurrence(weekly, asOf);
    expect(describeRecurrence(recurrence, 'en')).toBe('every Monday at 10:00, 4 sends (2026-11-30 to 2026-12-21)');
    expect(describeRecurrence(recurrence, 'zh')).toBe('每周一 10:00，共4次（2026-11-30 至 2026-12-21）');
  });
});

describe('resolveSchedule for a recurring timing', () => {
  it('lists the occurrences, the first as the send time, and spans them over the zones', () => {
    const schedule = resolveSchedule({
      timing: weekly,
      locale: 'zh',
      quietHours: { start: '21:00', end: '08:00' },
      asOf,
      timeZones: [{ timeZone: 'Asia/Shanghai' }, { timeZone: 'Europe/London' }],
    });
    expect(schedule).toEqual({
      kind: 'recurring',
      summary: '每周一 10:00，共4次（2026-11-30 至 2026-12-21），在每位收件人当地时间发送；免打扰时段 21:00-08:00（收件人当地时间）',
      localDateTime: '2026-11-30T10:00',
      recurrence: { weekdays: [1], localTime: '10:00', count: 4, occurrences: ['2026-11-30T10:00', '2026-12-07T10:00', '2026-12-14T10:00', '2026-12-21T10:00'] },
      timeZoneHandling: 'recipient_local',
      quietHours: { start: '21:00', end: '08:00' },
      trigger: null,
      firstSendUtc: '2026-11-30T02:00:00.000Z',
      lastSendUtc: '2026-12-21T10:00:00.000Z',
    });
  });
});
