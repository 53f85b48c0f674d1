// The bandit on a real database: after a recurring campaign's first step, variant A's buyers move
// most of the not-yet-queued second step to A; sent steps and the holdout stay as they were, the
// change is audited, and running it again with the same results changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignArm } from '../../../tools/schedule/assign-arm.ts';
import { queueSends, saveCampaign, saveMessages } from '../../data/campaigns.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { insertCustomers } from '../testing/delivery-fixtures.ts';
import { rebalanceRecurringVariants } from './rebalance-variants.ts';

const DAY = 86_400_000;
const firstStep = new Date('2026-11-30T02:00:00Z');
const secondStep = new Date(firstStep.getTime() + 7 * DAY);
const now = new Date(firstStep.getTime() + 6 * DAY);
const customers = Array.from({ length: 240 }, (_, index) => `u${String(index).padStart(3, '0')}`);
let test: TestDatabase;

const variantsOf = async (step: number) =>
  new Map((await test.db.query<{ customer_id: string; variant: string }>('SELECT customer_id, variant FROM sends WHERE campaign_id = $1 AND step = $2', ['cmp_weekly', step])).rows.map((row) => [row.customer_id, row.variant]));

beforeAll(async () => {
  test = await createTestDatabase();
  await insertCustomers(test.db, customers.map((id) => ({ id })), 'email', new Date('2026-01-01T00:00:00Z'));
  const arms = customers.map((customerId) => {
    const arm = assignArm({ campaignId: 'cmp_weekly', customerId, variants: ['A', 'B'], holdoutShare: 0.1 })!;
    return { customerId, variant: arm.kind === 'holdout' ? 'holdout' : arm.variant, status: arm.kind === 'holdout' ? ('holdout' as const) : ('queued' as const) };
  });
  await test.db.transaction(async (tx) => {
    await saveCampaign(tx, {
      id: 'cmp_weekly', threadId: null, name: 'Weekly', status: 'running', objective: 'retention', channels: ['email'],
      brief: {}, segmentDefinition: {}, plan: { schedule: { kind: 'recurring' } }, createdBy: 'test',
    });
    await saveMessages(tx, 'cmp_weekly', [
      { channel: 'email', variant: 'A', title: 'A', text: 'A' },
      { channel: 'email', variant: 'B', title: 'B', text: 'B' },
    ]);
    for (const [step, sendAt] of [[0, firstStep], [1, secondStep]] as const) {
      await queueSends(tx, 'cmp_weekly', step, arms.map((arm) => ({ customerId: arm.customerId, channel: 'email', variant: arm.variant, status: arm.status, sendAt })));
    }
  });
  await test.db.query(`UPDATE sends SET status = 'sent', sent_at = send_at WHERE campaign_id = 'cmp_weekly' AND step = 0 AND status = 'queued'`);
  // Half of variant A's recipients buy within the week, and one in twenty of B's.
  const buyers = arms.filter((arm, index) => (arm.variant === 'A' && index % 2 === 0) || (arm.variant === 'B' && index % 20 === 0));
  for (const [index, buyer] of buyers.entries()) {
    await test.db.query('INSERT INTO orders (id, customer_id, ordered_at, total) VALUES ($1, $2, $3, 100)', [`o${index}`, buyer.customerId, new Date(firstStep.getTime() + 2 * DAY).toISOString()]);
  }
});
afterAll(async () => {
  await test.dispose();
});

describe('rebalanceRecurringVariants', () => {
  it('waits until every variant has enough results', async () => {
    const before = await variantsOf(1);
    expect(await rebalanceRecurringVariants(test.db, { now, minCustomersPerVariant: 500 })).toEqual([]);
    expect(await variantsOf(1)).toEqual(before);
    expect((await test.db.query(`SELECT 1 FROM audit_log WHERE campaign_id = 'cmp_weekly'`)).rows).toEqual([]);
  });

  it('moves the later step towards the variant that converts, leaving sent steps and the holdout alone', async () => {
    const before = await variantsOf(1);
    const firstBefore = await variantsOf(0);
    const [change] = await rebalanceRecurringVariants(test.db, { now, minCustomersPerVariant: 20 });
    expect(change!.campaignId).toBe('cmp_weekly');
    expect(change!.shares.A).toBeGreaterThan(0.9);
    const after = await variantsOf(1);
    const counts = (map: Map<string, string>) => [...map.values()].reduce<Record<string, number>>((tally, v) => ({ ...tally, [v]: (tally[v] ?? 0) + 1 }), {});
    expect(counts(after).A! / (counts(after).A! + counts(after).B!)).toBeGreaterThan(0.85);
    expect(change!.moved).toBe([...after].filter(([customer, variant]) => before.get(customer) !== variant).length);
    expect(counts(after).holdout).toBe(counts(before).holdout);
    expect(await variantsOf(0)).toEqual(firstBefore);
    const { rows } = await test.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE campaign_id = 'cmp_weekly'`);
    expect(rows.map((row) => row.action)).toEqual(['variants_rebalanced']);

    expect(await rebalanceRecurringVariants(test.db, { now, minCustomersPerVariant: 20 })).toEqual([]);
  });
});
