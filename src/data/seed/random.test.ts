import { describe, expect, it } from 'vitest';
import { createRandom, createWeightedPicker, scrambleIndex, scrambledDigits } from './random.ts';

const draws = (seed: number, streams: number[], count = 5): number[] => {
  const random = createRandom(seed, ...streams);
  return Array.from({ length: count }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same draws for the same seed and streams, and differs otherwise', () => {
    expect(draws(42, [1, 7])).toEqual(draws(42, [1, 7]));
    expect(draws(42, [1, 7])).not.toEqual(draws(43, [1, 7]));
    expect(draws(42, [1, 7])).not.toEqual(draws(42, [1, 8]));
    expect(draws(42, [1, 7])).not.toEqual(draws(42, [7, 1]));
  });

  it('draws uniforms in [0, 1) with the right mean', () => {
    const values = draws(1, [], 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it('samples normal, Poisson and binomial with the expected means', () => {
    const random = createRandom(5);
    const n = 20_000;
    const mean = (sample: () => number): number => Array.from({ length: n }, sample).reduce((a, b) => a + b, 0) / n;
    expect(mean(() => random.normal(3, 2))).toBeCloseTo(3, 1);
    expect(mean(() => random.poisson(0.7))).toBeCloseTo(0.7, 1);
    expect(mean(() => random.poisson(55))).toBeGreaterThan(54);
    expect(mean(() => random.binomial(40, 0.1))).toBeCloseTo(4, 0);
    expect(mean(() => random.binomial(10_000, 0.3)) / 10_000).toBeCloseTo(0.3, 2);
    expect(mean(() => random.binomial(50, 0.9))).toBeCloseTo(45, 0);
  });

  it('keeps integers and log-uniform draws inside their bounds', () => {
    const random = createRandom(9);
    for (let i = 0; i < 2000; i++) {
      const value = random.int(3, 5);
      expect([3, 4, 5]).toContain(value);
      const size = random.logUniform(500, 50_000);
      expect(size).toBeGreaterThanOrEqual(500);
      expect(size).toBeLessThanOrEqual(50_000);
    }
  });
});

describe('createWeightedPicker', () => {
  it('picks in proportion to the weights and never a zero weight', () => {
    const picker = createWeightedPicker([1, 0, 3]);
    const random = createRandom(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[picker.pick(random)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.6);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.4);
  });

  it('refuses weights that are all zero', () => {
    expect(() => createWeightedPicker([0, 0])).toThrow('at least one positive weight');
  });
});

describe('scrambleIndex', () => {
  it('is a bijection on its range, so derived numbers are unique', () => {
    const seen = new Set(Array.from({ length: 100_000 }, (_, index) => scrambleIndex(index, 100_000)));
    expect(seen.size).toBe(100_000);
    expect(new Set(Array.from({ length: 50_000 }, (_, index) => scrambleIndex(index, 8_000_000))).size).toBe(50_000);
    expect(scrambledDigits(0, 8)).toMatch(/^\d{8}$/);
  });
});
