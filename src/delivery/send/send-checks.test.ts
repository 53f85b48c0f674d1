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
  country: 'CN',
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

  describe('with quiet hours per channel and per country', () => {
    const zoned = {
      ...policy,
      quietHours: {
        start: '21:00',
        end: '08:00',
        channels: { push: { start: '23:00', end: '07:00' } },
        countries: { CN: { start: '22:00', end: '09:00', channels: { sms: { start: '20:00', end: '09:00' } } } },
      },
    };
    const lateInShanghai = new Date('2026-11-24T15:30:00Z'); // 23:30 in Shanghai

    it('holds a 23:30 Shanghai send to 09:00, the end of the Chinese window', () => {
      expect(decideSend(facts({ sendAt: lateInShanghai }), { policy: zoned, now: lateInShanghai })).toEqual({
        action: 'reschedule',
        sendAt: new Date('2026-11-25T01:00:00Z'),
        reason: 'quiet_hours.local_time: 2026-11-24 23:30 is inside quiet hours 22:00-09:00 (CN) in Asia/Shanghai; moved to 2026-11-25 09:00',
      });
    });

    it('uses the country+channel window before the country window', () => {
      const at2030 = new Date('2026-11-24T12:30:00Z'); // 20:30 in Shanghai
      expect(decideSend(facts({ channel: 'sms', phone: '+8613800000000', sendAt: at2030 }), { policy: zoned, now: at2030 })).toMatchObject({
        action: 'reschedule',
        sendAt: new Date('2026-11-25T01:00:00Z'),
      });
      expect(decideSend(facts({ sendAt: at2030 }), { policy: zoned, now: at2030 })).toEqual({ action: 'send' });
    });

    it('uses the channel window outside the countries the policy names, and sends once outside it', () => {
      const at2230InLondon = new Date('2026-11-24T22:30:00Z');
      const push = facts({ channel: 'push', country: 'GB', timeZone: 'Europe/London', sendAt: at2230InLondon });
      expect(decideSend(push, { policy: zoned, now: at2230InLondon })).toEqual({ action: 'send' });
      const at2330InLondon = new Date('2026-11-24T23:30:00Z');
      expect(decideSend({ ...push, sendAt: at2330InLondon }, { policy: zoned, now: at2330InLondon })).toEqual({
        action: 'reschedule',
        sendAt: new Date('2026-11-25T07:00:00Z'),
        reason: 'quiet_hours.local_time: 2026-11-24 23:30 is inside quiet hours 23:00-07:00 (push) in Europe/London; moved to 2026-11-25 07:00',
      });
    });
  });
});
