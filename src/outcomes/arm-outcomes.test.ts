// Arm outcomes on a real database: held-out rows are accepted by the sends table, never counted as
// messaged, and buyers are counted per arm within the window after each customer's planned send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueSends, saveCampaign } from '../data/campaigns.ts';
import { insertCustomers } from '../delivery/testing/delivery-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { armOutcomes } from './arm-outcomes.ts';

const sendAt = new Date('2026-11-20T02:00:00Z');
const day = 86_400_000;
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'h1', 'h2'];
  await insertCustomers(test.db, ids.map((id) => ({ id })), 'email', new Date('2026-01-01T00:00:00Z'));
  await test.db.transaction(async (tx) => {
    await saveCampaign(tx, {
      id: 'cmp_ab', threadId: null, name: 'A/B', status: 'running', objective: 'winback', channels: ['email'],
      brief: {}, segmentDefinition: {}, plan: {}, createdBy: 'test',
    });
    await queueSends(tx, 'cmp_ab', 0, [
      ...['a1', 'a2', 'a3'].map((customerId) => ({ customerId, channel: 'email', variant: 'A', sendAt })),
      ...['b1', 'b2'].map((customerId) => ({ customerId, channel: 'email', variant: 'B', sendAt })),
      ...['h1', 'h2'].map((customerId) => ({ customerId, channel: 'email', variant: 'holdout', status: 'holdout' as const, sendAt })),
    ]);
  });
  await test.db.query(`UPDATE sends SET status = 'sent', sent_at = send_at WHERE customer_id IN ('a1', 'a2', 'b1')`);
  const order = (id: string, customerId: string, at: Date, status = 'completed') =>
    test.db.query('INSERT INTO orders (id, customer_id, ordered_at, status, total) VALUES ($1, $2, $3, $4, 100)', [id, customerId, at.toISOString(), status]);
  await order('o1', 'a1', new Date(sendAt.getTime() + 2 * day));
  await order('o2', 'a2', new Date(sendAt.getTime() + 9 * day)); // after the 7-day window
  await order('o3', 'b1', new Date(sendAt.getTime() - day)); // before the send
  await order('o4', 'b2', new Date(sendAt.getTime() + day), 'cancelled');
  await order('o5', 'h1', new Date(sendAt.getTime() + 3 * day));
});
afterAll(async () => {
  await test.dispose();
});

describe('armOutcomes', () => {
  it('counts customers, messaged and buyers per variant and the holdout', async () => {
    expect(await armOutcomes(test.db, 'cmp_ab', { now: new Date(sendAt.getTime() + 30 * day) })).toEqual([
      { arm: 'A', customers: 3, messaged: 2, converted: 1, conversionRate: 1 / 3 },
      { arm: 'B', customers: 2, messaged: 1, converted: 0, conversionRate: 0 },
      { arm: 'holdout', customers: 2, messaged: 0, converted: 1, conversionRate: 0.5 },
    ]);
  });

  it('counts only orders up to now', async () => {
    const early = await armOutcomes(test.db, 'cmp_ab', { now: new Date(sendAt.getTime() + day) });
    expect(early.map((arm) => arm.converted)).toEqual([0, 0, 0]);
  });
});
