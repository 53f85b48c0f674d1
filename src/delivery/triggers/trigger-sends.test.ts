// Trigger sends are held out of the quiet hours of their own channel and recipient country.
import { describe, expect, it } from 'vitest';
import { planTriggerSends } from './trigger-sends.ts';

describe('planTriggerSends quiet hours', () => {
  const quietHours = { start: '21:00', end: '08:00', channels: {}, countries: { CN: { start: '22:00', end: '09:00', channels: {} } } };
  // Added to cart at 21:30 in Shanghai; due two hours later at 23:30.
  const event = { id: 7, customerId: 'c1', occurredAt: new Date('2026-11-24T13:30:00Z') };

  it('holds a 23:30 Shanghai trigger send to 09:00 under the Chinese window, 08:00 without a country', () => {
    const plan = (country: string | null) =>
      planTriggerSends({
        events: [event],
        recipients: new Map([['c1', { channel: 'sms' as const, timeZone: 'Asia/Shanghai', country }]]),
        variants: { sms: ['A'] },
        delayMinutes: 120,
        quietHours,
      });
    expect(plan('CN')).toEqual([
      { customerId: 'c1', step: 20781, channel: 'sms', variant: 'A', sendAt: new Date('2026-11-25T01:00:00Z'), triggeredAt: event.occurredAt, triggerEventId: 7 },
    ]);
    expect(plan(null)[0]!.sendAt).toEqual(new Date('2026-11-25T00:00:00Z'));
  });
});
