// Tests for the shared text helpers: normalisation and Chinese numerals.
import { describe, expect, it } from 'vitest';
import { chineseToNumber, maskSpan, normalizeText, parseNumber } from './text.ts';

describe('normalizeText', () => {
  it('folds full-width forms, case, dashes and spaces', () => {
    expect(normalizeText('  １０％ ＯＦＦ，ＳＭＳ—Push  ')).toBe('10% off,sms-push');
    expect(normalizeText('It’s   “VIP”')).toBe('it\'s "vip"');
  });
});

describe('chineseToNumber', () => {
  it.each([
    ['三', 3], ['十', 10], ['十五', 15], ['二十五', 25], ['九十', 90], ['三百', 300], ['三百五', 350], ['三百零五', 305],
    ['两千', 2000], ['一万', 10000], ['一万二', 12000], ['八五', 85], ['二零二六', 2026], ['半', 0.5],
  ])('%s = %d', (text, value) => {
    expect(chineseToNumber(text)).toBe(value);
  });

  it('returns null for text that is not a number', () => {
    expect(chineseToNumber('用户')).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads digits, thousands separators, words and Chinese numerals', () => {
    expect(parseNumber('20,000')).toBe(20000);
    expect(parseNumber('8.5')).toBe(8.5);
    expect(parseNumber('two')).toBe(2);
    expect(parseNumber('an')).toBe(1);
    expect(parseNumber('五十')).toBe(50);
    expect(parseNumber('many')).toBeNaN();
  });
});

describe('maskSpan', () => {
  it('blanks a span and keeps every other index in place', () => {
    expect(maskSpan('双11女性', 0, 3)).toBe('   女性');
  });
});