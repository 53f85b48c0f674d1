import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/domain/plan.ts';
import { countDelayedByQuietHours, sendDateOf, sendPlanOf } from './quiet-hours-reach.ts';

const quietHours = { start: '21:00', end: '08:00' };
const recipients = [
  ...Array.from({ length: 3 }, () => ({ timeZone: 'Asia/Shanghai' })),
  ...Array.from({ length: 2 }, () => ({ timeZone: 'America/New_York' })),
];

describe('countDelayedByQuietHours', () => {
  it('counts recipients whose zone is in quiet hours when an asap campaign goes out', () => {
    // 13:00 UTC is 21:00 in Shanghai (quiet) and 08:00 in New York (allowed).
    const asOf = new Date('2026-03-02T13:00:00Z');
    expect(countDelayedByQuietHours(recipients, { kind: 'asap', localDateTime: null }, quietHours, asOf)).toBe(3);
    expect(countDelayedByQuietHours(recipients, { kind: 'asap', localDateTime: null }, quietHours, new Date('2026-03-02T04:00:00Z'))).toBe(2);
  });

  it('uses the planned wall-clock time, the same in every zone, and knows nothing for triggers', () => {
    const asOf = new Date('2026-03-02T13:00:00Z');
    expect(countDelayedByQuietHours(recipients, { kind: 'at', localDateTime: '2026-03-03T22:30' }, quietHours, asOf)).toBe(5);
    expect(countDelayedByQuietHours(recipients, { kind: 'window', localDateTime: '2026-11-11T10:00' }, quietHours, asOf)).toBe(0);
    expect(countDelayedByQuietHours(recipients, { kind: 'trigger', localDateTime: null }, quietHours, asOf)).toBeNull();
  });
});

describe('send plans', () => {
  it('come from the schedule when there is one, else from the brief timing', () => {
    const schedule = { kind: 'at', localDateTime: '2026-03-03T10:00' } as Schedule;
    expect(sendPlanOf(schedule, { kind: 'asap' })).toEqual({ kind: 'at', localDateTime: '2026-03-03T10:00' });
    expect(sendPlanOf(null, { kind: 'window', label: '618', from: '2026-06-01', to: '2026-06-18', localTime: '09:30' })).toEqual({
      kind: 'window',
      localDateTime: '2026-06-01T09:30',
    });
    expect(sendPlanOf(undefined, { kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' })).toEqual({ kind: 'trigger', localDateTime: null });
    expect(sendDateOf({ kind: 'at', localDateTime: '2026-03-03T10:00' }, new Date('2026-03-02T13:00:00Z'))).toBe('2026-03-03');
    expect(sendDateOf({ kind: 'asap', localDateTime: null }, new Date('2026-03-02T13:00:00Z'))).toBe('2026-03-02');
  });
});
