import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/errors.ts';
import { assignArm } from './assign-arm.ts';

const customers = Array.from({ length: 4000 }, (_, index) => `c${index}`);
const tally = (campaignId: string, options: { holdoutShare?: number; weights?: Record<string, number> } = {}) => {
  const counts: Record<string, number> = {};
  for (const customerId of customers) {
    const arm = assignArm({ campaignId, customerId, variants: ['B', 'A'], ...options })!;
    const key = arm.kind === 'holdout' ? 'holdout' : arm.variant;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('assignArm', () => {
  it('is stable for a campaign and customer', () => {
    const once = customers.slice(0, 50).map((customerId) => assignArm({ campaignId: 'cmp_1', customerId, variants: ['A', 'B'], holdoutShare: 0.1 }));
    const again = customers.slice(0, 50).map((customerId) => assignArm({ campaignId: 'cmp_1', customerId, variants: ['B', 'A'], holdoutShare: 0.1 }));
    expect(again).toEqual(once);
  });

  it('holds out about the share asked for and splits the rest evenly', () => {
    const counts = tally('cmp_1', { holdoutShare: 0.1 });
    expect(counts.holdout! / customers.length).toBeGreaterThan(0.085);
    expect(counts.holdout! / customers.length).toBeLessThan(0.115);
    expect(Math.abs(counts.A! - counts.B!) / (counts.A! + counts.B!)).toBeLessThan(0.06);
    expect(tally('cmp_1').holdout).toBeUndefined();
  });

  it('holds out different customers in different campaigns', () => {
    const heldOut = (campaignId: string) =>
      customers.filter((customerId) => assignArm({ campaignId, customerId, variants: ['A'], holdoutShare: 0.1 })!.kind === 'holdout');
    const first = new Set(heldOut('cmp_1'));
    const overlap = heldOut('cmp_2').filter((customerId) => first.has(customerId)).length;
    expect(overlap / first.size).toBeLessThan(0.2); // independent draws overlap by about the share, 10%
  });

  it('follows variant weights, and gives no arm without copy', () => {
    const counts = tally('cmp_1', { weights: { A: 0.8, B: 0.2 } });
    expect(counts.A! / customers.length).toBeGreaterThan(0.76);
    expect(counts.A! / customers.length).toBeLessThan(0.84);
    expect(assignArm({ campaignId: 'cmp_1', customerId: 'c1', variants: [] })).toBeNull();
  });

  it('rejects a holdout share outside [0, 1)', () => {
    expect(() => assignArm({ campaignId: 'cmp_1', customerId: 'c1', variants: ['A'], holdoutShare: 1 })).toThrow(CodedError);
  });
});
