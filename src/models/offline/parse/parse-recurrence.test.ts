import { describe, expect, it } from 'vitest';
import { findRecurrence } from './parse-recurrence.ts';
import { normalizeText } from './text.ts';

const rule = (text: string) => {
  const found = findRecurrence(normalizeText(text));
  return found ? { weekdays: found.weekdays, count: found.count } : null;
};

describe('findRecurrence', () => {
  it.each([
    ['every Monday 10am for 4 weeks', { weekdays: [1], count: 4 }],
    ['send every Mon and Thu at 9 for 3 weeks', { weekdays: [1, 4], count: 6 }],
    ['weekly on Friday at 6pm, 5 times', { weekdays: [5], count: 5 }],
    ['daily at 8pm for 5 days', { weekdays: [1, 2, 3, 4, 5, 6, 7], count: 5 }],
    ['every Sunday morning', { weekdays: [7], count: null }],
    ['每周一上午10点', { weekdays: [1], count: null }],
    ['每周一上午10点，连续4周', { weekdays: [1], count: 4 }],
    ['每周二、周五晚上8点发送，共6次', { weekdays: [2, 5], count: 6 }],
    ['每星期三 10:00 持续两周', { weekdays: [3], count: 2 }],
    ['每天早上9点，连续5天', { weekdays: [1, 2, 3, 4, 5, 6, 7], count: 5 }],
  ])('%s', (text, expected) => {
    expect(rule(text)).toEqual(expected);
  });

  it('does not read segment windows or purchase counts elsewhere in the goal as the duration', () => {
    expect(rule('customers inactive for 30 days, every Monday at 10am')).toEqual({ weekdays: [1], count: null });
    expect(rule('买过3次的客户，每周一上午10点')).toEqual({ weekdays: [1], count: null });
  });

  it('does not read habits or products as a schedule', () => {
    expect(rule('customers who log in every day, 10% off by email tomorrow')).toBeNull();
    expect(rule('promote everyday essentials to daily shoppers')).toBeNull();
    expect(rule('customers who shop on Mondays for groceries')).toBeNull();
    expect(rule('每天都买咖啡的客户')).toBeNull();
  });

  it('finds nothing in one-off timing', () => {
    expect(rule('next Monday 10am')).toBeNull();
    expect(rule('下周一上午10点')).toBeNull();
    expect(rule('win back lapsed customers with 20% off')).toBeNull();
  });
});
