// The facts some guardrails need from the database, counted before the rules run (the rules
// themselves stay pure): which channels the organisation has used before, for the new-channel
// approval rule, and each product category's average price and cost, for the margin floor.
import type { Queryable } from '../data/database.ts';
import { CHANNELS } from '../domain/vocabulary.ts';
import type { Channel } from '../domain/vocabulary.ts';
import type { CategoryMargin } from './guardrail-input.ts';

/** Campaign states in which a channel counts as used. */
const USED_STATUSES = ['scheduled', 'running', 'completed'];

/** Channels of every scheduled, running or completed campaign, in vocabulary order. */
export async function queryChannelsUsedBefore(db: Queryable): Promise<Channel[]> {
  const { rows } = await db.query<{ channel: string }>(
    'SELECT DISTINCT unnest(channels) AS channel FROM campaigns WHERE status = ANY($1::text[])',
    [USED_STATUSES],
  );
  const used = new Set(rows.map((row) => row.channel));
  return CHANNELS.filter((channel) => used.has(channel));
}

/** Average list price and unit cost per product category, over the products in `currency` that have a cost. */
export async function queryCategoryMargins(db: Queryable, { currency }: { currency: string }): Promise<Record<string, CategoryMargin>> {
  const { rows } = await db.query<{ category: string; average_price: number; average_cost: number }>(
    `SELECT category, avg(price) AS average_price, avg(cost) AS average_cost
       FROM products
      WHERE cost IS NOT NULL AND price > 0 AND upper(currency) = upper($1)
      GROUP BY category
      ORDER BY category`,
    [currency],
  );
  return Object.fromEntries(
    rows.map((row) => [row.category, { averagePrice: Number(row.average_price), averageCost: Number(row.average_cost) }]),
  );
}
