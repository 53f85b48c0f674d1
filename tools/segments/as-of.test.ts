import { describe, expect, it } from 'vitest';
import { parseAsOf } from './as-of.ts';

describe('parseAsOf', () => {
  it('reads ISO dates as midnight UTC and date-times in UTC unless they carry an offset', () => {
    expect(parseAsOf('2011-12-10').toISOString()).toBe('2011-12-10T00:00:00.000Z');
    expect(parseAsOf('2011-12-10T12:30').toISOString()).toBe('2011-12-10T12:30:00.000Z');
    expect(parseAsOf('2011-12-10T12:30:15.250+08:00').toISOString()).toBe('2011-12-10T04:30:15.250Z');
    expect(parseAsOf('2011-12-10 08:00:00Z').toISOString()).toBe('2011-12-10T08:00:00.000Z');
  });

  it('names the flag when the value is not an ISO date or date-time', () => {
    for (const value of ['yesterday', '12/10/2011', '2011-02-30', '2011-12-10T25:00', '']) {
      expect(() => parseAsOf(value)).toThrow(`--as-of must be an ISO date (2011-12-10) or date-time (2011-12-10T12:00:00Z), got ${JSON.stringify(value)}`);
    }
  });
});
