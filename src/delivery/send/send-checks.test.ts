// Send-time checks: each failing check gives its decision and reason; quiet hours move the send to
// the next allowed time in the recipient's own zone.
import { describe, expect, it } from 'vitest';
import { decideSend, type SendFacts } from './send-checks.ts';

const policy = { quietHours: { start: '21:00', end: '08:00' }, frequencyCap: { maxMessages: 3, windowDays: 7 } };
const now = new Date('2026-11-24T02:00:00Z'); // 10:00 in Shanghai, 21:00 the day before in New York

const facts = (changes: Partial<SendFacts> = {}): SendFacts => ({
  channel: 'email',
  sendAt: now,
  campaignStatus: 'scheduled',
  timeZone: 'Asia/Shanghai',
  email: 'li@example.com',
  phone: null,
  consentGranted: true,
  suppression: null,
  sentInCapWindow: 0,
  trigger: null,
  ...changes,
});

describe('decideSend', () => {
  it('sends when every check passes', () => {
    expect(decideSend(facts(), { policy, now })).toEqual({ action: 'send' });
  });

  it.each([
    [{ campaignStatus: 'cancelled' }, { action: 'cancel', reason: 'campaign.status: the campaign is cancelled' }],
    [{ consentGranted: false }, { action: 'suppress', reason: 'consent.channel: no consent for email at send time' }],
    [{ suppression: 'email: bounced' }, { action: 'suppress', reason: 'suppression: email: bounced' }],
    [{ email: null }, { action: 'suppress', reason: 'contact.missing: no e-mail address' }],
    [{ channel: 'sms' as const }, { action: 'suppress', reason: 'contact.missing: no phone number' }],
    [{ sentInCapWindow: 3 }, { action: 'suppress', reason: 'frequency.cap: 3 messages already sent in the last 7 days (cap 3)' }],
  ])('%j -> %j', (changes, decision) => {
    expect(decideSend(facts(changes), { policy, now })).toEqual(decision);
  });

  it('cancels a trigger send whose exit event happened', () => {
    const trigger = { event: 'add_to_cart', exitEvent: 'purchase' as const, exitedAt: new Date('2026-11-24T01:30:00Z') };
    expect(decideSend(facts({ trigger }), { policy, now })).toEqual({
      action: 'cancel',
      reason: 'trigger.exit: purchase at 2026-11-24T01:30:00.000Z after add_to_cart',
    });
    expect(decideSend(facts({ trigger: { ...trigger, exitedAt: null } }), { policy, now })).toEqual({ action: 'send' });
  });

  it('moves a send inside quiet hours to the next allowed local time, before counting the cap', () => {
    expect(decideSend(facts({ timeZone: 'America/New_York', sentInCapWindow: 5 }), { policy, now })).toEqual({
      action: 'reschedule',
      sendAt: new Date('2026-11-24T13:00:00Z'), // 08:00 in New York
      reason: 'quiet_hours.local_time: 2026-11-23 21:00 is inside quiet hours 21:00-08:00 in America/New_York; moved to 2026-11-24 08:00',
    });
  });

  it('leaves a send that is not due yet for later', () => {
    const later = new Date('2026-11-24T03:00:00Z');
    expect(decideSend(facts({ sendAt: later }), { policy, now })).toEqual({ action: 'reschedule', sendAt: later, reason: 'not due yet' });
  });
});
