import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors.ts';
import { addDays, isWithinQuietHours, minutesBetween, nextAllowedLocalTime } from './quiet-hours-time.ts';

const overnight = { start: '21:00', end: '08:00' };
const lunch = { start: '12:00', end: '14:00' };

describe('isWithinQuietHours', () => {
  it('handles quiet hours that span midnight', () => {
    expect(['21:00', '23:59', '00:00', '07:59'].map((time) => isWithinQuietHours(time, overnight))).toEqual([true, true, true, true]);
    expect(['08:00', '12:00', '20:59'].map((time) => isWithinQuietHours(time, overnight))).toEqual([false, false, false]);
  });

  it('handles quiet hours within a day, and none at all', () => {
    expect(['11:59', '12:00', '13:59', '14:00'].map((time) => isWithinQuietHours(time, lunch))).toEqual([false, true, true, false]);
    expect(isWithinQuietHours('03:00', { start: '00:00', end: '00:00' })).toBe(false);
  });

  it('rejects malformed times', () => {
    expect(() => isWithinQuietHours('9pm', overnight)).toThrow(CodedError);
  });
});

describe('nextAllowedLocalTime', () => {
  it('moves late evening to the next morning and early morning to the same morning', () => {
    expect(nextAllowedLocalTime('2025-11-11T23:30', overnight)).toBe('2025-11-12T08:00');
    expect(nextAllowedLocalTime('2025-11-11T06:00', overnight)).toBe('2025-11-11T08:00');
    expect(nextAllowedLocalTime('2025-12-31T21:00', overnight)).toBe('2026-01-01T08:00');
    expect(nextAllowedLocalTime('2025-11-11T12:30', lunch)).toBe('2025-11-11T14:00');
  });

  it('leaves an allowed time as it is', () => {
    expect(nextAllowedLocalTime('2025-11-11T10:00', overnight)).toBe('2025-11-11T10:00');
  });

  it('rejects malformed date-times', () => {
    expect(() => nextAllowedLocalTime('2025-11-11 10:00', overnight)).toThrow('expected YYYY-MM-DDTHH:mm');
  });

  it('always lands outside quiet hours, never earlier, and within a day', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
      ([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    );
    fc.assert(
      fc.property(time, time, time, (start, end, at) => {
        const from = `2025-03-01T${at}`;
        const next = nextAllowedLocalTime(from, { start, end });
        expect(isWithinQuietHours(next.slice(11), { start, end })).toBe(false);
        expect(minutesBetween(from, next)).toBeGreaterThanOrEqual(0);
        expect(minutesBetween(from, next)).toBeLessThan(24 * 60);
      }),
    );
  });
});

describe('date helpers', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('counts wall-clock minutes', () => {
    expect(minutesBetween('2025-11-11T23:30', '2025-11-12T08:00')).toBe(510);
  });
});
