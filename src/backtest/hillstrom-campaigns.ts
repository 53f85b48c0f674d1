// Turns the Hillstrom experiment into past campaigns: customers are sliced by what they bought
// (men's, women's or both), spend band, new or returning, purchase channel and recency band; each
// e-mail version sent to a slice is one campaign, and the slice's No E-Mail customers are its holdout
// (split at random between the two versions, so no customer counts twice). Slices too small to
// say anything are left out.
import { createSeededRandom } from '../../tools/forecast/seeded-random.ts';
import type { HillstromCustomer } from './hillstrom-data.ts';

export type EmailVersion = 'mens' | 'womens';
export const EMAIL_VERSIONS: readonly EmailVersion[] = ['mens', 'womens'];

export interface SliceFeatures {
  purchases: 'mens' | 'womens' | 'both';
  /** 1: $0-100, 2: $100-200, 3: $200-350, 4: $350 and more in the past year. */
  spendBand: 1 | 2 | 3 | 4;
  newbie: boolean;
  channel: HillstromCustomer['channel'];
  /** 1: last purchase 1-3 months ago, 2: 4-8 months, 3: 9-12 months. */
  recencyBand: 1 | 2 | 3;
}

export interface GroupCounts {
  customers: number;
  visits: number;
  conversions: number;
  spend: number;
}

export interface SliceCampaign {
  id: string;
  name: string;
  version: EmailVersion;
  features: SliceFeatures;
  treated: GroupCounts;
  /** This campaign's half of the slice's No E-Mail customers. */
  holdout: GroupCounts;
}

export interface CustomerSlice {
  key: string;
  label: string;
  features: SliceFeatures;
  /** Every No E-Mail customer of the slice: the comparison group when judging a held-out campaign's lift. */
  control: GroupCounts;
  campaigns: Record<EmailVersion, SliceCampaign>;
}

export interface SliceOptions {
  /** The fewest customers each of the three groups of a slice must have; default 100. */
  minPerGroup?: number;
  /** Seeds the split of each slice's No E-Mail customers between the two campaigns. */
  seed: number;
}

export const DEFAULT_MIN_PER_GROUP = 100;

const SPEND_LABELS = ['', '$0-100', '$100-200', '$200-350', '$350+'];
const RECENCY_LABELS = ['', 'last bought 1-3 months ago', 'last bought 4-8 months ago', 'last bought 9-12 months ago'];
const PURCHASE_LABELS: Record<SliceFeatures['purchases'], string> = { mens: "men's buyers", womens: "women's buyers", both: "men's and women's buyers" };

export function sliceFeaturesOf(customer: HillstromCustomer): SliceFeatures {
  const purchases = customer.boughtMens && customer.boughtWomens ? 'both' : customer.boughtMens ? 'mens' : 'womens';
  const spendBand = Math.min(4, customer.historySegment) as SliceFeatures['spendBand'];
  const recencyBand = customer.recency <= 3 ? 1 : customer.recency <= 8 ? 2 : 3;
  return { purchases, spendBand, newbie: customer.newbie, channel: customer.channel, recencyBand };
}

export function describeSlice(features: SliceFeatures): string {
  return [
    PURCHASE_LABELS[features.purchases],
    SPEND_LABELS[features.spendBand],
    features.newbie ? 'new' : 'returning',
    features.channel.toLowerCase(),
    RECENCY_LABELS[features.recencyBand],
  ].join(', ');
}

const sliceKey = (features: SliceFeatures): string =>
  [features.purchases, features.spendBand, features.newbie ? 'new' : 'returning', features.channel, features.recencyBand].join('|');

const emptyCounts = (): GroupCounts => ({ customers: 0, visits: 0, conversions: 0, spend: 0 });

function add(counts: GroupCounts, customer: HillstromCustomer): void {
  counts.customers += 1;
  counts.visits += customer.visit ? 1 : 0;
  counts.conversions += customer.conversion ? 1 : 0;
  counts.spend += customer.spend;
}

interface SliceTally {
  features: SliceFeatures;
  mens: GroupCounts;
  womens: GroupCounts;
  control: GroupCounts;
  controlHalves: Record<EmailVersion, GroupCounts>;
}

/** The slices with enough customers in every group, in a stable order (by key). */
export function buildSlices(customers: readonly HillstromCustomer[], options: SliceOptions): CustomerSlice[] {
  const minPerGroup = options.minPerGroup ?? DEFAULT_MIN_PER_GROUP;
  const random = createSeededRandom(options.seed);
  const tallies = new Map<string, SliceTally>();
  for (const customer of customers) {
    const features = sliceFeaturesOf(customer);
    const key = sliceKey(features);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { features, mens: emptyCounts(), womens: emptyCounts(), control: emptyCounts(), controlHalves: { mens: emptyCounts(), womens: emptyCounts() } };
      tallies.set(key, tally);
    }
    if (customer.group === 'Mens E-Mail') add(tally.mens, customer);
    else if (customer.group === 'Womens E-Mail') add(tally.womens, customer);
    else {
      add(tally.control, customer);
      add(tally.controlHalves[random.uniform() < 0.5 ? 'mens' : 'womens'], customer);
    }
  }
  return [...tallies.entries()]
    .filter(([, tally]) => Math.min(tally.mens.customers, tally.womens.customers, tally.control.customers) >= minPerGroup)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tally]) => {
      const label = describeSlice(tally.features);
      const campaign = (version: EmailVersion): SliceCampaign => ({
        id: `${version}|${key}`,
        name: `${version === 'mens' ? 'Mens' : 'Womens'} e-mail to ${label}`,
        version,
        features: tally.features,
        treated: tally[version],
        holdout: tally.controlHalves[version],
      });
      return { key, label, features: tally.features, control: tally.control, campaigns: { mens: campaign('mens'), womens: campaign('womens') } };
    });
}
