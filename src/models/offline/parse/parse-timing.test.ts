// Tests for timing: relative days and times in the marketer's zone, shopping periods, triggers, edits.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Timing } from '../../../domain/brief.ts';
import { findTimingParts, resolveTiming, reviseTiming } from './parse-timing.ts';
import { normalizeText } from './text.ts';

// Monday 2026-11-23, 16:00 in Shanghai.
const context = { now: DateTime.fromISO('2026-11-23T16:00', { zone: 'Asia/Shanghai' }), locale: 'en' as const };
const timingOf = (text: string): Timing => resolveTiming(findTimingParts(normalizeText(text), context), context).timing;
const at = (localDateTime: string): Timing => ({ kind: 'at', localDateTime });

describe('resolveTiming: days and times', () => {
  it.each<[string, Timing]>([
    ['next Tuesday 10am', at('2026-11-24T10:00')],
    ['next Monday at 9', at('2026-11-30T09:00')],
    ['on Monday at 18:00', at('2026-11-23T18:00')],
    ['this Friday 9:30am', at('2026-11-27T09:30')],
    ['Tuesday next week at 10am', at('2026-12-01T10:00')],
    ['tomorrow 9:30', at('2026-11-24T09:30')],
    ['tonight 8pm', at('2026-11-23T20:00')],
    ['tonight at 8', at('2026-11-23T20:00')],
    ['the day after tomorrow at noon', at('2026-11-25T12:00')],
    ['Nov 20 at 10:00', at('2027-11-20T10:00')],
    ['December 3rd 7.30pm', at('2026-12-03T19:30')],
    ['3 Dec 2026 at 10am', at('2026-12-03T10:00')],
    ['2026-12-24 20:00', at('2026-12-24T20:00')],
    ['11月20日上午10点', at('2027-11-20T10:00')],
    ['12月1号晚上8点半', at('2026-12-01T20:30')],
    ['明天早上9点', at('2026-11-24T09:00')],
    ['明晚', at('2026-11-24T20:00')],
    ['下周二上午10点', at('2026-12-01T10:00')],
    ['周三下午3点', at('2026-11-25T15:00')],
    ['今晚8点', at('2026-11-23T20:00')],
    ['后天中午12点', at('2026-11-25T12:00')],
    ['下午两点', at('2026-11-24T14:00')],
    ['at 9am', at('2026-11-24T09:00')],
    ['Friday morning', at('2026-11-27T09:00')],
    ['this weekend', at('2026-11-28T10:00')],
  ])('%s', (text, timing) => {
    expect(timingOf(text)).toEqual(timing);
  });

  it('moves a time already past today to tomorrow, and says so', () => {
    const resolved = resolveTiming(findTimingParts('today 9am', context), context);
    expect(resolved.timing).toEqual(at('2026-11-24T09:00'));
    expect(resolved.assumptions).toContain('that time has already passed today: moved to tomorrow');
  });

  it('sends as soon as approved when no time is named', () => {
    expect(resolveTiming(findTimingParts('win back lapsed customers', context), context)).toEqual({
      timing: { kind: 'asap' },
      assumptions: ['no send time given: sending as soon as approved'],
    });
    expect(resolveTiming(findTimingParts('send it right away', context), context)).toEqual({ timing: { kind: 'asap' }, assumptions: [] });
  });

  it('does not read offers, ages or lapses as times', () => {
    for (const text of ['at most 10% off', '25-30岁女性', '满300减50', "haven't bought in 90 days", '90天未购买', '早一点发']) {
      expect(timingOf(text)).toEqual({ kind: 'asap' });
    }
  });
});

describe('resolveTiming: shopping periods', () => {
  it.each<[string, Timing]>([
    ['双11', { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' }],
    ["Singles' Day", { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' }],
    ['during Double 11', { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' }],
    ['for double-eleven', { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' }],
    ['Double 12 at 8pm', { kind: 'window', label: '双12', from: '2026-12-01', to: '2026-12-12', localTime: '20:00' }],
    ['双十一晚上8点', { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '20:00' }],
    ['618大促', { kind: 'window', label: '618', from: '2027-06-01', to: '2027-06-18', localTime: '10:00' }],
    ['Black Friday', { kind: 'window', label: 'Black Friday', from: '2026-11-27', to: '2026-11-30', localTime: '10:00' }],
    ['Christmas', { kind: 'window', label: 'Christmas', from: '2026-12-18', to: '2026-12-25', localTime: '10:00' }],
    ['双12', { kind: 'window', label: '双12', from: '2026-12-01', to: '2026-12-12', localTime: '10:00' }],
    ['Chinese New Year', { kind: 'window', label: 'Spring Festival', from: '2027-01-23', to: '2027-02-05', localTime: '10:00' }],
  ])('%s', (text, timing) => {
    expect(timingOf(text)).toEqual(timing);
  });

  it('labels periods in the goal language', () => {
    const zh = { ...context, locale: 'zh' as const };
    expect(resolveTiming(findTimingParts('黑五', zh), zh).timing).toMatchObject({ label: '黑五', from: '2026-11-27' });
  });

  it('does not mistake an amount of 618 yuan for the 618 festival', () => {
    expect(timingOf('满618元减50')).toEqual({ kind: 'asap' });
  });
});

describe('resolveTiming: triggers', () => {
  const cart = (delayMinutes: number): Timing => ({ kind: 'trigger', event: 'add_to_cart', delayMinutes, unlessEvent: 'purchase' });
  it.each<[string, Timing]>([
    ['2 hours after cart abandonment', cart(120)],
    ['2 hours after they add to cart', cart(120)],
    ['cart abandoners triggered 2 hours later', cart(120)],
    ['half an hour after adding to cart', cart(30)],
    ['加购后2小时未付款', cart(120)],
    ['加购物车30分钟后', cart(30)],
    ['加购2小时内未付款', cart(120)],
    ['3 days after their first purchase', { kind: 'trigger', event: 'purchase', delayMinutes: 3 * 1440, unlessEvent: null }],
    ['下单后7天', { kind: 'trigger', event: 'purchase', delayMinutes: 7 * 1440, unlessEvent: null }],
  ])('%s', (text, timing) => {
    expect(timingOf(text)).toEqual(timing);
  });

  it('does not read a lapse as a purchase trigger', () => {
    expect(timingOf("customers who haven't bought in 90 days")).toEqual({ kind: 'asap' });
    expect(timingOf('近90天内未购买的用户')).toEqual({ kind: 'asap' });
  });
});

describe('reviseTiming', () => {
  const current = at('2026-11-24T10:00');
  const revise = (text: string, from: Timing = current): Timing | null => reviseTiming(findTimingParts(normalizeText(text), context), from, context);

  it('keeps the day when only the time changes, and the time when only the day changes', () => {
    expect(revise('send at 8pm instead')).toEqual(at('2026-11-24T20:00'));
    expect(revise('move it to Friday')).toEqual(at('2026-11-27T10:00'));
    expect(revise('改到晚上8点')).toEqual(at('2026-11-24T20:00'));
  });

  it('changes the send time of a period', () => {
    expect(revise('at 8pm', { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' })).toEqual({
      kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '20:00',
    });
  });

  it('returns null when the message names no time', () => {
    expect(revise('only women')).toBeNull();
    expect(revise('send it now')).toEqual({ kind: 'asap' });
  });
});
describe('recurring timing', () => {
  it('resolves a weekly rule with its time and count, and a default count it states', () => {
    expect(resolveTiming(findTimingParts(normalizeText('every Monday 10am for 4 weeks'), context), context)).toEqual({
      timing: { kind: 'recurring', weekdays: [1], localTime: '10:00', count: 4, startDate: null },
      assumptions: [],
    });
    expect(resolveTiming(findTimingParts(normalizeText('every Friday'), context), context)).toEqual({
      timing: { kind: 'recurring', weekdays: [5], localTime: '10:00', count: 4, startDate: null },
      assumptions: ['no time of day given: sending at 10:00', 'no end given: 4 sends, then it stops'],
    });
  });

  it('keeps a start date named beside the rule', () => {
    expect(timingOf('every Monday at 9am for 2 weeks starting Dec 7')).toEqual({ kind: 'recurring', weekdays: [1], localTime: '09:00', count: 2, startDate: '2026-12-07' });
  });

  it('edits the time of a recurring send, or turns a one-off send into a recurring one', () => {
    const weekly: Timing = { kind: 'recurring', weekdays: [1], localTime: '10:00', count: 4, startDate: null };
    expect(reviseTiming(findTimingParts(normalizeText('at 8pm instead'), context), weekly, context)).toEqual({ ...weekly, localTime: '20:00' });
    expect(reviseTiming(findTimingParts(normalizeText('make it every Thursday, 3 times'), context), at('2026-11-24T09:00'), context)).toEqual({
      kind: 'recurring',
      weekdays: [4],
      localTime: '09:00',
      count: 3,
      startDate: null,
    });
  });
});
