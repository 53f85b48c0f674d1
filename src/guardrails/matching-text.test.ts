import { describe, expect, it } from 'vitest';
import { applyEdits, foldForMatching, originalSpan, toMatchingText } from './matching-text.ts';

describe('toMatchingText', () => {
  it('folds full-width letters, case and curly apostrophes', () => {
    expect(foldForMatching('ＧＵＡＲＡＮＴＥＥＤ')).toBe('guaranteed');
    expect(foldForMatching('World’s Best')).toBe("world's best");
    expect(foldForMatching('５０％ＯＦＦ')).toBe('50%off');
    expect(foldForMatching('全网最好')).toBe('全网最好');
  });

  it('maps a folded span back to the original text', () => {
    const original = 'Buy ＧＵＡＲＡＮＴＥＥＤ now';
    const text = toMatchingText(original);
    const start = text.folded.indexOf('guaranteed');
    const span = originalSpan(text, start, start + 'guaranteed'.length);
    expect(span).toEqual({ start: 4, end: 14 });
    expect(original.slice(span!.start, span!.end)).toBe('ＧＵＡＲＡＮＴＥＥＤ');
  });

  it('refuses a span that splits one original character', () => {
    const text = toMatchingText('x㍿y'); // ㍿ folds to 株式会社
    expect(text.folded).toBe('x株式会社y');
    expect(originalSpan(text, 1, 3)).toBeNull();
    expect(originalSpan(text, 1, 5)).toEqual({ start: 1, end: 2 });
  });
});

describe('applyEdits', () => {
  it('applies edits in any order without shifting offsets', () => {
    expect(
      applyEdits('50% off, 5折', [
        { start: 0, end: 2, replacement: '30' },
        { start: 9, end: 10, replacement: '7' },
      ]),
    ).toBe('30% off, 7折');
  });
});
