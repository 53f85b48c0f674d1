// Thompson sampling over a campaign's copy variants: each variant's conversion rate is a
// Beta(1 + converted, 1 + customers - converted) belief; the share of draws in which a variant has
// the highest sampled rate is the share of the next recipients it gets. Seeded, so the same results
// give the same allocation. Pure; assign-arm.ts takes the shares as `weights`.
import type { ArmOutcome } from './arm-outcomes.ts';

export interface ThompsonOptions {
  /** Monte Carlo draws; default 4000. */
  draws?: number;
  seed?: number;
  /** Smallest share any variant keeps, so a variant is never starved on little evidence; default 0.05. */
  floor?: number;
}

/** mulberry32: a small deterministic generator of uniforms in [0, 1). */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return function nextUniform() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (shape >= 1, which Beta(1 + x, 1 + y) always gives). */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function beta(alpha: number, betaShape: number, random: () => number): number {
  const x = gamma(alpha, random);
  return x / (x + gamma(betaShape, random));
}

/** Shares of the next recipients per variant (summing to 1); the holdout arm is left out. */
export function thompsonAllocation(arms: readonly ArmOutcome[], { draws = 4000, seed = 1, floor = 0.05 }: ThompsonOptions = {}): Record<string, number> {
  const variants = arms.filter((arm) => arm.arm !== 'holdout');
  if (variants.length === 0) return {};
  const random = uniforms(seed);
  const wins = new Map(variants.map((arm) => [arm.arm, 0]));
  for (let draw = 0; draw < draws; draw += 1) {
    let best = variants[0]!.arm;
    let bestRate = -1;
    for (const arm of variants) {
      const rate = beta(1 + arm.converted, 1 + Math.max(0, arm.customers - arm.converted), random);
      if (rate > bestRate) [best, bestRate] = [arm.arm, rate];
    }
    wins.set(best, wins.get(best)! + 1);
  }
  const floored = variants.map((arm) => [arm.arm, Math.max(floor, wins.get(arm.arm)! / draws)] as const);
  const total = floored.reduce((sum, [, share]) => sum + share, 0);
  return Object.fromEntries(floored.map(([arm, share]) => [arm, share / total]));
}
