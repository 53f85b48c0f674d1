import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { queryCategoryMargins, queryChannelsUsedBefore } from './guardrail-facts.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.dispose();
});

async function campaign(id: string, status: string, channels: string[]) {
  await test.db.query(
    `INSERT INTO campaigns (id, name, status, objective, channels, brief, segment_definition, created_by)
     VALUES ($1, $1, $2, 'winback', $3::text[], '{}'::jsonb, '{}'::jsonb, 'tester')`,
    [id, status, channels],
  );
}

describe('queryChannelsUsedBefore', () => {
  it('counts channels of scheduled, running and completed campaigns only', async () => {
    expect(await queryChannelsUsedBefore(test.db)).toEqual([]);
    await campaign('c1', 'completed', ['email']);
    await campaign('c2', 'scheduled', ['sms', 'email']);
    await campaign('c3', 'needs_approval', ['wecom']);
    await campaign('c4', 'rejected', ['push']);
    expect(await queryChannelsUsedBefore(test.db)).toEqual(['sms', 'email']);
  });
});

describe('queryCategoryMargins', () => {
  it('averages price and cost per category in the currency, leaving out products without a cost', async () => {
    await test.db.query(
      `INSERT INTO products (id, name, category, price, cost, currency) VALUES
         ('p1', 'Tea', 'grocery', 100, 60, 'CNY'), ('p2', 'Rice', 'grocery', 50, 40, 'CNY'),
         ('p3', 'Wine', 'alcohol', 300, 150, 'CNY'), ('p4', 'Gin', 'alcohol', 200, NULL, 'CNY'),
         ('p5', 'Book', 'books', 20, 10, 'USD')`,
    );
    expect(await queryCategoryMargins(test.db, { currency: 'cny' })).toEqual({
      alcohol: { averagePrice: 300, averageCost: 150 },
      grocery: { averagePrice: 75, averageCost: 50 },
    });
  });
});
