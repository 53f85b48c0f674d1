import { describe, expect, it } from 'vitest';
import { insideCentralInterval, median, probabilityIntegralTransform, share, twoProportionTest } from './backtest-metrics.ts';

describe('twoProportionTest', () => {
  it('matches the hand computation', () => {
    // 60/400 vs 40/400: pooled 0.125, se = √(0.125·0.875·2/400) = 0.023385, z = 0.05 / 0.023385 = 2.138
    const test = twoProportionTest({ successes: 60, trials: 400 }, { successes: 40, trials: 400 });
    expect(test.lift).toBeCloseTo(0.05, 12);
    expect(test.z).toBeCloseTo(2.138, 3);
    expect(test.significant).toBe(true);
    expect(twoProportionTest({ successes: 50, trials: 400 }, { successes: 40, trials: 400 }).significant).toBe(false);
    expect(twoProportionTest({ successes: 0, trials: 10 }, { successes: 0, trials: 10 })).toEqual({ lift: 0, z: 0, significant: false });
  });
});

describe('draw positions', () => {
  const draws = Float64Array.from([1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  it('counts ties as half', () => {
    expect(probabilityIntegralTransform(draws, 2)).toBeCloseTo(2 / 11, 12);
    expect(probabilityIntegralTransform(draws, 0)).toBe(0);
    expect(probabilityIntegralTransform(draws, 11)).toBe(1);
  });

  it('checks central intervals with the ends included', () => {
    expect(insideCentralInterval(draws, 2, 0.8)).toBe(true); // p10 = 2
    expect(insideCentralInterval(draws, 1.5, 0.8)).toBe(false);
    expect(insideCentralInterval(draws, 9.5, 0.8)).toBe(false); // p90 = 9
    expect(insideCentralInterval(draws, 9.5, 0.95)).toBe(true);
  });
});

describe('median and share', () => {
  it('handle odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(share([true, false, true, true])).toBe(0.75);
    expect(share([])).toBeNull();
  });
});
