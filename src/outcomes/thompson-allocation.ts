// Thompson sampling over a campaign's copy variants: each variant's conversion rate is a
// Beta(1 + converted, 1 + customers - converted) belief; the share of draws in which a variant has
// the highest sampled rate is the share of the next recipients it gets. Seeded, so the same results
// give the same allocation. Pure; assign-arm.ts takes the shares as `weights`.
import type { ArmOutcome } from './arm-outcomes.ts';
import { drawConversionRate, seededUniforms } from './beta-draws.ts';

export interface ThompsonOptions {
  /** Monte Carlo draws; default 4000. */
  draws?: number;
  seed?: number;
  /** Smallest share any variant keeps, so a variant is never starved on little evidence; default 0.05. */
  floor?: number;
}

/** Shares of the next recipients per variant (summing to 1); the holdout arm is left out. */
export function thompsonAllocation(arms: readonly ArmOutcome[], { draws = 4000, seed = 1, floor = 0.05 }: ThompsonOptions = {}): Record<string, number> {
  const variants = arms.filter((arm) => arm.arm !== 'holdout');
  if (variants.length === 0) return {};
  const random = seededUniforms(seed);
  const wins = new Map(variants.map((arm) => [arm.arm, 0]));
  for (let draw = 0; draw < draws; draw += 1) {
    let best = variants[0]!.arm;
    let bestRate = -1;
    for (const arm of variants) {
      const rate = drawConversionRate(arm.converted, arm.customers, random);
      if (rate > bestRate) [best, bestRate] = [arm.arm, rate];
    }
    wins.set(best, wins.get(best)! + 1);
  }
  const floored = variants.map((arm) => [arm.arm, Math.max(floor, wins.get(arm.arm)! / draws)] as const);
  const total = floored.reduce((sum, [, share]) => sum + share, 0);
  return Object.fromEntries(floored.map(([arm, share]) => [arm, share / total]));
}
