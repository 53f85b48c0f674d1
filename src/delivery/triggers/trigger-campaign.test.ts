// A trigger campaign ("add to cart, e-mail 2 hours later unless they buy") run by the worker as the
// clock moves on: events from before the campaign went live are ignored, each add-to-cart queues one
// send per customer and day, a purchase in between cancels the send with its reason, a send that would
// land in quiet hours waits for the morning, and the next day's add-to-cart triggers again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../guardrails/policy-file.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { outboxFile } from '../channels/file-sink-adapter.ts';
import { loadDeliveryConfig, type DeliveryConfig } from '../delivery-config.ts';
import { insertFixtureCampaign } from '../testing/delivery-fixtures.ts';
import { runDeliveryOnce } from '../worker/run-once.ts';
import { planTriggerSends, triggerStep } from './trigger-sends.ts';

const LIVE = new Date('2026-11-24T01:00:00Z'); // 09:00 in Shanghai
const at = (iso: string) => new Date(iso);

let test: TestDatabase;
let outbox: string;
let config: DeliveryConfig;

beforeAll(async () => {
  test = await createTestDatabase();
  outbox = mkdtempSync(join(tmpdir(), 'campaign-agent-trigger-'));
  config = loadDeliveryConfig({ CAMPAIGN_AGENT_OUTBOX_DIR: outbox, CAMPAIGN_AGENT_EMAIL_RATE: '1000' });
});
afterAll(async () => {
  await test?.dispose();
  rmSync(outbox, { recursive: true, force: true });
});

describe('planTriggerSends', () => {
  it('makes one send per customer and day, at event time plus the delay, out of quiet hours', () => {
    const recipients = new Map([
      ['a', { channel: 'email' as const, timeZone: 'Asia/Shanghai' }],
      ['b', { channel: 'sms' as const, timeZone: 'Asia/Shanghai' }],
    ]);
    const sends = planTriggerSends({
      events: [
        { id: 2, customerId: 'a', occurredAt: at('2026-11-24T02:00:00Z') },
        { id: 1, customerId: 'a', occurredAt: at('2026-11-24T01:30:00Z') },
        { id: 3, customerId: 'b', occurredAt: at('2026-11-24T12:30:00Z') },
        { id: 4, customerId: 'z', occurredAt: at('2026-11-24T01:00:00Z') },
      ],
      recipients,
      variants: { email: ['A'], sms: ['A', 'B'] },
      delayMinutes: 120,
      quietHours: { start: '21:00', end: '08:00' },
    });
    expect(sends).toEqual([
      { customerId: 'a', step: triggerStep(at('2026-11-24T01:30:00Z')), channel: 'email', variant: 'A', sendAt: at('2026-11-24T03:30:00Z'), triggeredAt: at('2026-11-24T01:30:00Z'), triggerEventId: 1 },
      { customerId: 'b', step: 20781, channel: 'sms', variant: expect.stringMatching(/^[AB]$/), sendAt: at('2026-11-25T00:00:00Z'), triggeredAt: at('2026-11-24T12:30:00Z'), triggerEventId: 3 },
    ]);
  });
});

describe('trigger campaign through the worker', () => {
  it('sends after the delay, cancels on purchase, waits out quiet hours and re-triggers the next day', async () => {
    const { db } = test;
    await db.query(`INSERT INTO products (id, name, category, price) VALUES ('P1', 'Linen Shirt', 'apparel', 199)`);
    await insertFixtureCampaign(db, {
      id: 'cmp_cart',
      channel: 'email',
      customers: [
        { id: 'A', firstName: 'Ann' },
        { id: 'B', firstName: 'Bo' },
        { id: 'C', firstName: 'Cy' },
        { id: 'D', firstName: 'Di', consents: [] },
        { id: 'E', firstName: 'Ed' },
      ],
      copy: [{ variant: 'A', title: '{{first_name}}, your cart is waiting', text: 'Hi {{first_name}}, {{last_viewed_product}} is still in your cart.\n\nUnsubscribe: {{unsubscribe_url}}' }],
      sendAt: null,
      trigger: { event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' },
      segment: { version: 1, root: { kind: 'event_count', event: 'add_to_cart', window: { type: 'rolling', days: 7 }, min: 1 } },
      approvedAt: LIVE,
    });
    const events: Array<[string, string, string, string | null]> = [
      ['A', 'add_to_cart', '2026-11-23T01:00:00Z', null], // before the campaign went live
      ['A', 'add_to_cart', '2026-11-24T01:10:00Z', 'P1'],
      ['B', 'add_to_cart', '2026-11-24T01:20:00Z', null],
      ['B', 'purchase', '2026-11-24T01:50:00Z', null],
      ['C', 'add_to_cart', '2026-11-24T01:30:00Z', null],
      ['C', 'add_to_cart', '2026-11-24T02:00:00Z', null], // same day: no second send
      ['D', 'add_to_cart', '2026-11-24T01:40:00Z', null], // no consent: never queued
      ['E', 'add_to_cart', '2026-11-24T12:30:00Z', null], // 20:30 in Shanghai: +2 h lands in quiet hours
      ['C', 'add_to_cart', '2026-11-25T01:30:00Z', null], // the next day: triggers again
    ];
    for (const [customer, type, occurredAt, product] of events) {
      await db.query('INSERT INTO events (customer_id, type, occurred_at, product_id) VALUES ($1, $2, $3, $4)', [customer, type, occurredAt, product]);
    }
    const policy = loadPolicy();
    const run = (now: string) => runDeliveryOnce({ db, databaseUrl: test.env.DATABASE_URL ?? null, policy, config, now: () => at(now) });

    expect(await run('2026-11-24T02:30:00Z')).toMatchObject({ triggered: 3, sent: 0 });
    expect(await run('2026-11-24T03:45:00Z')).toMatchObject({ triggered: 0, sent: 2, cancelled: 1 });
    expect(await run('2026-11-25T02:00:00Z')).toMatchObject({ triggered: 2, sent: 1 });
    expect(await run('2026-11-25T04:00:00Z')).toMatchObject({ triggered: 0, sent: 1 });
    expect(await run('2026-11-25T05:00:00Z')).toMatchObject({ triggered: 0, sent: 0, skipped: 0 });

    const { rows } = await db.query<{ customer_id: string; status: string; reason: string | null; send_at: Date }>(
      "SELECT customer_id, status, reason, send_at FROM sends WHERE campaign_id = 'cmp_cart' ORDER BY customer_id, step",
    );
    expect(rows).toEqual([
      { customer_id: 'A', status: 'sent', reason: null, send_at: at('2026-11-24T03:10:00Z') },
      { customer_id: 'B', status: 'cancelled', reason: 'trigger.exit: purchase at 2026-11-24T01:50:00.000Z after add_to_cart', send_at: at('2026-11-24T03:20:00Z') },
      { customer_id: 'C', status: 'sent', reason: null, send_at: at('2026-11-24T03:30:00Z') },
      { customer_id: 'C', status: 'sent', reason: null, send_at: at('2026-11-25T03:30:00Z') },
      { customer_id: 'E', status: 'sent', reason: null, send_at: at('2026-11-25T00:00:00Z') },
    ]);
    const mails = readFileSync(outboxFile(outbox, 'email'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { to: string; title: string; text: string });
    expect(mails.map((mail) => mail.to).sort()).toEqual(['a@example.test', 'c@example.test', 'c@example.test', 'e@example.test']);
    const ann = mails.find((mail) => mail.to === 'a@example.test')!;
    expect(ann.title).toBe('Ann, your cart is waiting');
    expect(ann.text).toContain('Hi Ann, Linen Shirt is still in your cart.');
    for (const mail of mails) expect(`${mail.title}${mail.text}`).not.toContain('{{');
  });
});
