// Tests for telling Chinese goals from English ones.
import { describe, expect, it } from 'vitest';
import { detectLocale, hasWords } from './detect-locale.ts';

describe('detectLocale', () => {
  it.each([
    ['Win back lapsed customers', 'en'],
    ['召回流失用户', 'zh'],
    ['提升VIP用户的GMV', 'zh'],
    ['Send a 双11 promo to VIP customers', 'en'],
    ['１０％ｏｆｆ', 'en'],
    ['hi', 'en'],
    ['', 'en'],
  ] as const)('%s -> %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });

  it('tells text with words from punctuation', () => {
    expect(hasWords('ok')).toBe(true);
    expect(hasWords('好')).toBe(true);
    expect(hasWords('?!')).toBe(false);
  });
});