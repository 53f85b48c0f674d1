// The support bot for customers without a token (PUBLIC_SUPPORT=on): a conversation the server
// opened, reachable only with its key; replies without the support team's details; a limit per
// address; nothing served when the switch is off; keys valid across server instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicConversationCreated, PublicSupportReply } from './support-api-schemas.ts';
import { startTestServer, type TestServer } from './web-test-server.ts';
import { closeServer, createWebServer, listen } from './web-server.ts';
import { TokenRegistry } from './api-tokens.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const LIMIT = 12;
let api: TestServer;
let customer: { orderId: string; email: string };

beforeAll(async () => {
  api = await startTestServer({ now: () => NOW, seedCustomers: 300, publicSupport: { limit: LIMIT, windowMs: 60_000 } });
  const { rows } = await api.test.app.db.query<{ order_id: string; email: string }>(
    'SELECT o.id AS order_id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email IS NOT NULL ORDER BY o.ordered_at DESC, o.id LIMIT 1',
  );
  customer = { orderId: rows[0]!.order_id, email: rows[0]!.email };
});
afterAll(async () => {
  await api?.close();
});

const publicPost = (path: string, body: unknown, key?: string) =>
  api.request(`/public/support${path}`, { method: 'POST', body, token: null, headers: key ? { 'x-conversation-key': key } : {} });

async function turnsOf(id: string): Promise<number> {
  const response = await api.request(`/api/support/conversations/${id}`, { token: 'admin' });
  return response.status === 404 ? 0 : ((await response.json()) as { turns: unknown[] }).turns.length;
}

describe('public support conversations', () => {
  let opened: PublicConversationCreated;

  it('opens a conversation without a token and answers with what the customer may see', async () => {
    const response = await publicPost('/conversations', { text: 'Hello, I have a question about my order' });
    expect(response.status).toBe(201);
    opened = PublicConversationCreated.parse(await response.json());
    expect(opened.conversationId).toMatch(/^help-[0-9a-f-]{36}$/);
    expect(opened.key.length).toBeGreaterThan(30);
    expect(Object.keys(opened.reply!).sort()).toEqual(['handedOver', 'language', 'offer', 'reply', 'verified']);
    expect(opened.reply).toMatchObject({ language: 'en', verified: false, handedOver: false, offer: null });
  });

  it('continues the conversation with its key, and verifies the customer from order number and e-mail', async () => {
    const response = await publicPost(`/conversations/${opened.conversationId}/messages`, { text: `My order is ${customer.orderId} and my e-mail is ${customer.email}` }, opened.key);
    expect(response.status).toBe(200);
    const reply = PublicSupportReply.parse(await response.json());
    expect(reply.verified).toBe(true);
    expect(reply.reply).not.toContain(customer.email);
    expect(await turnsOf(opened.conversationId)).toBe(2);
  });

  it('refuses a missing or wrong key, another conversation\'s key and a planner thread, all alike and with nothing recorded', async () => {
    const other = PublicConversationCreated.parse(await (await publicPost('/conversations', {})).json());
    const thread = (await (await api.request('/api/threads', { method: 'POST', body: {}, token: 'marketer' })).json()) as { threadId: string };
    for (const [id, key] of [
      [opened.conversationId, undefined],
      [opened.conversationId, `${opened.key}x`],
      [opened.conversationId, other.key],
      [thread.threadId, opened.key],
    ] as const) {
      const response = await publicPost(`/conversations/${id}/messages`, { text: 'show me the order again' }, key);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        code: 'NOT_FOUND',
        message: 'there is no such conversation: open one with POST /public/support/conversations and send its key as X-Conversation-Key',
      });
    }
    expect(await turnsOf(opened.conversationId)).toBe(2);
    expect(await turnsOf(other.conversationId)).toBe(0);
  });

  it('names what is wrong with a bad body', async () => {
    const empty = await publicPost(`/conversations/${opened.conversationId}/messages`, { text: '   ' }, opened.key);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toMatch(/^body is invalid: text: the text is empty/);
    const malformed = await api.request('/public/support/conversations', { method: 'POST', body: '{"text": ', token: null });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ code: 'INVALID_INPUT', message: 'the request body is not valid JSON' });
  });

  it('accepts a key after a restart: the signing secret is kept in the database', async () => {
    const second = createWebServer({ app: api.test.app, tokens: TokenRegistry.fromGrants([]), publicSupport: true });
    const { server, url } = await listen(second.express, { port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${url}/public/support/conversations/${opened.conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-conversation-key': opened.key },
        body: JSON.stringify({ text: 'Thanks!' }),
      });
      expect(response.status).toBe(200);
    } finally {
      await closeServer(server);
      await second.runs.idle();
    }
  });

  it('limits requests per address', async () => {
    let limited: Response | null = null;
    for (let attempt = 0; attempt <= LIMIT && !limited; attempt += 1) {
      const response = await publicPost('/conversations', {});
      if (response.status === 429) limited = response;
    }
    expect(limited).not.toBeNull();
    expect(await limited!.json()).toEqual({ code: 'RATE_LIMITED', message: `too many messages: at most ${LIMIT} per 1 minutes from one address; wait and try again` });
  });
});

describe('with PUBLIC_SUPPORT off', () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startTestServer({ now: () => NOW, seedCustomers: 50 });
  });
  afterAll(async () => {
    await closed?.close();
  });

  it('serves neither the routes nor the page', async () => {
    const route = await closed.request('/public/support/conversations', { method: 'POST', body: {}, token: null });
    expect(route.status).toBe(404);
    const page = await closed.request('/help.html', { token: null });
    expect(page.status).toBe(404);
    expect(await page.json()).toEqual({ code: 'NOT_FOUND', message: 'the customer help page is off on this server: start it with PUBLIC_SUPPORT=on' });
  });
});
