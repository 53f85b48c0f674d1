// fast-check generators of segment definitions for the property tests: one set of value sources
// drawn from the test data set (so results can be compared with the reference evaluation), one of
// hostile values (quotes, SQL, backslashes, placeholders, unicode) in every field that takes text.
import fc from 'fast-check';
import type { AttributeValue, Condition, LeafCondition, SegmentDefinition, Window } from '../../src/domain/segment.ts';
import { CHANNELS, EventType, Gender } from '../../src/domain/vocabulary.ts';

export interface ValueSources {
  text(field: 'city' | 'country' | 'locale' | 'time_zone' | 'category' | 'attribute_key'): fc.Arbitrary<string>;
  attributeValue: fc.Arbitrary<AttributeValue>;
  /** A share of orders, 0..1 (price sensitivity bounds). */
  fraction: fc.Arbitrary<number>;
  lift: fc.Arbitrary<number>;
  window: fc.Arbitrary<Window>;
  age: fc.Arbitrary<number>;
  count: fc.Arbitrary<number>;
  amount: fc.Arbitrary<number>;
  share: fc.Arbitrary<number>;
  minutes: fc.Arbitrary<number>;
}

export const HOSTILE_TEXTS = [
  "'; DROP TABLE customers; --",
  "Robert'); DROP TABLE orders;--",
  '" OR 1=1 --',
  "\\'; SELECT pg_sleep(1); --",
  '$1',
  '$2::text); DELETE FROM events; --',
  '\\',
  "''",
  '{"a":1}',
  '{a,b}',
  '上海\'s "最好" 城市',
  '😀🧪 e\u0301',
  '*/ /* -- ;',
  'NULL',
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
).filter((text) => text.length >= 1 && text.length <= 200 && !text.includes('\u0000'));

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const calendarWindow = fc
  .tuple(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 400 }))
  .map(([from, days]): Window => ({ type: 'calendar', from: isoDay(from), to: isoDay(new Date(from.getTime() + days * 86_400_000)) }));

export const HOSTILE_VALUES: ValueSources = {
  text: () => hostileText,
  window: fc.oneof(fc.integer({ min: 1, max: 3650 }).map((days): Window => ({ type: 'rolling', days })), calendarWindow),
  age: fc.integer({ min: 0, max: 130 }),
  count: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true })),
  amount: fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  share: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
  minutes: fc.integer({ min: 1, max: 60 * 24 * 90 }),
  attributeValue: fc.oneof(
    hostileText.filter((text) => text.length <= 200),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
  ),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  lift: fc.double({ min: Number.MIN_VALUE, max: 1000, noNaN: true }),
};

const FIXTURE_TEXTS = {
  city: ['Shanghai', 'Beijing', 'London', 'Sydney', 'O\'Brien "town" \\', 'Nowhere'],
  country: ['CN', 'GB', 'US', 'AU', 'XX'],
  locale: ['en', 'zh', 'fr'],
  time_zone: ['Asia/Shanghai', 'Asia/Tokyo', 'UTC', 'Europe/London', 'Australia/Sydney'],
  category: ['baby', 'beauty', 'electronics', 'alcohol', 'books', 'toys'],
  attribute_key: ['tier', 'points', 'vip', 'joined', 'nested', 'list', 'missing', "'; DROP TABLE customers; --"],
} as const;
const FIXTURE_WINDOWS: Window[] = [
  ...[1, 2, 3, 5, 10, 14, 29, 30, 31, 45, 60, 179, 180, 200, 365, 400].map((days): Window => ({ type: 'rolling', days })),
  { type: 'calendar', from: '2026-10-01', to: '2026-10-31' },
  { type: 'calendar', from: '2026-09-30', to: '2026-10-01' },
  { type: 'calendar', from: '2026-11-01', to: '2026-11-15' },
  { type: 'calendar', from: '2026-01-01', to: '2026-12-31' },
  { type: 'calendar', from: '2026-09-30', to: '2026-09-30' },
];

/** Values that make a difference on the test data set: its cities, edges of its windows, its totals. */
export const FIXTURE_VALUES: ValueSources = {
  text: (field) => fc.constantFrom(...FIXTURE_TEXTS[field]),
  window: fc.constantFrom(...FIXTURE_WINDOWS),
  age: fc.integer({ min: 0, max: 60 }),
  count: fc.integer({ min: 0, max: 4 }),
  amount: fc.constantFrom(0, 50, 60, 100, 120, 150, 199, 200, 300, 400, 1000),
  share: fc.constantFrom(0.1, 0.2, 0.3, 1 / 3, 0.5, 0.75, 1),
  minutes: fc.constantFrom(1, 60, 119, 120, 121, 1440),
  attributeValue: fc.constantFrom<AttributeValue>('gold', 'Gold', 'silver', 'x', '2020-01-05', '2021', '{', 120, 120.5, 100, 80, -3, 0, true, false),
  fraction: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
  lift: fc.constantFrom(0.5, 1, 1.5, 1.6, 3),
};

type WithRequired = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.Arbitrary<T>;

/** Attribute, first/last occurrence, RFM and predicted-attribute conditions. */
function extendedLeafArbitraries(values: ValueSources, withRequired: WithRequired): Array<fc.Arbitrary<LeafCondition>> {
  const score = fc.integer({ min: 1, max: 5 });
  const scoreRange = fc.tuple(score, score).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
  const attribute = fc.oneof(
    fc.record({ kind: fc.constant('attribute' as const), key: values.text('attribute_key'), op: fc.constant('exists' as const) }),
    fc.record({ kind: fc.constant('attribute' as const), key: values.text('attribute_key'), op: fc.constantFrom('eq' as const, 'neq' as const), value: values.attributeValue }),
    fc.record({
      kind: fc.constant('attribute' as const),
      key: values.text('attribute_key'),
      op: fc.constantFrom('gt' as const, 'lt' as const),
      value: values.attributeValue.filter((value) => typeof value !== 'boolean'),
    }),
    fc.record({ kind: fc.constant('attribute' as const), key: values.text('attribute_key'), op: fc.constant('in' as const), values: fc.array(values.attributeValue, { minLength: 1, maxLength: 4 }) }),
  );
  return [
    attribute as fc.Arbitrary<LeafCondition>,
    fc.record({
      kind: fc.constant('event_time' as const),
      event: fc.constantFrom(...EventType.options, 'order' as const),
      which: fc.constantFrom('first' as const, 'last' as const),
      window: values.window,
    }),
    fc
      .record(
        { kind: fc.constant('rfm' as const), recency: scoreRange, frequency: scoreRange, monetary: scoreRange, window: values.window },
        { requiredKeys: ['kind', 'window'] },
      )
      .filter((condition) => Boolean(condition.recency || condition.frequency || condition.monetary)),
    fc
      .record({ kind: fc.constant('predicted_clv' as const), topShare: values.share, min: values.amount }, { requiredKeys: ['kind'] })
      .filter((condition) => condition.topShare !== undefined || condition.min !== undefined),
    withRequired({ kind: fc.constant('price_sensitivity' as const), window: values.window, min: values.fraction, max: values.fraction }),
    fc.record({ kind: fc.constant('category_affinity' as const), category: values.text('category'), minLift: values.lift, window: values.window }),
  ] as Array<fc.Arbitrary<LeafCondition>>;
}

function leafArbitrary(values: ValueSources): fc.Arbitrary<LeafCondition> {
  const event = fc.constantFrom(...EventType.options);
  const bounds = (value: fc.Arbitrary<number>) => ({ min: value, max: value });
  const optionalBounds = ['min', 'max'];
  const withRequired: WithRequired = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
    fc.record(model, { requiredKeys: Object.keys(model).filter((key) => !optionalBounds.includes(key)) as Array<keyof T> }) as unknown as fc.Arbitrary<T>;
  const profileField = fc.constantFrom('city', 'country', 'locale', 'time_zone' as const);
  return fc.oneof(
    withRequired({ kind: fc.constant('age' as const), ...bounds(values.age) }),
    fc.record({ kind: fc.constant('gender' as const), values: fc.subarray([...Gender.options], { minLength: 1 }) }),
    profileField.chain((field) =>
      fc.record({ kind: fc.constant('profile' as const), field: fc.constant(field), values: fc.array(values.text(field), { minLength: 1, maxLength: 4 }) }),
    ),
    fc.record({ kind: fc.constant('consent' as const), channel: fc.constantFrom(...CHANNELS) }),
    withRequired({ kind: fc.constant('event_count' as const), event, window: values.window, ...bounds(values.count) }),
    fc.constantFrom('count' as const, 'total' as const).chain((metric) =>
      withRequired({
        kind: fc.constant('order_stat' as const),
        metric: fc.constant(metric),
        window: values.window,
        ...bounds(metric === 'count' ? values.count : values.amount),
      }),
    ),
    fc.record({ kind: fc.constant('sequence' as const), first: event, missing: event, withinMinutes: values.minutes, window: values.window }),
    fc.record({ kind: fc.constant('spend_rank' as const), topShare: values.share, window: values.window }),
    fc.record({ kind: fc.constant('churn_risk' as const), level: fc.constantFrom('medium' as const, 'high' as const) }),
    fc.record({ kind: fc.constant('category_purchase' as const), category: values.text('category'), window: values.window }),
    ...extendedLeafArbitraries(values, withRequired),
  ) as fc.Arbitrary<LeafCondition>;
}

/** Definitions nested up to three combinators deep. */
export function definitionArbitrary(values: ValueSources): fc.Arbitrary<SegmentDefinition> {
  const leaf = leafArbitrary(values);
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'segment-condition' },
      leaf,
      fc.record({ kind: fc.constant('and' as const), conditions: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('or' as const), conditions: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('not' as const), condition: tie('condition') }),
    ),
  }));
  return condition.map((root) => ({ version: 1 as const, root }));
}
