// A preview of a segment for the marketer: how many customers, how many are reachable on each
// planned channel after consent and suppressions, a few masked example rows, and the spread over
// cities and age bands. One query; the segment is evaluated once.
import type { Queryable } from '../../src/data/database.ts';
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { ageSql } from './audience-sql.ts';
import { maskEmail, maskName, maskPhone } from './mask-pii.ts';
import { numberOrNull, plannedChannels, reachableByChannelSql, readReachable, segmentStatement } from './segment-query.ts';
import { asOfDateParam } from './window-sql.ts';

export interface SegmentPreview {
  count: number;
  reachable: Partial<Record<Channel, number>>;
  /** The first customers by id, with names, e-mail addresses and phone numbers masked. */
  sample: Array<{ id: string; name: string; email: string | null; phone: string | null; city: string | null; age: number | null }>;
  breakdown: {
    /** The ten largest cities, then `other`; customers without a city count as `unknown`. */
    byCity: Array<{ key: string; count: number }>;
    /** Age bands in age order (`under 18`, `18-24`, ... `65+`), then `unknown`; empty bands are left out. */
    byAgeBand: Array<{ key: string; count: number }>;
  };
}

export interface PreviewSegmentOptions {
  asOf: Date;
  channels: Channel[];
  /** Example rows to return; default 5. */
  sampleSize?: number;
}

const LARGEST_CITIES = 10;
const AGE_BANDS: ReadonlyArray<{ key: string; below: number }> = [
  { key: 'under 18', below: 18 },
  { key: '18-24', below: 25 },
  { key: '25-34', below: 35 },
  { key: '35-44', below: 45 },
  { key: '45-54', below: 55 },
  { key: '55-64', below: 65 },
  { key: '65+', below: Number.POSITIVE_INFINITY },
];

/** The band an age falls in, `unknown` without a birth date. */
export function ageBand(age: number | null): string {
  if (age === null) return 'unknown';
  return AGE_BANDS.find((band) => age < band.below)?.key ?? 'unknown';
}

function bandCounts(rows: Array<{ age: number | null; customers: number }>): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const band = ageBand(row.age);
    counts.set(band, (counts.get(band) ?? 0) + row.customers);
  }
  return [...AGE_BANDS.map((band) => band.key), 'unknown'].flatMap((key) => (counts.has(key) ? [{ key, count: counts.get(key)! }] : []));
}

function cityCounts(rows: Array<{ city: string | null; customers: number }>): Array<{ key: string; count: number }> {
  const sorted = rows
    .map((row) => ({ key: row.city ?? 'unknown', count: row.customers }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = sorted.slice(LARGEST_CITIES).reduce((sum, entry) => sum + entry.count, 0);
  return rest > 0 ? [...sorted.slice(0, LARGEST_CITIES), { key: 'other', count: rest }] : sorted;
}

interface SampleRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  age: number | null;
}

export async function previewSegment(db: Queryable, definition: SegmentDefinition, options: PreviewSegmentOptions): Promise<SegmentPreview> {
  const { asOf, sampleSize = 5 } = options;
  if (!Number.isInteger(sampleSize) || sampleSize < 0) {
    throw new CodedError(ErrorCode.InvalidInput, `sampleSize must be a whole number of rows, 0 or more (got ${sampleSize})`);
  }
  const channels = plannedChannels(options.channels);
  const { withSegment, params } = segmentStatement(definition, asOf);
  const age = ageSql('c.birth_date', asOfDateParam(params, asOf));
  const sql =
    `${withSegment}, member AS (SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.city, ${age} AS age` +
    ` FROM segment JOIN customers c ON c.id = segment.customer_id)` +
    ` SELECT (SELECT count(*) FROM member) AS count,` +
    ` ${reachableByChannelSql(params, channels)} AS reachable,` +
    ` (SELECT json_agg(example ORDER BY example.id) FROM (SELECT * FROM member ORDER BY id LIMIT ${params.param(sampleSize, 'int')}) example) AS sample,` +
    ` (SELECT json_agg(json_build_object('city', city, 'customers', customers)) FROM (SELECT city, count(*) AS customers FROM member GROUP BY city) cities) AS cities,` +
    ` (SELECT json_agg(json_build_object('age', age, 'customers', customers)) FROM (SELECT age, count(*) AS customers FROM member GROUP BY age) ages) AS ages`;
  const { rows } = await db.query(sql, params.values);
  const row = rows[0] ?? {};
  const sample = ((row.sample ?? []) as SampleRow[]).map((customer) => ({
    id: customer.id,
    name: maskName(customer.first_name, customer.last_name),
    email: maskEmail(customer.email),
    phone: maskPhone(customer.phone),
    city: customer.city,
    age: numberOrNull(customer.age),
  }));
  const cities = ((row.cities ?? []) as Array<{ city: string | null; customers: number }>).map((entry) => ({ city: entry.city, customers: Number(entry.customers) }));
  const ages = ((row.ages ?? []) as Array<{ age: number | null; customers: number }>).map((entry) => ({ age: numberOrNull(entry.age), customers: Number(entry.customers) }));
  return { count: Number(row.count ?? 0), reachable: readReachable(row.reachable), sample, breakdown: { byCity: cityCounts(cities), byAgeBand: bandCounts(ages) } };
}
