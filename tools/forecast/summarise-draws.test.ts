import { describe, expect, it } from 'vitest';
import { quantileOfSorted, summariseDraws } from './summarise-draws.ts';

describe('summariseDraws', () => {
  it('interpolates between neighbouring sorted values', () => {
    expect(quantileOfSorted([0, 10, 20, 30, 40], 0.1)).toBeCloseTo(4, 12);
    expect(quantileOfSorted([0, 10, 20, 30, 40], 0.5)).toBe(20);
  });

  it('rounds counts to whole numbers and money to cents, skipping undefined draws', () => {
    const draws = Float64Array.from([5.55, Number.NaN, 1.234, 3.333, 9.999, 2.5]);
    expect(summariseDraws(draws, 'money')).toEqual({ p10: 1.74, p50: 3.33, p90: 8.22 });
    expect(summariseDraws(draws, 'count')).toEqual({ p10: 2, p50: 3, p90: 8 });
  });
});
