import { describe, expect, it } from 'vitest';
import { thompsonAllocation } from './thompson-allocation.ts';

const arm = (name: string, customers: number, converted: number) => ({ arm: name, customers, messaged: customers, converted, conversionRate: converted / customers });

describe('thompsonAllocation', () => {
  it('sends most of the next recipients to the clearly better variant, keeping a floor for the other', () => {
    const shares = thompsonAllocation([arm('A', 1000, 80), arm('B', 1000, 40), arm('holdout', 100, 3)]);
    expect(Object.keys(shares)).toEqual(['A', 'B']);
    expect(shares.A).toBeGreaterThan(0.9);
    expect(shares.B).toBeCloseTo(0.05 / 1.05, 2);
    expect(shares.A! + shares.B!).toBeCloseTo(1, 10);
  });

  it('splits about evenly without evidence, and repeats itself for a seed', () => {
    const shares = thompsonAllocation([arm('A', 10, 1), arm('B', 10, 1)]);
    expect(shares.A).toBeGreaterThan(0.45);
    expect(shares.A).toBeLessThan(0.55);
    expect(thompsonAllocation([arm('A', 10, 1), arm('B', 10, 1)])).toEqual(shares);
    expect(thompsonAllocation([arm('holdout', 10, 1)])).toEqual({});
  });
});
