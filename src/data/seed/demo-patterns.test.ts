// The realistic patterns of the demo data, each found with SQL the way a segment would find it.
// Thresholds are stated for 10,000 customers and scaled to the size seeded here (2,000 by default;
// CAMPAIGN_AGENT_SEED_TEST_CUSTOMERS=10000 checks the full-size numbers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import { seedDemoData } from './seed-demo-data.ts';

const CUSTOMERS = Number(process.env.CAMPAIGN_AGENT_SEED_TEST_CUSTOMERS ?? 2000);
const scale = CUSTOMERS / 10_000;
/** History ends 2026-11-20 15:00 UTC: it holds 618 and 双11, and 20 days of the current month. */
const AS_OF = '2026-11-20T15:00:00Z';

describe(`demo data patterns (${CUSTOMERS} customers)`, () => {
  let test: TestDatabase;
  const one = async <T extends Record<string, unknown>>(sql: string): Promise<T> => {
    const { rows } = await test.db.query<T>(sql.replaceAll(':asOf', `'${AS_OF}'::timestamptz`));
    return rows[0] as T;
  };
  const all = async <T extends Record<string, unknown>>(sql: string): Promise<T[]> =>
    (await test.db.query<T>(sql.replaceAll(':asOf', `'${AS_OF}'::timestamptz`))).rows;

  beforeAll(async () => {
    test = await createTestDatabase();
    await seedDemoData(test.db, { customers: CUSTOMERS, asOf: new Date(AS_OF) });
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('is bilingual: about 75% zh with Chinese names in Chinese cities, the rest en elsewhere', async () => {
    const rows = await all<{ locale: string; n: number; han_names: number; zones: string[]; countries: string[] }>(
      `SELECT locale, count(*)::int AS n,
              count(*) FILTER (WHERE first_name ~ '^[一-鿿]+$' AND last_name ~ '^[一-鿿]+$')::int AS han_names,
              array_agg(DISTINCT time_zone ORDER BY time_zone) AS zones, array_agg(DISTINCT country ORDER BY country) AS countries
         FROM customers GROUP BY locale ORDER BY locale`,
    );
    const [en, zh] = rows as [(typeof rows)[number], (typeof rows)[number]];
    expect(zh.n / CUSTOMERS).toBeGreaterThan(0.7);
    expect(zh.n / CUSTOMERS).toBeLessThan(0.8);
    expect(zh.han_names).toBe(zh.n);
    expect(zh.zones).toEqual(['Asia/Hong_Kong', 'Asia/Shanghai', 'Asia/Taipei']);
    expect(zh.countries).toEqual(['CN', 'HK', 'TW']);
    expect(en.han_names).toBe(0);
    expect(en.zones).toEqual(expect.arrayContaining(['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Singapore', 'America/Toronto']));
    expect(en.zones).not.toContain('Asia/Shanghai');
  });

  it('has unique, plausible e-mail addresses and phone numbers', async () => {
    expect(
      await one(`SELECT count(email) - count(DISTINCT email) AS duplicate_emails, count(phone) - count(DISTINCT phone) AS duplicate_phones,
                        count(*) FILTER (WHERE email !~ '^[a-z._]+[0-9]+@example\\.(com|cn|org|net)$') AS odd_emails,
                        count(*) FILTER (WHERE country = 'CN' AND phone !~ '^\\+861[3-9][0-9]{9}$') AS odd_cn_phones,
                        count(*) FILTER (WHERE country IN ('US', 'CA') AND phone !~ '^\\+1[2-9][0-9]{9}$') AS odd_na_phones
                   FROM customers`),
    ).toEqual({ duplicate_emails: 0, duplicate_phones: 0, odd_emails: 0, odd_cn_phones: 0, odd_na_phones: 0 });
  });

  it('has genders about 55/40/5 and ages 16-70 with about 3% minors, and a few hundred women of 25-30', async () => {
    const stats = await one<{ female: number; male: number; unknown: number; minors: number; youngest: number; oldest: number; women_25_30: number }>(
      `SELECT avg((gender = 'female')::int)::float AS female, avg((gender = 'male')::int)::float AS male, avg((gender = 'unknown')::int)::float AS unknown,
              avg((age(:asOf, birth_date) < interval '18 years')::int)::float AS minors,
              min(date_part('year', age(:asOf, birth_date)))::int AS youngest, max(date_part('year', age(:asOf, birth_date)))::int AS oldest,
              count(*) FILTER (WHERE gender = 'female' AND date_part('year', age(:asOf, birth_date)) BETWEEN 25 AND 30)::int AS women_25_30
         FROM customers`,
    );
    expect(stats.female).toBeCloseTo(0.55, 1);
    expect(stats.male).toBeCloseTo(0.4, 1);
    expect(stats.unknown).toBeGreaterThan(0.03);
    expect(stats.minors).toBeGreaterThan(0.02);
    expect(stats.minors).toBeLessThan(0.045);
    expect([stats.youngest, stats.oldest]).toEqual([16, 70]);
    expect(stats.women_25_30).toBeGreaterThan(300 * scale);
  });

  it('has consent per channel at realistic rates, WeCom for zh only, some withdrawn, and a few suppressions', async () => {
    const rows = await all<{ channel: string; granted: number; withdrawn: number; en_rows: number; zh_granted: number }>(
      `SELECT k.channel, avg((k.granted)::int)::float * count(*) / ${CUSTOMERS} AS granted, count(*) FILTER (WHERE NOT k.granted)::int AS withdrawn,
              count(*) FILTER (WHERE c.locale = 'en')::int AS en_rows, count(*) FILTER (WHERE k.granted AND c.locale = 'zh')::int AS zh_granted
         FROM consents k JOIN customers c ON c.id = k.customer_id GROUP BY k.channel ORDER BY k.channel`,
    );
    const byChannel = Object.fromEntries(rows.map((row) => [row.channel, row]));
    expect(byChannel.email!.granted).toBeCloseTo(0.7, 1);
    expect(byChannel.sms!.granted).toBeCloseTo(0.55, 1);
    expect(byChannel.push!.granted).toBeCloseTo(0.45, 1);
    expect(byChannel.wecom!.en_rows).toBe(0);
    const zhCustomers = (await one<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE locale = 'zh'")).n;
    expect(byChannel.wecom!.zh_granted / zhCustomers).toBeCloseTo(0.3, 1);
    for (const row of rows) expect(row.withdrawn).toBeGreaterThan(0);
    expect(
      await one(`SELECT array_agg(DISTINCT source ORDER BY source) AS sources, count(*) FILTER (WHERE recorded_at > :asOf)::int AS future FROM consents`),
    ).toEqual({ sources: ['checkout', 'import', 'preference_center', 'signup'], future: 0 });
    const suppressions = await one<{ n: number; all_channels: number }>(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE channel IS NULL)::int AS all_channels FROM suppressions',
    );
    expect(suppressions.n).toBeGreaterThan(0.005 * CUSTOMERS);
    expect(suppressions.n).toBeLessThan(0.03 * CUSTOMERS);
    expect(suppressions.all_channels).toBeGreaterThan(0);
  });

  it('keeps the history inside the 180 days before as-of, after each sign-up, with every reference intact', async () => {
    expect(
      await one(`SELECT count(*) FILTER (WHERE e.occurred_at >= :asOf OR e.occurred_at < :asOf - interval '180 days' OR e.occurred_at < c.created_at)::int AS outside,
                        count(DISTINCT e.type)::int AS types
                   FROM events e JOIN customers c ON c.id = e.customer_id`),
    ).toEqual({ outside: 0, types: 7 });
    expect(
      await one(`SELECT (SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = e.customer_id))::int AS events,
                        (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id))::int AS orders,
                        (SELECT count(*) FROM order_items i WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = i.order_id)
                            OR NOT EXISTS (SELECT 1 FROM products p WHERE p.id = i.product_id))::int AS items,
                        (SELECT count(*) FROM consents k WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = k.customer_id))::int AS consents`),
    ).toEqual({ events: 0, orders: 0, items: 0, consents: 0 });
  });

  it('has a purchase event for every order, at the same time, naming it', async () => {
    const matched = await one<{ orders: number; purchases: number; matched: number }>(
      `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM events WHERE type = 'purchase')::int AS purchases,
              (SELECT count(*) FROM orders o JOIN events e ON e.type = 'purchase' AND e.customer_id = o.customer_id
                  AND e.properties->>'order_id' = o.id AND e.occurred_at = o.ordered_at)::int AS matched`,
    );
    expect(matched.purchases).toBe(matched.orders);
    expect(matched.matched).toBe(matched.orders);
  });

  it('has orders of 1-4 lines in CNY, some cancelled or returned, some discounted, totals adding up', async () => {
    const lines = await all<{ lines: number }>('SELECT DISTINCT count(*)::int AS lines FROM order_items GROUP BY order_id ORDER BY 1');
    expect(lines.map((row) => row.lines)).toEqual([1, 2, 3, 4]);
    const orders = await one<{ cancelled: number; returned: number; discounted: number; currencies: string[]; mismatched: number }>(
      `SELECT avg((status = 'cancelled')::int)::float AS cancelled, avg((status = 'returned')::int)::float AS returned,
              avg((discount > 0)::int)::float AS discounted, array_agg(DISTINCT currency) AS currencies,
              count(*) FILTER (WHERE abs(total + discount - (SELECT sum(quantity * unit_price) FROM order_items i WHERE i.order_id = o.id)) > 0.01)::int AS mismatched
         FROM orders o`,
    );
    expect(orders.cancelled).toBeGreaterThan(0.01);
    expect(orders.returned).toBeGreaterThan(0.02);
    expect(orders.discounted).toBeGreaterThan(0.15);
    expect(orders.currencies).toEqual(['CNY']);
    expect(orders.mismatched).toBe(0);
  });

  it('shows price-sensitive deal seekers (most orders discounted) abandoning more carts than full-price buyers', async () => {
    const groups = await all<{ group: string; customers: number; abandon_rate: number }>(
      `WITH buyers AS (SELECT customer_id, avg((discount > 0)::int) AS discounted FROM orders GROUP BY 1 HAVING count(*) >= 2),
            carts AS (SELECT customer_id, count(*) FILTER (WHERE type = 'add_to_cart') AS carts, count(*) FILTER (WHERE type = 'purchase') AS purchases
                        FROM events WHERE type IN ('add_to_cart', 'purchase') GROUP BY 1)
       SELECT CASE WHEN discounted >= 0.5 THEN 'deal_seekers' WHEN discounted = 0 THEN 'full_price' END AS group,
              count(*)::int AS customers, avg(1 - purchases::float / carts)::float AS abandon_rate
         FROM buyers JOIN carts USING (customer_id) WHERE discounted >= 0.5 OR discounted = 0 GROUP BY 1 ORDER BY 1`,
    );
    const [deal, full] = groups as [(typeof groups)[number], (typeof groups)[number]];
    expect(deal.customers).toBeGreaterThan(50 * scale);
    expect(full.customers).toBeGreaterThan(50 * scale);
    expect(deal.abandon_rate).toBeGreaterThan(full.abandon_rate + 0.03);
  });

  it('concentrates spend: the top 20% of buyers bring at least half the revenue', async () => {
    const { share } = await one<{ share: number }>(
      `WITH spend AS (SELECT customer_id, sum(total) AS total FROM orders WHERE status = 'completed' GROUP BY 1),
            ranked AS (SELECT total, ntile(5) OVER (ORDER BY total DESC) AS quintile FROM spend)
       SELECT (sum(total) FILTER (WHERE quintile = 1) / sum(total))::float AS share FROM ranked`,
    );
    expect(share).toBeGreaterThan(0.5);
  });

  it('has cart abandoners (add to cart, no purchase within 2 h) this month and in the last 7 days', async () => {
    const abandoners = await one<{ this_month: number; last_7_days: number }>(
      `SELECT count(DISTINCT a.customer_id) FILTER (WHERE a.occurred_at >= date_trunc('month', :asOf AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int AS this_month,
              count(DISTINCT a.customer_id) FILTER (WHERE a.occurred_at >= :asOf - interval '7 days')::int AS last_7_days
         FROM events a
        WHERE a.type = 'add_to_cart'
          AND NOT EXISTS (SELECT 1 FROM events p WHERE p.customer_id = a.customer_id AND p.type = 'purchase'
                            AND p.occurred_at > a.occurred_at AND p.occurred_at <= a.occurred_at + interval '2 hours')`,
    );
    expect(abandoners.this_month).toBeGreaterThan(300 * scale);
    expect(abandoners.last_7_days).toBeGreaterThan(150 * scale);
  });

  it('has lapsing high-value customers: top 20% by spend, no order in 90 days, logins falling away', async () => {
    const lapsing = await one<{ high_value_lapsed: number; with_falling_logins: number }>(
      `WITH spend AS (SELECT c.id, coalesce(sum(o.total) FILTER (WHERE o.ordered_at >= :asOf - interval '365 days'), 0) AS total
                        FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id),
            high_value AS (SELECT id FROM (SELECT id, percent_rank() OVER (ORDER BY total DESC) AS rank FROM spend) r WHERE rank < 0.2),
            lapsed AS (SELECT id FROM high_value h WHERE NOT EXISTS (
                         SELECT 1 FROM orders o WHERE o.customer_id = h.id AND o.ordered_at >= :asOf - interval '90 days')),
            logins AS (SELECT l.id, count(e.id) FILTER (WHERE e.occurred_at >= :asOf - interval '30 days') / 30.0 AS recent_rate,
                              count(e.id) FILTER (WHERE e.occurred_at < :asOf - interval '30 days') / 150.0 AS earlier_rate
                         FROM lapsed l LEFT JOIN events e ON e.customer_id = l.id AND e.type = 'login' GROUP BY l.id)
       SELECT count(*)::int AS high_value_lapsed, count(*) FILTER (WHERE recent_rate < 0.3 * earlier_rate)::int AS with_falling_logins FROM logins`,
    );
    expect(lapsing.high_value_lapsed).toBeGreaterThanOrEqual(100 * scale);
    expect(lapsing.with_falling_logins).toBeGreaterThan(0.4 * lapsing.high_value_lapsed);
  });

  it('has category co-purchase: baby buyers go on to kids education, phone case buyers to screen protectors', async () => {
    const lines = `SELECT o.customer_id, o.ordered_at, p.category, p.name FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id`;
    const baby = await one<{ baby_buyers: number; later_kids: number; other_buyers: number; other_kids: number }>(
      `WITH lines AS (${lines}), buyers AS (SELECT DISTINCT customer_id FROM orders),
            baby AS (SELECT customer_id, min(ordered_at) AS first_at FROM lines WHERE category = 'baby' GROUP BY 1)
       SELECT (SELECT count(*) FROM baby)::int AS baby_buyers,
              (SELECT count(*) FROM baby b WHERE EXISTS (SELECT 1 FROM lines l WHERE l.customer_id = b.customer_id
                  AND l.category = 'kids_education' AND l.ordered_at > b.first_at))::int AS later_kids,
              (SELECT count(*) FROM buyers x WHERE NOT EXISTS (SELECT 1 FROM baby b WHERE b.customer_id = x.customer_id))::int AS other_buyers,
              (SELECT count(*) FROM buyers x WHERE NOT EXISTS (SELECT 1 FROM baby b WHERE b.customer_id = x.customer_id)
                  AND EXISTS (SELECT 1 FROM lines l WHERE l.customer_id = x.customer_id AND l.category = 'kids_education'))::int AS other_kids`,
    );
    expect(baby.baby_buyers).toBeGreaterThan(300 * scale);
    expect(baby.later_kids / baby.baby_buyers).toBeGreaterThan(3 * (baby.other_kids / baby.other_buyers));
    const phone = await one<{ case_buyers: number; later_protector: number; other_buyers: number; other_protector: number }>(
      `WITH lines AS (${lines}), buyers AS (SELECT DISTINCT customer_id FROM orders),
            cases AS (SELECT customer_id, min(ordered_at) AS first_at FROM lines WHERE name ILIKE '%phone case%' GROUP BY 1)
       SELECT (SELECT count(*) FROM cases)::int AS case_buyers,
              (SELECT count(*) FROM cases c WHERE EXISTS (SELECT 1 FROM lines l WHERE l.customer_id = c.customer_id
                  AND l.name ILIKE '%screen protector%' AND l.ordered_at > c.first_at))::int AS later_protector,
              (SELECT count(*) FROM buyers x WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.customer_id = x.customer_id))::int AS other_buyers,
              (SELECT count(*) FROM buyers x WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.customer_id = x.customer_id)
                  AND EXISTS (SELECT 1 FROM lines l WHERE l.customer_id = x.customer_id AND l.name ILIKE '%screen protector%'))::int AS other_protector`,
    );
    expect(phone.case_buyers).toBeGreaterThan(100 * scale);
    expect(phone.later_protector / phone.case_buyers).toBeGreaterThan(3 * (phone.other_protector / phone.other_buyers));
  });

  it('follows the calendar: 双11 and 618 peaks, busier weekends and paydays', async () => {
    const days = await one<{ singles_day: number; mid_year: number; average: number; weekend: number; early_week: number; payday: number; other: number }>(
      `WITH daily AS (SELECT (o.ordered_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n
                        FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.locale = 'zh' GROUP BY 1)
       SELECT (SELECT n FROM daily WHERE day = '2026-11-11')::float AS singles_day, (SELECT n FROM daily WHERE day = '2026-06-18')::float AS mid_year,
              avg(n)::float AS average, (avg(n) FILTER (WHERE extract(dow FROM day) IN (0, 6)))::float AS weekend,
              (avg(n) FILTER (WHERE extract(dow FROM day) IN (1, 2, 3)))::float AS early_week,
              (avg(n) FILTER (WHERE extract(day FROM day) IN (10, 15)))::float AS payday,
              (avg(n) FILTER (WHERE extract(day FROM day) NOT IN (10, 11, 15, 16) AND day NOT BETWEEN '2026-10-24' AND '2026-11-12'
                                AND day NOT BETWEEN '2026-06-01' AND '2026-06-18'))::float AS other
         FROM daily`,
    );
    expect(days.singles_day).toBeGreaterThan(3 * days.average);
    expect(days.mid_year).toBeGreaterThan(2 * days.average);
    expect(days.weekend).toBeGreaterThan(days.early_week);
    expect(days.payday).toBeGreaterThan(days.other);
  });

  it('has opens and clicks by channel, and unsubscribes that withdraw the consent at that moment', async () => {
    const rows = await all<{ type: string; channel: string; n: number }>(
      `SELECT type, properties->>'channel' AS channel, count(*)::int AS n FROM events WHERE type IN ('open', 'click', 'unsubscribe') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const count = (type: string, channel: string): number => rows.find((row) => row.type === type && row.channel === channel)?.n ?? 0;
    for (const channel of ['email', 'push', 'wecom']) expect(count('open', channel)).toBeGreaterThan(count('click', channel));
    expect(count('open', 'sms')).toBe(0);
    expect(count('click', 'sms')).toBeGreaterThan(0);
    expect(count('unsubscribe', 'email')).toBeGreaterThan(0);
    expect(
      await one(`SELECT count(*)::int AS unsubscribes,
                        count(*) FILTER (WHERE k.granted = false AND k.recorded_at = e.occurred_at AND k.source = 'preference_center')::int AS withdrawn
                   FROM events e JOIN consents k ON k.customer_id = e.customer_id AND k.channel = e.properties->>'channel'
                  WHERE e.type = 'unsubscribe'`),
    ).toEqual({ unsubscribes: expect.any(Number), withdrawn: count('unsubscribe', 'email') + count('unsubscribe', 'sms') });
  });

  it('stores the catalogue: about 120 products over 11 categories, bilingual names, CNY, 20-60% margins', async () => {
    expect(
      await one(`SELECT count(*)::int AS products, count(DISTINCT category)::int AS categories, array_agg(DISTINCT currency) AS currencies,
                        (min(1 - cost / price) >= 0.2 AND max(1 - cost / price) <= 0.6) AS margins_in_range,
                        bool_and(name ~ '[一-鿿]' AND name ~ '[A-Za-z]') AS bilingual
                   FROM products`),
    ).toEqual({ products: 122, categories: 11, currencies: ['CNY'], margins_in_range: true, bilingual: true });
  });
});
