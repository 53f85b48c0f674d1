// A server restart loses nothing: the thread lives in the database checkpointer, so a plan waiting
// for approval before the restart is still waiting after it, and can be approved then. The local
// admin token created on the first start is neither shown nor changed by the second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../app/open-app.ts';
import { loadConfig } from '../../config.ts';
import type { Plan } from '../../domain/plan.ts';
import { openTestApp, type TestApp } from '../../testing/test-app.ts';
import { prepareApiTokens, TokenRegistry } from './api-tokens.ts';
import { parseApiTokens } from './server-settings.ts';
import { TEST_API_TOKENS, TEST_TOKENS } from './web-test-server.ts';
import { closeServer, createWebServer, listen } from './web-server.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const GOAL = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";

let test: TestApp;
let reopened: App | null = null;
beforeAll(async () => {
  test = await openTestApp({ now: () => NOW, seedCustomers: 500 });
});
afterAll(async () => {
  await reopened?.close();
  await test?.dispose();
});

async function serve(app: App) {
  const web = createWebServer({ app, tokens: TokenRegistry.fromGrants(parseApiTokens(TEST_API_TOKENS)) });
  const { server, url } = await listen(web.express, { port: 0, host: '127.0.0.1' });
  const call = async (path: string, token: keyof typeof TEST_TOKENS, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${TEST_TOKENS[token]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { call, close: () => closeServer(server) };
}

describe('restarting the server', () => {
  it('keeps a pending approval pending, and approvable, after closing and reopening the app', async () => {
    const first = await serve(test.app);
    const created = await first.call('/api/threads', 'marketer', {});
    const threadId = created.body.threadId as string;
    const planned = await first.call(`/api/threads/${threadId}/messages`, 'marketer', { text: GOAL, wait: true });
    expect(planned.body).toMatchObject({ status: 'needs_approval' });
    const generated = await prepareApiTokens(test.app.db, null, { generate: () => 'local-admin-token-0000000' });
    expect(generated.newAdminToken).toBe('local-admin-token-0000000');
    await first.close();
    await test.app.close();

    reopened = await openApp(loadConfig(test.env), { now: () => NOW });
    expect(reopened.startup.seeded).toBeNull();
    const second = await serve(reopened);
    try {
      const after = await second.call(`/api/threads/${threadId}/plan`, 'approver');
      expect(after).toEqual({ status: 200, body: { plan: planned.body, awaitingApproval: true, running: false } });
      const approved = await second.call(`/api/threads/${threadId}/approve`, 'approver', {});
      expect(approved.status).toBe(200);
      expect(approved.body as unknown as Plan).toMatchObject({ status: 'scheduled', campaignId: (planned.body as unknown as Plan).campaignId });

      const restarted = await prepareApiTokens(reopened.db, null, { generate: () => 'another-token-0000000000' });
      expect(restarted.newAdminToken).toBeNull();
      expect(restarted.registry.identify('local-admin-token-0000000')).toEqual({ name: 'local-admin', role: 'admin' });
    } finally {
      await second.close();
    }
  });
});
