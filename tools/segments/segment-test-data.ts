// A small hand-built data set for the segment engine's tests: a dozen customers whose orders,
// events, consents and sends sit on the edges of windows, ranks and thresholds. The tests insert it
// and compare the compiled SQL with an independent in-memory evaluation over the same rows.
import type { Queryable } from '../../src/data/database.ts';
import type { Channel, EventType, Gender } from '../../src/domain/vocabulary.ts';

export const AS_OF = new Date('2026-11-15T12:00:00Z');
/** The planned send used for frequency-cap facts: one hour after as-of. */
export const SEND_AT = new Date(AS_OF.getTime() + 3_600_000);

const DAY = 86_400_000;
const MINUTE = 60_000;
/** The instant `days` days (plus `seconds` seconds) before `from` (default as-of). */
export function daysBefore(days: number, seconds = 0, from: Date = AS_OF): Date {
  return new Date(from.getTime() - days * DAY + seconds * 1000);
}
const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * MINUTE);

export interface TestCustomer {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  gender: Gender;
  birth_date: string | null;
  city: string | null;
  country: string | null;
  time_zone: string;
  locale: 'en' | 'zh';
  /** Custom attributes (a JSON object). */
  attributes: Record<string, unknown>;
}
export interface TestConsent { customer_id: string; channel: Channel; granted: boolean; source: string; recorded_at: Date }
export interface TestSuppression { customer_id: string; channel: Channel | null; reason: string }
export interface TestProduct { id: string; name: string; category: string; price: number }
export interface TestOrder { id: string; customer_id: string; ordered_at: Date; status: 'completed' | 'cancelled' | 'returned'; total: number; discount: number }
export interface TestOrderItem { order_id: string; line_no: number; product_id: string; quantity: number; unit_price: number }
export interface TestEvent { customer_id: string; type: EventType; occurred_at: Date }
export interface TestSend { campaign_id: string; customer_id: string; step: number; channel: Channel; variant: string; status: string; send_at: Date; sent_at: Date | null }

const customer = (
  id: string, first: string | null, last: string | null, gender: Gender, birth: string | null,
  city: string | null, country: string | null, timeZone: string, locale: 'en' | 'zh',
  contact: { email?: string; phone?: string } = {},
): TestCustomer => ({
  id, first_name: first, last_name: last, email: contact.email ?? null, phone: contact.phone ?? null,
  gender, birth_date: birth, city, country, time_zone: timeZone, locale, attributes: ATTRIBUTES[id] ?? {},
});

/** Custom attributes: text, numbers, numeric text, flags, JSON null, nesting and hostile keys. */
const ATTRIBUTES: Record<string, Record<string, unknown>> = {
  c01: { tier: 'gold', points: 120, vip: true, joined: '2020-01-05' },
  c02: { tier: 'silver', points: '80', joined: '2024-06-30' },
  c03: { tier: 'gold', points: 120.5, vip: false },
  c04: { tier: null, points: -3 },
  c05: { points: 'n/a', joined: '2019-12-31' },
  c09: { tier: 'Gold', points: '100' },
  c11: { "'; DROP TABLE customers; --": 'x', tier: 'O\'Brien "town" \\' },
  c12: { nested: { a: 1 }, list: [1, 2], points: 100 },
};

export const CUSTOMERS: TestCustomer[] = [
  customer('c01', 'Li', 'Wang', 'female', '2001-11-15', 'Shanghai', 'CN', 'Asia/Shanghai', 'zh', { email: 'li.wang@example.com', phone: '+86 13812345678' }),
  customer('c02', 'Mei', 'Chen', 'female', '2001-11-16', 'Beijing', 'CN', 'Asia/Shanghai', 'zh', { email: 'mei@example.cn' }),
  customer('c03', 'John', 'Smith', 'male', '1990-05-20', 'London', 'GB', 'Europe/London', 'en', { email: 'john@example.co.uk', phone: '+44 7700 900123' }),
  customer('c04', 'Anna', 'Ivanova', 'female', '1996-03-01', 'Shanghai', 'CN', 'Asia/Tokyo', 'en', { phone: '13900001111' }),
  customer('c05', '伟', '王', 'male', '2010-06-01', 'Shenzhen', 'CN', 'Asia/Shanghai', 'zh', { phone: '+8613700002222' }),
  customer('c06', null, null, 'unknown', null, null, null, 'UTC', 'en'),
  customer('c07', 'Sara', 'Lopez', 'female', '1985-12-31', 'New York', 'US', 'America/New_York', 'en', { email: 'sara@example.com' }),
  customer('c08', '敏', '赵', 'female', '2009-11-15', 'Hangzhou', 'CN', 'Asia/Shanghai', 'zh'),
  customer('c09', 'Tom', 'Brown', 'male', '1975-01-01', 'Beijing', 'CN', 'Asia/Shanghai', 'en', { email: 'tom@example.com' }),
  customer('c10', 'Emma', 'Davis', 'female', '2000-07-07', 'Sydney', 'AU', 'Australia/Sydney', 'en', { email: 'emma@example.com' }),
  customer('c11', "Robert'); DROP TABLE customers;--", "O'Brien", 'male', '1970-01-01', 'O\'Brien "town" \\', 'IE', 'Europe/Dublin', 'en', { email: "o'brien@example.ie" }),
  customer('c12', 'Kai', 'Müller', 'male', '1998-02-28', 'Berlin', 'DE', 'Europe/Berlin', 'en', { email: 'kai@example.de' }),
];

const consent = (customerId: string, channel: Channel, granted: boolean): TestConsent => ({
  customer_id: customerId, channel, granted, source: 'test', recorded_at: daysBefore(400),
});
export const CONSENTS: TestConsent[] = [
  consent('c01', 'sms', true), consent('c01', 'email', true),
  consent('c02', 'sms', true), consent('c02', 'email', false),
  consent('c03', 'email', true),
  consent('c04', 'sms', true),
  consent('c05', 'sms', true),
  consent('c06', 'push', true),
  consent('c07', 'email', true),
  consent('c08', 'wecom', true),
  consent('c09', 'sms', true), consent('c09', 'push', true),
  consent('c10', 'email', true), consent('c10', 'sms', false),
  consent('c12', 'wecom', true), consent('c12', 'email', true),
];
export const SUPPRESSIONS: TestSuppression[] = [
  { customer_id: 'c04', channel: 'sms', reason: 'complaint' },
  { customer_id: 'c07', channel: null, reason: 'legal hold' },
  { customer_id: 'c12', channel: 'email', reason: 'bounced' },
];

export const PRODUCTS: TestProduct[] = [
  { id: 'p-baby', name: 'Stroller', category: 'baby', price: 300 },
  { id: 'p-beauty', name: 'Serum', category: 'beauty', price: 100 },
  { id: 'p-elec', name: 'Earbuds', category: 'electronics', price: 50 },
  { id: 'p-alc', name: 'Baijiu', category: 'alcohol', price: 120 },
  { id: 'p-book', name: 'Novel', category: 'books', price: 40 },
];

const order = (id: string, customerId: string, orderedAt: Date, total: number, status: TestOrder['status'] = 'completed'): TestOrder => ({
  id, customer_id: customerId, ordered_at: orderedAt, status, total, discount: DISCOUNTS[id] ?? 0,
});
/** Discounts on some orders, for price sensitivity (o05 is returned, o12 has a one-cent discount). */
const DISCOUNTS: Record<string, number> = { o01: 10, o02: 20, o03: 0, o05: 5, o06: 40, o11: 50, o12: 0.01 };
export const ORDERS: TestOrder[] = [
  order('o01', 'c01', daysBefore(30), 100), // exactly 30 days before: outside rolling 30
  order('o02', 'c02', daysBefore(30, 1), 200), // one second later: inside rolling 30
  order('o03', 'c03', AS_OF, 50), // at as-of: inside
  order('o04', 'c03', daysBefore(10), 999, 'cancelled'),
  order('o05', 'c04', daysBefore(20), 500, 'returned'),
  order('o06', 'c04', new Date('2026-10-01T00:00:00Z'), 400), // first instant of October (UTC)
  order('o07', 'c05', new Date('2026-09-30T23:59:59Z'), 80), // last second of September
  order('o08', 'c07', new Date('2026-10-31T23:59:59Z'), 120), // last second of October
  order('o09', 'c09', new Date('2026-11-01T00:00:00Z'), 300), // first instant of November
  order('o10', 'c10', new Date('2026-09-30T20:00:00Z'), 150), // 1 October 06:00 in Sydney, still September in UTC
  order('o11', 'c09', daysBefore(100), 700),
  order('o12', 'c12', daysBefore(200), 60),
  order('o13', 'c01', daysBefore(5), 300),
  order('o14', 'c02', daysBefore(400), 1000),
];
const PRODUCT_OF_ORDER: Record<string, string[]> = {
  o01: ['p-beauty'], o02: ['p-beauty', 'p-book'], o03: ['p-elec'], o04: ['p-beauty'], o05: ['p-beauty'],
  o06: ['p-baby'], o07: ['p-book'], o08: ['p-alc'], o09: ['p-elec'], o10: ['p-beauty'], o11: ['p-elec'],
  o12: ['p-book'], o13: ['p-baby'], o14: ['p-alc'],
};
export const ORDER_ITEMS: TestOrderItem[] = Object.entries(PRODUCT_OF_ORDER).flatMap(([orderId, productIds]) =>
  productIds.map((productId, index) => ({ order_id: orderId, line_no: index + 1, product_id: productId, quantity: 1, unit_price: 1 })),
);

const event = (customerId: string, type: EventType, occurredAt: Date): TestEvent => ({ customer_id: customerId, type, occurred_at: occurredAt });
const logins = (customerId: string, ...daysAgo: number[]) => daysAgo.map((days) => event(customerId, 'login', daysBefore(days)));
const cartAt = daysBefore(2);
const cartAt2 = daysBefore(3);
export const EVENTS: TestEvent[] = [
  // Sequences: add to cart, then purchase (or not) within 120 minutes.
  event('c01', 'add_to_cart', cartAt), event('c01', 'purchase', minutesAfter(cartAt, 120)), // bought exactly at the limit
  event('c02', 'add_to_cart', cartAt2), event('c02', 'purchase', minutesAfter(cartAt2, 121)), // bought a minute too late
  event('c03', 'add_to_cart', daysBefore(30)), // exactly 30 days ago: outside rolling 30
  event('c04', 'add_to_cart', daysBefore(30, 1)), // one second later: inside
  event('c09', 'add_to_cart', daysBefore(1)), event('c09', 'purchase', daysBefore(1)), // same instant is not "after"
  event('c10', 'add_to_cart', minutesAfter(AS_OF, -60)), // the follow-up period has not ended yet
  // Logins: counts on the rolling edge and churn-risk patterns.
  event('c05', 'login', daysBefore(30)), event('c05', 'login', daysBefore(30, 1)),
  ...logins('c01', 1, 2, 3),
  ...logins('c03', 4),
  ...logins('c06', 40, 50, 60, 70, 80, 90, 100, 110, 120, 130), // high risk: ten earlier, none recent
  ...logins('c07', 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 10), // medium only: rate halved
  ...logins('c08', ...Array.from({ length: 50 }, (_, index) => 31 + index * 2), 5, 6, 7), // exactly 30%: medium, not high
  ...logins('c11', 40, 50, 60, 70), // too few earlier logins to judge
  ...logins('c12', 30, 60, 90, 120, 179, 180), // five earlier (30 days ago counts as earlier, 180 is outside)
  ...logins('c09', 40, 60, 80, 100, 120, 2, 3), // steady
  // Views on the calendar edges of October (UTC), and one that is October only in Sydney.
  event('c06', 'view', new Date('2026-10-01T00:00:00Z')), event('c06', 'view', new Date('2026-10-31T23:59:59Z')),
  event('c02', 'view', new Date('2026-09-30T23:59:59Z')), event('c02', 'view', new Date('2026-11-01T00:00:00Z')),
  event('c10', 'view', new Date('2026-09-30T20:00:00Z')),
  event('c03', 'open', daysBefore(1)), event('c03', 'click', daysBefore(1)),
];

export const CAMPAIGN_ID = 'camp-earlier';
const send = (customerId: string, step: number, status: string, sendAt: Date, sent = status === 'sent'): TestSend => ({
  campaign_id: CAMPAIGN_ID, customer_id: customerId, step, channel: 'sms', variant: 'A', status, send_at: sendAt, sent_at: sent ? sendAt : null,
});
/** Frequency cap in the tests: at most 2 messages in 7 days before SEND_AT. */
export const SENDS: TestSend[] = [
  send('c01', 0, 'queued', daysBefore(1, 0, SEND_AT)), send('c01', 1, 'sent', daysBefore(3, 0, SEND_AT)), // 2: at the cap
  send('c02', 0, 'sent', daysBefore(8, 0, SEND_AT)), send('c02', 1, 'queued', daysBefore(1, 0, SEND_AT)), // 1 in the window
  send('c03', 0, 'failed', daysBefore(1, 0, SEND_AT)), send('c03', 1, 'cancelled', daysBefore(2, 0, SEND_AT)), send('c03', 2, 'sent', daysBefore(2, 0, SEND_AT)), // 1 counted
  send('c09', 0, 'sent', daysBefore(7, 0, SEND_AT)), send('c09', 1, 'sent', daysBefore(7, 1, SEND_AT)), send('c09', 2, 'queued', SEND_AT), // 2: window edge
  send('c10', 0, 'queued', daysBefore(-1, 0, SEND_AT)), send('c10', 1, 'queued', daysBefore(-2, 0, SEND_AT)), // after the send: not counted
];

async function insertRows(db: Queryable, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const values = columns.map((column) => {
      const value = row[column];
      if (value instanceof Date) return value.toISOString();
      // JSON objects (attributes) travel as text; arrays stay arrays (text[] columns).
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`, values);
  }
}

export async function insertSegmentTestData(db: Queryable): Promise<void> {
  await insertRows(db, 'customers', CUSTOMERS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'consents', CONSENTS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'suppressions', SUPPRESSIONS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'products', PRODUCTS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'orders', ORDERS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'order_items', ORDER_ITEMS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'events', EVENTS as unknown as Array<Record<string, unknown>>);
  await insertRows(db, 'campaigns', [
    {
      id: CAMPAIGN_ID, name: 'Earlier campaign', status: 'running', objective: 'awareness', channels: ['sms'],
      brief: JSON.stringify({}), segment_definition: JSON.stringify({}), created_by: 'test',
    },
  ]);
  await insertRows(db, 'sends', SENDS as unknown as Array<Record<string, unknown>>);
}
