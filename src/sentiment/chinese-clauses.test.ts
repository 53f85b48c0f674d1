// Clause splitting of Chinese messages.
import { describe, expect, it } from 'vitest';
import { splitClauses } from './chinese-clauses.ts';

describe('splitClauses', () => {
  it('splits at punctuation and spaces, counting emphasis and questions', () => {
    expect(splitClauses('好吃!! 送得快,会再来吗?')).toEqual([
      { body: '好吃', exclamations: 2, isQuestion: false },
      { body: '送得快', exclamations: 0, isQuestion: false },
      { body: '会再来吗', exclamations: 0, isQuestion: true },
    ]);
  });

  it('caps emphasis and keeps enumeration commas inside a clause', () => {
    expect(splitClauses('鸡腿、薯条都凉了!!!!!')).toEqual([{ body: '鸡腿、薯条都凉了', exclamations: 3, isQuestion: false }]);
    expect(splitClauses('怎么还没到??')).toEqual([{ body: '怎么还没到', exclamations: 2, isQuestion: true }]);
  });
});
