// The statistics a backtest reports: where an actual value falls in a forecast's draws, whether a
// lift is significant (two-proportion z-test), and medians.
import { standardNormalQuantile } from '../../tools/forecast/distributions.ts';

/** The nominal central-interval levels the calibration table reports. */
export const CALIBRATION_LEVELS = [0.5, 0.8, 0.9, 0.95] as const;

/** Position of `actual` among sorted draws: share below it plus half the share equal to it (0 to 1). */
export function probabilityIntegralTransform(sortedDraws: ArrayLike<number>, actual: number): number {
  let below = 0;
  let equal = 0;
  for (let index = 0; index < sortedDraws.length; index++) {
    const value = sortedDraws[index]!;
    if (value < actual) below += 1;
    else if (value === actual) equal += 1;
    else break;
  }
  return sortedDraws.length === 0 ? 0.5 : (below + equal / 2) / sortedDraws.length;
}

/** Whether `actual` lies in the forecast's central interval at `level`, ends included. */
export function insideCentralInterval(sortedDraws: ArrayLike<number>, actual: number, level: number): boolean {
  const quantile = (probability: number): number => {
    const position = (sortedDraws.length - 1) * probability;
    const lower = Math.floor(position);
    const upper = Math.min(sortedDraws.length - 1, lower + 1);
    return sortedDraws[lower]! + (sortedDraws[upper]! - sortedDraws[lower]!) * (position - lower);
  };
  const tail = (1 - level) / 2;
  return actual >= quantile(tail) && actual <= quantile(1 - tail);
}

export interface LiftTest {
  lift: number;
  z: number;
  significant: boolean;
}

/** Two-sided two-proportion z-test of treated against control, pooled variance. */
export function twoProportionTest(
  treated: { successes: number; trials: number },
  control: { successes: number; trials: number },
  { alpha = 0.05 } = {},
): LiftTest {
  const treatedRate = treated.successes / treated.trials;
  const controlRate = control.successes / control.trials;
  const pooled = (treated.successes + control.successes) / (treated.trials + control.trials);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / treated.trials + 1 / control.trials));
  const lift = treatedRate - controlRate;
  const z = standardError > 0 ? lift / standardError : 0;
  return { lift, z, significant: Math.abs(z) > standardNormalQuantile(1 - alpha / 2) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function share(flags: readonly boolean[]): number | null {
  return flags.length === 0 ? null : flags.filter(Boolean).length / flags.length;
}
