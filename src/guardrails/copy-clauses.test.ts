import { describe, expect, it } from 'vitest';
import { dropClauses, splitClauses } from './copy-clauses.ts';

describe('splitClauses', () => {
  it('splits at commas and sentence ends but never inside a number', () => {
    expect(splitClauses('Take 20% off, plus ¥1,299 deals. 8.5折！Bye').map((clause) => [clause.body, clause.delimiter])).toEqual([
      ['Take 20% off', ', '],
      ['plus ¥1,299 deals', '. '],
      ['8.5折', '！'],
      ['Bye', ''],
    ]);
  });
});

describe('dropClauses', () => {
  const dropping = (text: string, word: string) => dropClauses(text, (clause) => clause.body.includes(word));

  it('carries a dropped clause’s sentence end to the clause before it', () => {
    expect(dropping('Take 20% off, plus free shipping. See you soon!', 'shipping')).toBe('Take 20% off. See you soon!');
    expect(dropping('本周全场8折，再送20元优惠券。打开App查看。', '优惠券')).toBe('本周全场8折。打开App查看。');
  });

  it('capitalises the clause that now starts a sentence', () => {
    expect(dropping('Free shipping, and 20% off everything.', 'shipping')).toBe('And 20% off everything.');
  });

  it('tidies what is left at the end', () => {
    expect(dropping('Take 20% off, plus an extra coupon', 'coupon')).toBe('Take 20% off');
    expect(dropping('Only free shipping', 'shipping')).toBe('');
  });
});
