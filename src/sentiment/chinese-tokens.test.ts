// Word roles, and the splitting of words jieba leaves fused with their modifiers.
import { describe, expect, it } from 'vitest';
import { classifyWord, interpretWord } from './chinese-tokens.ts';

describe('interpretWord', () => {
  it('classifies known words', () => {
    expect(classifyWord('好吃')).toEqual({ kind: 'sentiment', word: '好吃', valence: 2.5 });
    expect(classifyWord('没有')).toEqual({ kind: 'negation', word: '没有', soft: false });
    expect(classifyWord('不太')).toEqual({ kind: 'negation', word: '不太', soft: true });
    expect(classifyWord('非常')).toEqual({ kind: 'degree', word: '非常', factor: 1.6 });
    expect(classifyWord('但是')).toEqual({ kind: 'contrast', word: '但是' });
    expect(classifyWord('辣')).toEqual({ kind: 'excess', word: '辣' });
    expect(classifyWord('桌子')).toEqual({ kind: 'other', word: '桌子' });
  });

  it('splits modifiers fused in front of a sentiment word', () => {
    expect(interpretWord('超好吃')).toEqual([
      { kind: 'degree', word: '超', factor: 1.6 },
      { kind: 'sentiment', word: '好吃', valence: 2.5 },
    ]);
    expect(interpretWord('有点咸').map((token) => token.kind)).toEqual(['degree', 'sentiment']);
    expect(interpretWord('不新鲜')).toEqual([{ kind: 'sentiment', word: '不新鲜', valence: -2.5 }]);
    expect(interpretWord('不方便').map((token) => token.kind)).toEqual(['negation', 'sentiment']);
  });

  it('strips sentence-final particles and reads repeated characters as emphasis', () => {
    expect(interpretWord('好吃哒')).toEqual([{ kind: 'sentiment', word: '好吃', valence: 2.5 }]);
    expect(interpretWord('赞赞赞')).toEqual([{ kind: 'sentiment', word: '赞赞赞', valence: 3.5 }]);
  });

  it('leaves alone words that merely start like a modifier or are polite formulas', () => {
    expect(interpretWord('好像')).toEqual([{ kind: 'other', word: '好像' }]);
    expect(interpretWord('不好意思')).toEqual([{ kind: 'other', word: '不好意思' }]);
    expect(interpretWord('超市')).toEqual([{ kind: 'other', word: '超市' }]);
  });
});
