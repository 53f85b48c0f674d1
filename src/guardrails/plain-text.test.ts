import { describe, expect, it } from 'vitest';
import { floorToCents, formatAmount, formatCount, joinWords, plural } from './plain-text.ts';

describe('plain-text helpers', () => {
  it('formats counts with thousands separators', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(2_000_000)).toBe('2,000,000');
  });

  it('picks singular or plural', () => {
    expect(plural(1, 'customer')).toBe('customer');
    expect(plural(2, 'customer')).toBe('customers');
    expect(plural(3, 'day', 'days')).toBe('days');
  });

  it('joins words in plain English', () => {
    expect(joinWords(['sms'])).toBe('sms');
    expect(joinWords(['sms', 'push'])).toBe('sms or push');
    expect(joinWords(['sms', 'email', 'push'], 'and')).toBe('sms, email and push');
  });

  it('formats amounts without trailing zeros and floors to cents', () => {
    expect(formatAmount(90)).toBe('90');
    expect(formatAmount(89.7)).toBe('89.7');
    expect(floorToCents(299 * 0.3)).toBe(89.7);
    expect(floorToCents(10 / 3)).toBe(3.33);
  });
});
