// The sends scheduling queues: arms (holdout and variants), one step per occurrence, each at the
// recipient's local time outside the quiet hours of their channel and country.
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/domain/plan.ts';
import { planSends } from './plan-sends.ts';

const now = new Date('2026-11-23T08:00:00Z');
const schedule = (changes: Partial<Schedule> = {}): Schedule => ({
  kind: 'at',
  summary: 'test',
  localDateTime: '2026-11-30T10:00',
  timeZoneHandling: 'recipient_local',
  quietHours: { start: '21:00', end: '08:00' },
  trigger: null,
  firstSendUtc: null,
  lastSendUtc: null,
  ...changes,
});
const copy = [
  { channel: 'sms' as const, variant: 'A' },
  { channel: 'sms' as const, variant: 'B' },
];
const quietHours = { start: '21:00', end: '08:00', channels: {}, countries: { CN: { start: '22:00', end: '09:00', channels: {} } } };

describe('planSends', () => {
  it('holds out about the share asked for, recorded as holdout rows at the time they would have been sent', () => {
    const recipients = Array.from({ length: 2000 }, (_, index) => ({ customerId: `c${index}`, channel: 'sms' as const, timeZone: 'Asia/Shanghai', country: 'CN' }));
    const sends = planSends({ campaignId: 'cmp_1', recipients, schedule: schedule(), copy, quietHours, holdoutShare: 0.1, now });
    const byArm: Record<string, typeof sends> = {};
    for (const send of sends) (byArm[send.variant] ??= []).push(send);
    expect(sends).toHaveLength(2000);
    expect(byArm.holdout!.length).toBeGreaterThan(160);
    expect(byArm.holdout!.length).toBeLessThan(240);
    expect(byArm.holdout!.every((send) => send.status === 'holdout')).toBe(true);
    expect([...byArm.A!, ...byArm.B!].every((send) => send.status === 'queued')).toBe(true);
    expect(new Set(sends.map((send) => send.sendAt.toISOString()))).toEqual(new Set(['2026-11-30T02:00:00.000Z']));
    // The same campaign splits the same way again.
    expect(planSends({ campaignId: 'cmp_1', recipients, schedule: schedule(), copy, quietHours, holdoutShare: 0.1, now })).toEqual(sends);
  });

  it('moves a 23:30 send in Shanghai to 09:00 under the Chinese window, and to 08:00 elsewhere', () => {
    const recipients = [
      { customerId: 'cn', channel: 'sms' as const, timeZone: 'Asia/Shanghai', country: 'CN' },
      { customerId: 'sg', channel: 'sms' as const, timeZone: 'Asia/Singapore', country: 'SG' },
    ];
    const sends = planSends({ campaignId: 'cmp_1', recipients, schedule: schedule({ localDateTime: '2026-11-30T23:30' }), copy, quietHours, now });
    expect(sends.map((send) => [send.customerId, send.sendAt.toISOString()])).toEqual([
      ['cn', '2026-12-01T01:00:00.000Z'], // 09:00 in Shanghai
      ['sg', '2026-12-01T00:00:00.000Z'], // 08:00 in Singapore
    ]);
  });

  it('queues one step per occurrence of a recurring send, each recipient keeping their arm', () => {
    const recurring = schedule({
      kind: 'recurring',
      recurrence: { weekdays: [1], localTime: '10:00', count: 3, occurrences: ['2026-11-30T10:00', '2026-12-07T10:00', '2026-12-14T10:00'] },
    });
    const recipients = [{ customerId: 'c1', channel: 'sms' as const, timeZone: 'Europe/London', country: 'GB' }];
    const sends = planSends({ campaignId: 'cmp_1', recipients, schedule: recurring, copy, quietHours, now });
    expect(sends.map(({ step, sendAt, status }) => ({ step, sendAt: sendAt.toISOString(), status }))).toEqual([
      { step: 0, sendAt: '2026-11-30T10:00:00.000Z', status: 'queued' },
      { step: 1, sendAt: '2026-12-07T10:00:00.000Z', status: 'queued' },
      { step: 2, sendAt: '2026-12-14T10:00:00.000Z', status: 'queued' },
    ]);
    expect(new Set(sends.map((send) => send.variant)).size).toBe(1);
  });

  it('skips recipients whose channel has no copy', () => {
    const recipients = [{ customerId: 'c1', channel: 'email' as const, timeZone: 'UTC', country: null }];
    expect(planSends({ campaignId: 'cmp_1', recipients, schedule: schedule(), copy, quietHours, now })).toEqual([]);
  });
});
