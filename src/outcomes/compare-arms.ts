// A campaign's A/B test read plainly: for each copy variant and the holdout, the conversion rate
// with its 80% credible range, each variant's lift over the holdout (the campaign's causal effect)
// and the probability that each variant is the best. Beta(1 + converted, 1 + not converted) beliefs,
// seeded Monte Carlo draws, so the same counts always read the same. Pure except campaignArmResults,
// which measures the arms from sends and orders first.
import type { Queryable } from '../data/database.ts';
import { z } from 'zod';
import { Range } from '../domain/plan.ts';
import { ArmOutcome, armOutcomes, type ArmOutcomesOptions } from './arm-outcomes.ts';
import { drawConversionRate, seededUniforms } from './beta-draws.ts';

export const ArmComparison = ArmOutcome.extend({
  /** The arm's conversion rate, 80% credible range (p10, p50, p90). */
  rate: Range,
  /** Variant rate minus holdout rate (a fraction, 0.01 = one percentage point); null for the holdout or without one. */
  liftOverHoldout: Range.nullable(),
  /** Probability that the variant converts better than the holdout; null for the holdout or without one. */
  probabilityAboveHoldout: z.number().nullable(),
  /** Probability that this variant has the highest rate of the variants; null for the holdout. */
  probabilityBest: z.number().nullable(),
});
export type ArmComparison = z.infer<typeof ArmComparison>;

export const ArmsReport = z.object({
  /** Days after each customer's planned send in which an order counts. */
  windowDays: z.number().int(),
  arms: z.array(ArmComparison),
  /** The variant that is best with probability 0.95 or more, else null (no clear winner yet). */
  leader: z.string().nullable(),
  /**
   * False while no arm has a buyer: with no evidence the arms' beliefs differ only by their sizes, so
   * lifts and chances of being best are left out (null) rather than read from the prior.
   */
  comparable: z.boolean(),
});
export type ArmsReport = z.infer<typeof ArmsReport>;

export interface CompareArmsOptions {
  draws?: number;
  seed?: number;
}

const LEADER_PROBABILITY = 0.95;

function quantile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function rangeOf(values: number[]): Range {
  values.sort((a, b) => a - b);
  return { p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

export function compareArms(arms: readonly ArmOutcome[], windowDays: number, { draws = 4000, seed = 1 }: CompareArmsOptions = {}): ArmsReport {
  const random = seededUniforms(seed);
  const holdout = arms.find((arm) => arm.arm === 'holdout') ?? null;
  const variants = arms.filter((arm) => arm.arm !== 'holdout');
  const rateDraws = new Map(arms.map((arm) => [arm.arm, [] as number[]]));
  const liftDraws = new Map(variants.map((arm) => [arm.arm, [] as number[]]));
  const wins = new Map(variants.map((arm) => [arm.arm, 0]));
  const aboveHoldout = new Map(variants.map((arm) => [arm.arm, 0]));
  for (let draw = 0; draw < draws; draw += 1) {
    const holdoutRate = holdout ? drawConversionRate(holdout.converted, holdout.customers, random) : null;
    if (holdout) rateDraws.get(holdout.arm)!.push(holdoutRate!);
    let best: string | null = null;
    let bestRate = -1;
    for (const arm of variants) {
      const rate = drawConversionRate(arm.converted, arm.customers, random);
      rateDraws.get(arm.arm)!.push(rate);
      if (rate > bestRate) [best, bestRate] = [arm.arm, rate];
      if (holdoutRate !== null) {
        liftDraws.get(arm.arm)!.push(rate - holdoutRate);
        if (rate > holdoutRate) aboveHoldout.set(arm.arm, aboveHoldout.get(arm.arm)! + 1);
      }
    }
    if (best !== null) wins.set(best, wins.get(best)! + 1);
  }
  const comparable = arms.some((arm) => arm.converted > 0);
  const compared = arms.map(function compareArm(arm): ArmComparison {
    const isVariant = arm.arm !== 'holdout';
    return {
      ...arm,
      rate: rangeOf(rateDraws.get(arm.arm)!),
      liftOverHoldout: comparable && isVariant && holdout ? rangeOf(liftDraws.get(arm.arm)!) : null,
      probabilityAboveHoldout: comparable && isVariant && holdout ? aboveHoldout.get(arm.arm)! / draws : null,
      probabilityBest: comparable && isVariant ? wins.get(arm.arm)! / draws : null,
    };
  });
  const leader = variants.length > 1 ? (compared.find((arm) => (arm.probabilityBest ?? 0) >= LEADER_PROBABILITY)?.arm ?? null) : null;
  return { windowDays, arms: compared, leader, comparable };
}

/** Measures a campaign's arms from its send rows and the orders that followed, then compares them. */
export async function campaignArmResults(db: Queryable, campaignId: string, { windowDays = 7, now }: ArmOutcomesOptions): Promise<ArmsReport> {
  return compareArms(await armOutcomes(db, campaignId, { windowDays, now }), windowDays);
}
