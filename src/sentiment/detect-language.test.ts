// Language detection by the share of CJK characters.
import { describe, expect, it } from 'vitest';
import { cjkShare, detectLanguage } from './detect-language.ts';

describe('detectLanguage', () => {
  it('measures the share of CJK characters among letters, ignoring digits and punctuation', () => {
    expect(cjkShare('你好')).toBe(1);
    expect(cjkShare('hello')).toBe(0);
    expect(cjkShare('123 !!')).toBe(0);
    expect(cjkShare('ab你好')).toBe(0.5);
  });

  it('calls a text Chinese from a quarter of CJK characters on, English otherwise', () => {
    expect(detectLanguage('订单 12345 还没到')).toBe('zh');
    expect(detectLanguage('Order ABC123 还没到')).toBe('zh');
    expect(detectLanguage('My order from 京东 has not arrived')).toBe('en');
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('ab你', { minCjkShare: 0.5 })).toBe('en');
  });
});
