import { describe, expect, it } from 'vitest';
import { findDiscountFigures, writeZhe } from './discount-figures.ts';

const summary = (text: string) =>
  findDiscountFigures(text).map((figure) => ({
    kind: figure.kind,
    text: text.slice(figure.start, figure.end),
    number: text.slice(figure.numberStart, figure.numberEnd),
    percentOff: figure.percentOff,
  }));

describe('findDiscountFigures', () => {
  it('reads English percentage offers', () => {
    expect(summary('Take 40% off today, or save 25 percent on shoes')).toEqual([
      { kind: 'percent_off', text: '40% off', number: '40', percentOff: 40 },
      { kind: 'percent_off', text: 'save 25 percent', number: '25', percentOff: 25 },
    ]);
  });

  it('reads Chinese percentages and 折 in digits, two digits, Chinese numerals and 半价', () => {
    expect(summary('全场5折，部分85折，会员七五折，新品半价，立减40%')).toEqual([
      { kind: 'zhe', text: '5折', number: '5', percentOff: 50 },
      { kind: 'zhe', text: '85折', number: '85', percentOff: 15 },
      { kind: 'zhe', text: '七五折', number: '七五', percentOff: 25 },
      { kind: 'half_price', text: '半价', number: '半价', percentOff: 50 },
      { kind: 'percent_off', text: '减40%', number: '40', percentOff: 40 },
    ]);
  });

  it('reads full-width figures and maps them back to the original text', () => {
    expect(summary('限时５０％ＯＦＦ')).toEqual([{ kind: 'percent_off', text: '５０％ＯＦＦ', number: '５０', percentOff: 50 }]);
  });

  it('reads spend-threshold offers before the amounts inside them', () => {
    expect(summary('满300减150，¥50 off orders over ¥200, spend 100 get 40')).toEqual([
      { kind: 'threshold', text: '满300减150', number: '150', percentOff: 50 },
      { kind: 'threshold', text: '¥50 off orders over ¥200', number: '50', percentOff: 25 },
      { kind: 'threshold', text: 'spend 100 get 40', number: '40', percentOff: 40 },
    ]);
  });

  it('reads bare amounts without a discount depth', () => {
    expect(summary('立减50元，CNY 20 off')).toEqual([
      { kind: 'amount', text: '50元', number: '50', percentOff: null },
      { kind: 'amount', text: 'CNY 20', number: '20', percentOff: null },
    ]);
  });

  it('ignores look-alikes', () => {
    expect(summary('五一折扣季，100% cotton, 2 items, 打折啦')).toEqual([]);
  });

  it('reads a date after 优惠 as a date, not an amount off', () => {
    expect(summary('8折优惠11月30日截止')).toEqual([{ kind: 'zhe', text: '8折', number: '8', percentOff: 20 }]);
    expect(summary('优惠12点开抢')).toEqual([]);
  });
});

describe('writeZhe', () => {
  it('writes in the style of the copy', () => {
    expect(writeZhe(7, 'digits')).toBe('7');
    expect(writeZhe(7.5, 'digits')).toBe('7.5');
    expect(writeZhe(7.5, 'two_digits')).toBe('75');
    expect(writeZhe(7, 'chinese')).toBe('七');
    expect(writeZhe(7.5, 'chinese')).toBe('七五');
  });
});
