// Turns Monte Carlo draws into the p10/p50/p90 ranges a plan shows, rounded the way people read
// them: counts to whole numbers, money and ratios to two decimals, rates to six.
import type { Range } from '../../src/domain/plan.ts';

/** The `probability` quantile of sorted values, interpolating between neighbours. */
export function quantileOfSorted(sorted: ArrayLike<number>, probability: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  const below = sorted[lower] ?? 0;
  const above = sorted[upper] ?? below;
  return below + (above - below) * (position - lower);
}

export type Rounding = 'count' | 'money' | 'rate';

function roundValue(value: number, rounding: Rounding): number {
  // `+ 0` turns a negative zero into zero so results compare and print cleanly.
  if (rounding === 'count') return Math.round(value) + 0;
  const scale = rounding === 'rate' ? 1e6 : 100;
  return Math.round(value * scale) / scale + 0;
}

/** p10/p50/p90 of the finite draws (NaN draws are skipped), rounded. */
export function summariseDraws(draws: Float64Array, rounding: Rounding): Range {
  const sorted = draws.filter((value) => Number.isFinite(value)).sort();
  return {
    p10: roundValue(quantileOfSorted(sorted, 0.1), rounding),
    p50: roundValue(quantileOfSorted(sorted, 0.5), rounding),
    p90: roundValue(quantileOfSorted(sorted, 0.9), rounding),
  };
}

export const ZERO_RANGE: Range = { p10: 0, p50: 0, p90: 0 };
