// Confidence from score and evidence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confidenceFor } from './confidence.ts';

describe('confidenceFor', () => {
  it('stays in [0, 1] for any score and evidence', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.nat(50), (score, evidence) => {
        const confidence = confidenceFor(score, evidence);
        return confidence >= 0 && confidence <= 1;
      }),
    );
  });

  it('grows with the size of a polar score and with the evidence behind it', () => {
    expect(confidenceFor(0.8, 2)).toBeGreaterThan(confidenceFor(0.3, 2));
    expect(confidenceFor(-0.5, 4)).toBeGreaterThan(confidenceFor(-0.5, 1));
    expect(confidenceFor(0.99, 20)).toBeGreaterThan(0.95);
  });

  it('is moderate for neutral text without evidence and lower when evidence cancels out', () => {
    expect(confidenceFor(0, 0)).toBe(0.6);
    expect(confidenceFor(0, 4)).toBeLessThan(0.6);
    expect(confidenceFor(0.04, 0)).toBeLessThan(confidenceFor(0.01, 0));
  });
});
