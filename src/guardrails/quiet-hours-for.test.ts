import { describe, expect, it } from 'vitest';
import { nextAllowedUnderAll, quietHoursFor, quietHoursInAudience } from './quiet-hours-for.ts';

const rules = {
  start: '21:00',
  end: '08:00',
  channels: { push: { start: '22:00', end: '07:00' } },
  countries: {
    CN: { start: '21:00', end: '09:00', channels: { sms: { start: '20:00', end: '09:00' } } },
    US: { start: '20:00', end: '08:00' },
  },
};

describe('quietHoursFor', () => {
  it('picks the most specific window: country+channel, country, channel, default', () => {
    expect(quietHoursFor(rules, { channel: 'sms', country: 'CN' })).toEqual({ start: '20:00', end: '09:00', scope: 'CN sms' });
    expect(quietHoursFor(rules, { channel: 'email', country: 'cn' })).toEqual({ start: '21:00', end: '09:00', scope: 'CN' });
    expect(quietHoursFor(rules, { channel: 'push', country: 'US' })).toEqual({ start: '20:00', end: '08:00', scope: 'US' });
    expect(quietHoursFor(rules, { channel: 'push', country: 'GB' })).toEqual({ start: '22:00', end: '07:00', scope: 'push' });
    expect(quietHoursFor(rules, { channel: 'email', country: null })).toEqual({ start: '21:00', end: '08:00', scope: 'default' });
  });

  it('works on a policy without overrides', () => {
    expect(quietHoursFor({ start: '21:00', end: '08:00' }, { channel: 'sms', country: 'CN' })).toEqual({ start: '21:00', end: '08:00', scope: 'default' });
  });
});

describe('quietHoursInAudience', () => {
  it('lists each distinct window of the planned channels in the audience countries', () => {
    expect(quietHoursInAudience(rules, { channels: ['email'], countries: ['GB', null] })).toEqual([{ start: '21:00', end: '08:00', scope: 'default' }]);
    expect(quietHoursInAudience(rules, { channels: ['sms', 'email'], countries: ['CN', 'GB'] })).toEqual([
      { start: '21:00', end: '08:00', scope: 'default' },
      { start: '21:00', end: '09:00', scope: 'CN' },
      { start: '20:00', end: '09:00', scope: 'CN sms' },
    ]);
  });

  it('counts every country the policy names when the audience countries are unknown', () => {
    expect(quietHoursInAudience(rules, { channels: ['email'] })).toEqual([
      { start: '21:00', end: '08:00', scope: 'default' },
      { start: '21:00', end: '09:00', scope: 'CN' },
      { start: '20:00', end: '08:00', scope: 'US' },
    ]);
  });
});

describe('nextAllowedUnderAll', () => {
  it('moves to the first time outside every window', () => {
    const windows = [{ start: '21:00', end: '08:00' }, { start: '07:30', end: '09:00' }];
    expect(nextAllowedUnderAll('2025-11-11T23:30', windows)).toBe('2025-11-12T09:00');
    expect(nextAllowedUnderAll('2025-11-11T10:00', windows)).toBe('2025-11-11T10:00');
  });

  it('gives null when the windows cover the whole day', () => {
    expect(nextAllowedUnderAll('2025-11-11T23:30', [{ start: '21:00', end: '12:00' }, { start: '11:00', end: '22:00' }])).toBeNull();
  });
});
