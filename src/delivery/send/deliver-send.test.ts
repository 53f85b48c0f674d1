// deliverSend on a real database: a send is delivered at most once however often (or however
// concurrently) it is handled; a passing failure leaves it queued for the retry, a permanent one is
// recorded; and through the queue, a repeated job sends nothing and a provider outage ends in the
// dead-letter queue with the send marked failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../guardrails/policy-file.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { loadDeliveryConfig } from '../delivery-config.ts';
import { SEND_QUEUE } from '../queue/delivery-queue.ts';
import { sendStatusCounts } from '../send-status.ts';
import { insertFixtureCampaign } from '../testing/delivery-fixtures.ts';
import { createRecordingAdapter, recordingAdapters, type RecordingAdapter } from '../testing/recording-adapter.ts';
import { openDeliveryRuntime } from '../worker/delivery-runtime.ts';
import { runDeliveryOnce } from '../worker/run-once.ts';
import { createChannelThrottle } from '../throttle/channel-throttle.ts';
import { deliverSend, type DeliverContext } from './deliver-send.ts';
import { deliverSends } from './deliver-sends.ts';

const NOW = new Date('2026-11-24T02:00:00Z'); // 10:00 in Shanghai
const policy = loadPolicy();
const config = loadDeliveryConfig({ CAMPAIGN_AGENT_SEND_RETRIES: '2', CAMPAIGN_AGENT_SEND_RETRY_DELAY_SECONDS: '0', CAMPAIGN_AGENT_EMAIL_RATE: '1000' });

let test: TestDatabase;
let adapter: RecordingAdapter;
let context: DeliverContext;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.dispose();
});

async function campaign(id: string, customers: number): Promise<number[]> {
  adapter = createRecordingAdapter();
  context = { db: test.db, policy, adapters: recordingAdapters(adapter), links: config.links, now: () => NOW };
  return insertFixtureCampaign(test.db, {
    id,
    channel: 'email',
    customers: Array.from({ length: customers }, (_, index) => ({ id: `${id}-c${index}`, firstName: `Name${index}` })),
    copy: [{ variant: 'A', title: 'Hi {{first_name}}', text: 'Hi {{first_name}}, code {{coupon_code}}. {{unsubscribe_url}}' }],
    sendAt: new Date(NOW.getTime() - 60_000),
  });
}

describe('deliverSend', () => {
  it('sends once when the same send is handled twice', async () => {
    const [sendId] = await campaign('cmp_twice', 1);
    expect(await deliverSend(context, sendId!)).toEqual({ status: 'sent', providerMessageId: 'rec-1' });
    expect(await deliverSend(context, sendId!)).toEqual({ status: 'skipped', current: 'sent' });
    expect(adapter.messages.map((message) => [message.idempotencyKey, message.title])).toEqual([['cmp_twice:cmp_twice-c0:0', 'Hi Name0']]);
    const { rows } = await test.db.query('SELECT status, sent_at, provider_message_id FROM sends WHERE id = $1', [sendId]);
    expect(rows).toEqual([{ status: 'sent', sent_at: NOW, provider_message_id: 'rec-1' }]);
  });

  it('sends once when several handlers race for the same sends', async () => {
    const sendIds = await campaign('cmp_race', 5);
    adapter.delayMs = 20;
    const outcomes = await Promise.all(sendIds.flatMap((sendId) => [deliverSend(context, sendId), deliverSend(context, sendId), deliverSend(context, sendId)]));
    expect(outcomes.filter((outcome) => outcome.status === 'sent')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.status === 'skipped')).toHaveLength(10);
    expect(new Set(adapter.messages.map((message) => message.customerId)).size).toBe(5);
    expect(adapter.messages).toHaveLength(5);
  });

  it('leaves a send queued after a passing failure, then sends it once', async () => {
    const [sendId] = await campaign('cmp_flaky', 1);
    adapter.failNext(1, { permanent: false });
    await expect(deliverSend(context, sendId!)).rejects.toThrow('provider unavailable');
    expect(await sendStatusCounts(test.db, 'cmp_flaky')).toMatchObject({ queued: 1, sent: 0 });
    expect(await deliverSend(context, sendId!)).toMatchObject({ status: 'sent' });
    expect(adapter.messages).toHaveLength(1);
  });

  it('records a permanent failure with its reason', async () => {
    const [sendId] = await campaign('cmp_rejected', 1);
    adapter.failNext(1, { permanent: true, message: '550 no such mailbox' });
    expect(await deliverSend(context, sendId!)).toEqual({ status: 'failed', reason: 'delivery: 550 no such mailbox' });
    expect(await deliverSend(context, sendId!)).toEqual({ status: 'skipped', current: 'failed' });
    expect(adapter.messages).toHaveLength(0);
  });
});

describe('deliverSends (a batch)', () => {
  it('skips settled sends, keeps one failure to its own send, and takes throttle tokens per window for the batch', async () => {
    const sendIds = await campaign('cmp_batch', 6);
    expect(await deliverSend(context, sendIds[0]!)).toMatchObject({ status: 'sent' });
    adapter.failNext(1, { permanent: false, message: 'provider hiccup' });
    let nowMs = Date.UTC(2026, 10, 24, 2, 0, 0, 500);
    const throttle = createChannelThrottle(test.db, {
      ratePerSecond: { email: 3, sms: 1, push: 1, wecom: 1 },
      clock: () => nowMs,
      wait: async (ms: number) => void (nowMs += ms),
    });
    const results = await deliverSends({ ...context, throttle }, [...sendIds, sendIds[0]!]);
    expect(results.map((result) => (result.ok ? result.outcome.status : result.error.message)).sort()).toEqual([
      'provider hiccup',
      'sent',
      'sent',
      'sent',
      'sent',
      'skipped',
      'skipped', // the repeated id shares its send's result
    ]);
    expect(results[0]).toEqual({ ok: true, outcome: { status: 'skipped', current: 'sent' } });
    // Five queued sends at 3 per second: three in the first window, two in the next.
    expect(Math.floor(nowMs / 1000) - Math.floor(Date.UTC(2026, 10, 24, 2, 0, 0) / 1000)).toBe(1);
    expect(await sendStatusCounts(test.db, 'cmp_batch')).toMatchObject({ queued: 1, sent: 5 });
    const { rows: ids } = await test.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sends WHERE campaign_id = 'cmp_batch' AND provider_message_id LIKE 'rec-%'");
    expect(ids).toEqual([{ n: 5 }]);
    // The one that failed goes out on the next attempt; nothing is sent twice.
    const again = await deliverSends({ ...context, throttle }, sendIds);
    expect(again.map((result) => (result.ok ? result.outcome.status : result.error.message)).sort()).toEqual(['sent', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(new Set(adapter.messages.map((message) => message.customerId)).size).toBe(6);
    expect(adapter.messages).toHaveLength(6);
  });
});

describe('send jobs through the queue', () => {
  const workerOptions = () => ({ db: test.db, databaseUrl: test.env.DATABASE_URL ?? null, policy, config, adapters: recordingAdapters(adapter), now: () => NOW });

  it('a job that runs again for a send already sent sends nothing', async () => {
    const sendIds = await campaign('cmp_rerun', 3);
    expect(await runDeliveryOnce(workerOptions())).toMatchObject({ sent: 3, skipped: 0 });
    // The queue may run a job again (its worker outlived the job timeout): simulate that with fresh jobs.
    const runtime = await openDeliveryRuntime(workerOptions());
    try {
      for (const sendId of sendIds) await runtime.queue.boss.send(SEND_QUEUE, { sendId, campaignId: 'cmp_rerun', customerId: 'x', step: 0 }, { singletonKey: `rerun-${sendId}` });
    } finally {
      await runtime.close();
    }
    expect(await runDeliveryOnce(workerOptions())).toMatchObject({ sent: 0, skipped: 3 });
    expect(adapter.messages).toHaveLength(3);
  });

  it('retries with the queue, then dead-letters and records the failure', async () => {
    await campaign('cmp_down', 1);
    adapter.failNext(3, { permanent: false, message: 'provider unavailable' });
    // The first try and both retries fail (retry delay 0 in this test, so all within one run).
    const report = await runDeliveryOnce(workerOptions());
    expect(report).toMatchObject({ sent: 0, retried: 3, deadLettered: 1 });
    expect(await sendStatusCounts(test.db, 'cmp_down')).toEqual({ queued: 0, sent: 0, failed: 1, suppressed: 0, cancelled: 0, holdout: 0 });
    const { rows } = await test.db.query<{ reason: string }>("SELECT reason FROM sends WHERE campaign_id = 'cmp_down' AND status = 'failed'");
    expect(rows[0]?.reason).toBe('delivery: gave up after 3 attempts: provider unavailable');
  });
});
