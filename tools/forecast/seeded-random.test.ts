import { describe, expect, it } from 'vitest';
import { createSeededRandom, sampleBinomial } from './seeded-random.ts';

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('createSeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const first = createSeededRandom(42);
    const second = createSeededRandom(42);
    const other = createSeededRandom(43);
    const a = Array.from({ length: 5 }, () => first.uniform());
    expect(Array.from({ length: 5 }, () => second.uniform())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other.uniform())).not.toEqual(a);
  });

  it('draws uniforms strictly inside (0, 1) and normals with mean 0 and variance 1', () => {
    const random = createSeededRandom(7);
    const uniforms = Array.from({ length: 20000 }, () => random.uniform());
    expect(Math.min(...uniforms)).toBeGreaterThan(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    expect(moments(uniforms).mean).toBeCloseTo(0.5, 2);
    const normals = moments(Array.from({ length: 20000 }, () => random.normal()));
    expect(Math.abs(normals.mean)).toBeLessThan(0.03);
    expect(Math.abs(normals.variance - 1)).toBeLessThan(0.05);
  });
});

describe('sampleBinomial', () => {
  it.each([
    { trials: 50, probability: 0.02 },
    { trials: 40, probability: 0.7 },
    { trials: 50000, probability: 0.015 },
  ])('matches the binomial mean and variance for n=$trials, p=$probability', ({ trials, probability }) => {
    const random = createSeededRandom(11);
    const draws = Array.from({ length: 20000 }, () => sampleBinomial(random, trials, probability));
    const { mean, variance } = moments(draws);
    const expectedVariance = trials * probability * (1 - probability);
    expect(Math.abs(mean - trials * probability)).toBeLessThan(0.05 * Math.sqrt(expectedVariance) + 0.01);
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.06);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(trials);
  });

  it('handles the edges without drawing', () => {
    const random = createSeededRandom(1);
    expect([sampleBinomial(random, 0, 0.5), sampleBinomial(random, 10, 0), sampleBinomial(random, 10, 1)]).toEqual([0, 0, 10]);
  });
});
