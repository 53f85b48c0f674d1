// The A/B section of `campaign-agent outcomes show`, read as a marketer would read it.
import { describe, expect, it } from 'vitest';
import { compareArms } from '../../../outcomes/compare-arms.ts';
import { renderArmsReport } from './outcomes.ts';

const arm = (name: string, customers: number, messaged: number, converted: number) => ({ arm: name, customers, messaged, converted, conversionRate: converted / customers });

describe('renderArmsReport', () => {
  it('prints each variant and the holdout with rate ranges, lift and the leader', () => {
    const report = compareArms([arm('A', 1000, 990, 80), arm('B', 1000, 985, 40), arm('holdout', 200, 0, 6)], 7);
    const [a, b, holdout] = report.arms;
    const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
    const pts = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} pts`;
    expect(renderArmsReport(report).split('\n')).toEqual([
      "A/B test and holdout (buyers within 7 days of each customer's send, from the sends and orders)",
      `  A        1,000 customers, 990 messaged, 80 bought: ${pct(a!.rate.p50)} (80%: ${pct(a!.rate.p10)} – ${pct(a!.rate.p90)}); lift over holdout ${pts(a!.liftOverHoldout!.p50)} (80%: ${pts(a!.liftOverHoldout!.p10)} – ${pts(a!.liftOverHoldout!.p90)}), better than holdout with probability ${a!.probabilityAboveHoldout!.toFixed(2)}; best with probability ${a!.probabilityBest!.toFixed(2)}`,
      `  B        1,000 customers, 985 messaged, 40 bought: ${pct(b!.rate.p50)} (80%: ${pct(b!.rate.p10)} – ${pct(b!.rate.p90)}); lift over holdout ${pts(b!.liftOverHoldout!.p50)} (80%: ${pts(b!.liftOverHoldout!.p10)} – ${pts(b!.liftOverHoldout!.p90)}), better than holdout with probability ${b!.probabilityAboveHoldout!.toFixed(2)}; best with probability ${b!.probabilityBest!.toFixed(2)}`,
      `  holdout  200 customers (not messaged), 6 bought: ${pct(holdout!.rate.p50)} (80%: ${pct(holdout!.rate.p10)} – ${pct(holdout!.rate.p90)})`,
      '  Variant A leads (best with probability 0.95 or more).',
    ]);
    expect(a!.rate.p50).toBeGreaterThan(0.07);
    expect(a!.rate.p50).toBeLessThan(0.09);
  });

  it('says there is no winner yet, or that it is too early, and prints nothing for a campaign without send rows', () => {
    expect(renderArmsReport(compareArms([arm('A', 50, 50, 2), arm('B', 50, 50, 3)], 7))).toMatch(/No clear winner yet/);
    const early = renderArmsReport(compareArms([arm('A', 84, 83, 0), arm('B', 88, 87, 0), arm('holdout', 14, 0, 0)], 7));
    expect(early).toMatch(/No buyers yet in any arm: too early to compare\.$/);
    expect(early).not.toMatch(/lift|probability/);
    expect(renderArmsReport(compareArms([], 7))).toBe('');
  });
});
