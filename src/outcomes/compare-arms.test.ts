import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../../tools/forecast/distributions.ts';
import type { ArmOutcome } from './arm-outcomes.ts';
import { compareArms } from './compare-arms.ts';

const arm = (name: string, customers: number, converted: number): ArmOutcome => ({
  arm: name, customers, messaged: name === 'holdout' ? 0 : customers, converted, conversionRate: converted / customers,
});

describe('compareArms', () => {
  it('names the clearly better variant the leader, with a positive lift over the holdout', () => {
    const report = compareArms([arm('A', 1000, 80), arm('B', 1000, 40), arm('holdout', 200, 6)], 7);
    expect(report.leader).toBe('A');
    const [a, b, holdout] = report.arms;
    expect(a!.probabilityBest).toBeGreaterThan(0.99);
    expect(a!.probabilityBest! + b!.probabilityBest!).toBeCloseTo(1, 10);
    expect(a!.liftOverHoldout!.p10).toBeGreaterThan(0);
    expect(a!.probabilityAboveHoldout).toBeGreaterThan(0.99);
    expect(holdout).toMatchObject({ arm: 'holdout', liftOverHoldout: null, probabilityAboveHoldout: null, probabilityBest: null });
  });

  it('gives each rate the 80% range of its Beta belief', () => {
    const [a] = compareArms([arm('A', 1000, 80), arm('B', 500, 10)], 7, { draws: 20_000 }).arms;
    // Beta(1 + 80, 1 + 920), computed independently.
    expect(a!.rate.p10).toBeCloseTo(betaQuantile(0.1, 81, 921), 3);
    expect(a!.rate.p50).toBeCloseTo(betaQuantile(0.5, 81, 921), 3);
    expect(a!.rate.p90).toBeCloseTo(betaQuantile(0.9, 81, 921), 3);
  });

  it('names no leader when the variants are alike, and no lift without a holdout', () => {
    const report = compareArms([arm('A', 300, 12), arm('B', 300, 13)], 7);
    expect(report.leader).toBeNull();
    for (const variant of report.arms) {
      expect(variant.probabilityBest).toBeGreaterThan(0.3);
      expect(variant.probabilityBest).toBeLessThan(0.7);
      expect(variant.liftOverHoldout).toBeNull();
    }
  });

  it('compares nothing while no arm has a buyer, instead of reading the prior as evidence', () => {
    const report = compareArms([arm('A', 84, 0), arm('B', 88, 0), arm('holdout', 14, 0)], 7);
    expect(report).toMatchObject({ comparable: false, leader: null });
    for (const compared of report.arms) {
      expect(compared).toMatchObject({ liftOverHoldout: null, probabilityAboveHoldout: null, probabilityBest: null });
      expect(compared.rate.p10).toBeGreaterThanOrEqual(0);
    }
    expect(compareArms([arm('A', 84, 0), arm('holdout', 14, 1)], 7).comparable).toBe(true);
  });

  it('reads a single variant against its holdout, and repeats itself for the same counts', () => {
    const arms = [arm('A', 400, 20), arm('holdout', 100, 5)];
    const report = compareArms(arms, 14);
    expect(report).toMatchObject({ windowDays: 14, leader: null, comparable: true });
    expect(report.arms[0]!.probabilityBest).toBe(1);
    const lift = report.arms[0]!.liftOverHoldout!;
    expect(lift.p10).toBeLessThan(0);
    expect(lift.p90).toBeGreaterThan(0);
    expect(compareArms(arms, 14)).toEqual(report);
  });
});
