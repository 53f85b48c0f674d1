import { describe, expect, it } from 'vitest';
import { CATALOGUE, DEMO_CATEGORIES } from './catalogue.ts';
import { generateCustomerBatch } from './customer-batch.ts';
import { PLACES } from './places.ts';
import { createSeedCalendar } from './seasonality.ts';
import { createCustomerRows } from './seed-tables.ts';
import type { CustomerRows } from './seed-tables.ts';

const calendar = createSeedCalendar(new Date('2026-11-20T15:00:00Z'));

function generate(seed: number, from: number, count: number, chunk = count): CustomerRows {
  const rows = createCustomerRows();
  for (let start = from; start < from + count; start += chunk) {
    generateCustomerBatch({ seed, calendar }, start, Math.min(chunk, from + count - start), rows);
  }
  return rows;
}

const snapshot = (rows: CustomerRows) => ({
  customers: rows.customers.toObjects(),
  consents: rows.consents.toObjects(),
  suppressions: rows.suppressions.toObjects(),
  orders: rows.orders.toObjects(),
  orderItems: rows.orderItems.toObjects(),
  events: rows.events.toObjects(),
});

describe('generateCustomerBatch', () => {
  it('gives the same rows for the same seed however the range is chunked', () => {
    const whole = snapshot(generate(42, 0, 120));
    expect(snapshot(generate(42, 0, 120, 7))).toEqual(whole);
    // A customer's rows do not depend on the customers generated before it.
    const tail = snapshot(generate(42, 100, 20));
    expect(tail.customers).toEqual(whole.customers.slice(100));
    expect(tail.events).toEqual(whole.events.filter((event) => Number(String(event.customer_id).slice(1)) > 100));
  });

  it('gives different people for a different seed', () => {
    const a = generate(42, 0, 50).customers.toObjects();
    const b = generate(7, 0, 50).customers.toObjects();
    expect(a.map((row) => row.id)).toEqual(b.map((row) => row.id));
    expect(a.map((row) => row.email)).not.toEqual(b.map((row) => row.email));
  });

  const rows = generate(42, 0, 3000);
  const customers = rows.customers.toObjects();

  it('writes plausible, unique contact details', () => {
    const emails = customers.map((row) => row.email).filter((email): email is string => email !== null);
    const phones = customers.map((row) => row.phone).filter((phone): phone is string => phone !== null);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(phones).size).toBe(phones.length);
    expect(emails.length).toBeGreaterThan(0.9 * customers.length);
    for (const email of emails) expect(email).toMatch(/^[a-z._]+\d+@example\.(com|cn|org|net)$/);
    for (const row of customers) {
      if (row.phone === null) continue;
      const pattern = { CN: /^\+861[3-9]\d{9}$/, US: /^\+1[2-9]\d{9}$/, CA: /^\+1[2-9]\d{9}$/, HK: /^\+852[569]\d{7}$/ }[row.country as string];
      if (pattern) expect(row.phone).toMatch(pattern);
    }
  });

  it('places each customer in a city of their locale with its country and time zone', () => {
    for (const row of customers) {
      const place = PLACES.find((candidate) => candidate.city === row.city);
      expect(place).toBeDefined();
      expect({ country: row.country, time_zone: row.time_zone, locale: row.locale }).toEqual({
        country: place!.country,
        time_zone: place!.timeZone,
        locale: place!.locale,
      });
    }
  });

  it('keeps every event and order inside the history and after the customer signed up', () => {
    const createdAt = new Map(customers.map((row) => [row.id, Date.parse(row.created_at as string)]));
    const inHistory = (customerId: unknown, at: unknown): boolean => {
      const ms = Date.parse(at as string);
      return ms < calendar.asOfMs && ms >= calendar.windowStartMs && ms >= (createdAt.get(customerId) as number);
    };
    expect(rows.events.toObjects().every((event) => inHistory(event.customer_id, event.occurred_at))).toBe(true);
    expect(rows.orders.toObjects().every((order) => inHistory(order.customer_id, order.ordered_at))).toBe(true);
  });

  it('references only catalogue products and keeps order totals equal to lines minus discount', () => {
    const productIds = new Set(CATALOGUE.map((product) => product.id));
    const items = rows.orderItems.toObjects();
    expect(items.every((item) => productIds.has(item.product_id as string))).toBe(true);
    const subtotal = new Map<string, number>();
    for (const item of items) {
      subtotal.set(item.order_id as string, (subtotal.get(item.order_id as string) ?? 0) + (item.quantity as number) * (item.unit_price as number));
    }
    for (const order of rows.orders.toObjects()) {
      expect(order.total as number).toBeCloseTo((subtotal.get(order.id as string) as number) - (order.discount as number), 2);
      expect(order.total as number).toBeGreaterThan(0);
    }
  });

  it('uses a fixed catalogue of about 120 products over the demo categories with 20-60% margins', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(110);
    expect(CATALOGUE.length).toBeLessThanOrEqual(130);
    expect(new Set(CATALOGUE.map((product) => product.category))).toEqual(new Set(DEMO_CATEGORIES));
    for (const product of CATALOGUE) {
      const margin = 1 - product.cost / product.price;
      expect(margin).toBeGreaterThanOrEqual(0.199);
      expect(margin).toBeLessThanOrEqual(0.601);
      expect(product.name).toMatch(/\p{Script=Han}.* [A-Za-z]/u);
    }
  });
});
