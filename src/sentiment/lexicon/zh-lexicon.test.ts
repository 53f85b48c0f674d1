// Consistency of the Chinese lexicon and phrase list.
import { describe, expect, it } from 'vitest';
import { ZH_NEGATIVE_WORDS, ZH_POSITIVE_WORDS } from './zh-sentiment-words.ts';
import { findZhPhrases } from './zh-phrases.ts';

describe('Chinese lexicon', () => {
  it('gives positive words positive and negative words negative valences within VADER scale', () => {
    for (const [word, valence] of Object.entries(ZH_POSITIVE_WORDS)) expect(valence, word).toBeGreaterThan(0);
    for (const [word, valence] of Object.entries(ZH_NEGATIVE_WORDS)) expect(valence, word).toBeLessThan(0);
    for (const valence of [...Object.values(ZH_POSITIVE_WORDS), ...Object.values(ZH_NEGATIVE_WORDS)]) {
      expect(Math.abs(valence)).toBeLessThanOrEqual(4);
    }
  });

  it('never lists a word as both positive and negative', () => {
    const both = Object.keys(ZH_POSITIVE_WORDS).filter((word) => word in ZH_NEGATIVE_WORDS);
    expect(both).toEqual([]);
  });
});

describe('findZhPhrases', () => {
  it('finds phrases in reading order, each span once, negated forms first', () => {
    expect(findZhPhrases('等了两个小时，再也不点了').map(({ name, index }) => ({ name, index }))).toEqual([
      { name: 'waited hours', index: 0 },
      { name: 'never again', index: 7 },
    ]);
    expect(findZhPhrases('不会再点了').map((hit) => hit.name)).toEqual(['never again']);
  });

  it('reads 快 before a number as "nearly", not as praise', () => {
    expect(findZhPhrases('快两个小时了').map((hit) => hit.name)).toEqual(['nearly']);
    expect(findZhPhrases('菜快凉了').map((hit) => hit.name)).toEqual(['nearly']);
    expect(findZhPhrases('送得很快').map((hit) => hit.name)).toEqual([]);
  });
});
