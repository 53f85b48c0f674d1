// The webhook adapter against a real local HTTP server: every request carries a valid HMAC-SHA256
// signature over its exact body and the send's idempotency key; 5xx answers and timeouts are tried
// again, other 4xx answers fail at once and for good.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChannelAdapters } from './channel-adapters.ts';
import type { OutboundMessage } from './channel-adapter.ts';
import { DeliveryError } from './channel-adapter.ts';
import { loadDeliveryConfig } from '../delivery-config.ts';
import { createWebhookAdapter } from './webhook-adapter.ts';

const SECRET = 'a-webhook-secret-for-tests';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let url: string;
let received: Received[] = [];
let answers: Array<{ status: number; body?: string; delayMs?: number }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.shift() ?? { status: 200, body: '{}' };
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body ?? '');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  answers = [];
});

const message: OutboundMessage = {
  idempotencyKey: 'cmp_1:C1:0',
  campaignId: 'cmp_1',
  customerId: 'C1',
  step: 0,
  channel: 'sms',
  variant: 'A',
  locale: 'zh',
  to: { customerId: 'C1', email: 'c1@example.test', phone: '+8613800000000' },
  title: null,
  text: '【乐萌】您好，满300减50。回T退订',
  unsubscribeUrl: null,
  sentAt: new Date('2026-11-24T02:00:00Z'),
};

const adapter = (options: { attempts?: number; timeoutMs?: number } = {}) =>
  createWebhookAdapter({ url, secret: SECRET, timeoutMs: options.timeoutMs ?? 2000, attempts: options.attempts ?? 3, backoffMs: 10 });

describe('webhook adapter', () => {
  it('signs the body, and retries after a 500 with the same signed request', async () => {
    answers = [{ status: 500, body: 'upstream broke' }, { status: 200, body: '{"id":"prov-42"}' }];
    expect(await adapter().send(message)).toEqual({ providerMessageId: 'prov-42' });
    expect(received).toHaveLength(2);
    for (const request of received) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`;
      expect(request.headers['x-campaign-agent-signature']).toBe(expected);
      expect(request.headers['idempotency-key']).toBe('cmp_1:C1:0');
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(JSON.parse(received[0]!.body)).toEqual({
      id: 'cmp_1:C1:0',
      channel: 'sms',
      campaignId: 'cmp_1',
      customerId: 'C1',
      step: 0,
      variant: 'A',
      locale: 'zh',
      to: { customerId: 'C1', phone: '+8613800000000' },
      title: null,
      text: '【乐萌】您好，满300减50。回T退订',
      sentAt: '2026-11-24T02:00:00.000Z',
    });
  });

  it('fails for good on a 4xx answer, without trying again', async () => {
    answers = [{ status: 422, body: '{"error":"invalid phone"}' }];
    const failure = await adapter().send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ permanent: true, message: 'sms webhook answered 422: {"error":"invalid phone"}' });
    expect(received).toHaveLength(1);
  });

  it('gives up after its attempts on a provider that stays down, as a failure worth retrying later', async () => {
    answers = [{ status: 503 }, { status: 503 }, { status: 503 }];
    await expect(adapter({ attempts: 3 }).send(message)).rejects.toMatchObject({ permanent: false, message: 'sms webhook answered 503' });
    expect(received).toHaveLength(3);
  });

  it('treats a timeout as worth retrying', async () => {
    answers = [{ status: 200, delayMs: 400 }, { status: 200, body: '{"id":"late-but-fine"}' }];
    expect(await adapter({ timeoutMs: 150, attempts: 2 }).send(message)).toEqual({ providerMessageId: 'late-but-fine' });
    answers = [{ status: 200, delayMs: 400 }];
    await expect(adapter({ timeoutMs: 150, attempts: 1 }).send(message)).rejects.toMatchObject({
      permanent: false,
      message: expect.stringContaining('no answer within 150 ms'),
    });
  });

  it('is chosen for a channel whose webhook URL is configured, with its secret from the environment', async () => {
    const config = loadDeliveryConfig({ CAMPAIGN_AGENT_SMS_WEBHOOK_URL: url, CAMPAIGN_AGENT_WEBHOOK_SECRET: SECRET });
    const adapters = createChannelAdapters(config);
    expect(['sms', 'push', 'wecom', 'email'].map((channel) => adapters.for(channel as 'sms').kind)).toEqual(['webhook', 'file', 'file', 'file']);
    await adapters.for('sms').send(message);
    expect(received[0]!.headers['x-campaign-agent-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(received[0]!.body).digest('hex')}`);
  });
});
