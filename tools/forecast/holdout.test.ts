import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/errors.ts';
import { customersPerGroup, recommendHoldout } from './holdout.ts';

describe('customersPerGroup', () => {
  it('matches the hand computation for 2% vs 2.5%', () => {
    // (1.96·√(2·0.0225·0.9775) + 0.8416·√(0.02·0.98 + 0.025·0.975))² / 0.005² ≈ 13,809
    expect(customersPerGroup(0.02, 0.005, { power: 0.8, alpha: 0.05 })).toBe(13809);
  });

  it('needs more customers for more power or a smaller lift', () => {
    const base = customersPerGroup(0.02, 0.005, { power: 0.8, alpha: 0.05 });
    expect(customersPerGroup(0.02, 0.005, { power: 0.9, alpha: 0.05 })).toBeGreaterThan(base);
    expect(customersPerGroup(0.02, 0.0025, { power: 0.8, alpha: 0.05 })).toBeGreaterThan(3.5 * base);
  });
});

describe('recommendHoldout', () => {
  it('recommends a share rounded up to a whole percent when the lift is measurable', () => {
    expect(recommendHoldout({ audience: 100000, baselineRate: 0.02, expectedLift: 0.005 })).toEqual({
      share: 0.14,
      size: 14000,
      measurable: true,
      statement:
        'Hold out 14% of the audience (14,000 customers) to measure a lift of 0.5 points over a 2% baseline with 80% power at 5% significance (13,809 per group needed).',
    });
  });

  it('never recommends less than 5%', () => {
    const recommendation = recommendHoldout({ audience: 1_000_000, baselineRate: 0.02, expectedLift: 0.005 });
    expect(recommendation).toMatchObject({ share: 0.05, size: 50000, measurable: true });
  });

  it('says plainly when the audience is too small', () => {
    expect(recommendHoldout({ audience: 800, baselineRate: 0.02, expectedLift: 0.004 })).toEqual({
      share: 0.05,
      size: 40,
      measurable: false,
      statement:
        'The audience of 800 is too small to measure a lift of 0.4 points over a 2% baseline: about 21,000 per group would be needed. A 5% holdout (40 customers) still adds to what future forecasts learn from.',
    });
  });

  it('rejects rates that are not rates', () => {
    expect(() => recommendHoldout({ audience: 1000, baselineRate: 1.5, expectedLift: 0.01 })).toThrow(CodedError);
    expect(() => recommendHoldout({ audience: 1000, baselineRate: 0.5, expectedLift: 0.6 })).toThrow(/expectedLift/);
    expect(() => recommendHoldout({ audience: 10.5, baselineRate: 0.5, expectedLift: 0.1 })).toThrow(/audience/);
  });
});
