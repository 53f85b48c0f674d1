// Generates every row that hangs off a range of demo customers (profile, consents, suppressions,
// orders, order lines, events). Customer i's rows depend only on the seed, as-of and i, so any
// chunking of the range gives the same data.
import { generateConsents, generateSuppression } from './consents.ts';
import { generateCustomerProfile } from './customers.ts';
import { simulateEngagement } from './engagement.ts';
import { simulateShopping } from './behaviour.ts';
import { createRandom } from './random.ts';
import type { SeedCalendar } from './seasonality.ts';
import { isoTime } from './seed-tables.ts';
import type { CustomerRows } from './seed-tables.ts';

/** Random streams, so a change in one part of a customer's story does not reshuffle the others. */
const STREAM = { profile: 1, consents: 2, shopping: 3, engagement: 4 } as const;

export interface CustomerBatchContext {
  seed: number;
  calendar: SeedCalendar;
}

export interface CustomerBatchSummary {
  customers: number;
  orders: number;
  events: number;
}

export function generateCustomerBatch(context: CustomerBatchContext, fromIndex: number, count: number, rows: CustomerRows): CustomerBatchSummary {
  const { seed, calendar } = context;
  const summary: CustomerBatchSummary = { customers: 0, orders: 0, events: 0 };
  for (let index = fromIndex; index < fromIndex + count; index++) {
    const profile = generateCustomerProfile(index, calendar, createRandom(seed, STREAM.profile, index));
    rows.customers.push([
      profile.id,
      profile.firstName,
      profile.lastName,
      profile.email,
      profile.phone,
      profile.gender,
      profile.birthDate,
      profile.city,
      profile.country,
      profile.timeZone,
      profile.locale,
      JSON.stringify(profile.attributes),
      isoTime(profile.createdAtMs),
    ]);
    const consentRandom = createRandom(seed, STREAM.consents, index);
    const consents = generateConsents(profile, calendar, consentRandom);
    const suppression = generateSuppression(profile, calendar, consentRandom);
    const shopping = simulateShopping(profile, calendar, createRandom(seed, STREAM.shopping, index), rows);
    const engagement = simulateEngagement(profile, consents, suppression, calendar, createRandom(seed, STREAM.engagement, index), rows);
    for (const consent of consents) {
      rows.consents.push([profile.id, consent.channel, consent.granted, consent.source, isoTime(consent.recordedAtMs)]);
    }
    if (suppression) rows.suppressions.push([profile.id, suppression.channel, suppression.reason, isoTime(suppression.createdAtMs)]);
    summary.customers++;
    summary.orders += shopping.orders;
    summary.events += shopping.events + engagement.events;
  }
  return summary;
}
