// Synthetic Hillstrom-shaped customers for tests: every slice feature combination, the three
// groups, and visit and conversion chances that depend on the features and the e-mail sent.
import { createSeededRandom } from '../../tools/forecast/seeded-random.ts';
import type { HillstromCustomer, HillstromGroup } from './hillstrom-data.ts';

const GROUPS: HillstromGroup[] = ['Mens E-Mail', 'Womens E-Mail', 'No E-Mail'];
const CHANNELS: HillstromCustomer['channel'][] = ['Phone', 'Web', 'Multichannel'];

export function syntheticCustomers({ perCell = 40, seed = 1 } = {}): HillstromCustomer[] {
  const random = createSeededRandom(seed);
  const customers: HillstromCustomer[] = [];
  for (const purchases of [[true, false], [false, true], [true, true]] as const)
    for (const historySegment of [1, 2, 3, 5])
      for (const newbie of [false, true])
        for (const channel of CHANNELS)
          for (const recency of [2, 6, 10])
            for (const group of GROUPS)
              for (let index = 0; index < perCell; index++) {
                const organic = 0.06 + 0.02 * Math.min(4, historySegment) - 0.004 * recency;
                const lift = group === 'No E-Mail' ? 0 : group === 'Mens E-Mail' || purchases[1] ? 0.06 : 0.01;
                const visit = random.uniform() < organic + lift;
                customers.push({
                  recency,
                  historySegment,
                  history: 50 * historySegment,
                  boughtMens: purchases[0],
                  boughtWomens: purchases[1],
                  zipCode: 'Urban',
                  newbie,
                  channel,
                  group,
                  visit,
                  conversion: visit && random.uniform() < 0.08,
                  spend: 0,
                });
              }
  return customers;
}
