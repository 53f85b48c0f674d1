// Quantile functions of the Beta and normal distributions, taken from jStat (a CommonJS package
// without type declarations, so it is loaded through `createRequire` and given a narrow type here).
import { createRequire } from 'node:module';

interface JStatQuantiles {
  beta: { inv(probability: number, alpha: number, beta: number): number };
  normal: { inv(probability: number, mean: number, standardDeviation: number): number };
}

const jStat = createRequire(import.meta.url)('jstat') as JStatQuantiles;

/** The `probability` quantile of Beta(alpha, beta). */
export function betaQuantile(probability: number, alpha: number, beta: number): number {
  return jStat.beta.inv(probability, alpha, beta);
}

/** The `probability` quantile of the standard normal distribution. */
export function standardNormalQuantile(probability: number): number {
  return jStat.normal.inv(probability, 0, 1);
}
