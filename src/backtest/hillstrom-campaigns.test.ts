import { describe, expect, it } from 'vitest';
import { syntheticCustomers } from './backtest-test-data.ts';
import { buildSlices, describeSlice, sliceFeaturesOf } from './hillstrom-campaigns.ts';
import type { HillstromCustomer } from './hillstrom-data.ts';

describe('buildSlices', () => {
  const customers = syntheticCustomers({ perCell: 12 });

  it('makes one Mens and one Womens campaign per slice, the No E-Mail customers split between them', () => {
    const slices = buildSlices(customers, { seed: 3, minPerGroup: 10 });
    expect(slices).toHaveLength(3 * 4 * 2 * 3 * 3);
    for (const slice of slices) {
      const { mens, womens } = slice.campaigns;
      expect(mens.treated.customers).toBe(12);
      expect(womens.treated.customers).toBe(12);
      expect(slice.control.customers).toBe(12);
      expect(mens.holdout.customers + womens.holdout.customers).toBe(12);
      expect(mens.holdout.visits + womens.holdout.visits).toBe(slice.control.visits);
      expect(mens.name).toBe(`Mens e-mail to ${slice.label}`);
    }
    expect(buildSlices(customers, { seed: 3, minPerGroup: 10 })).toEqual(slices);
  });

  it('leaves out slices with too few customers in a group', () => {
    expect(buildSlices(customers, { seed: 3, minPerGroup: 13 })).toEqual([]);
  });

  it('bands spend and recency and names the slice in words', () => {
    const customer = customers.find((c) => c.historySegment === 5 && c.recency === 6 && c.boughtMens && c.boughtWomens && c.channel === 'Web' && c.newbie) as HillstromCustomer;
    const features = sliceFeaturesOf(customer);
    expect(features).toEqual({ purchases: 'both', spendBand: 4, newbie: true, channel: 'Web', recencyBand: 2 });
    expect(describeSlice(features)).toBe("men's and women's buyers, $350+, new, web, last bought 4-8 months ago");
  });
});
