// Every /api route refuses a missing or wrong token; rate limits count per token; the OpenAPI
// document lists every route and its references resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenRegistry } from './api-tokens.ts';
import { API_ROUTES } from './openapi.ts';
import { parseApiTokens } from './server-settings.ts';
import { TEST_API_TOKENS, TEST_TOKENS, startTestServer, type TestServer } from './web-test-server.ts';
import { closeServer, createWebServer, listen } from './web-server.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const PROTECTED = API_ROUTES.filter((route) => route.auth);

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ now: () => NOW, seedCustomers: 300 });
});
afterAll(async () => {
  await api?.close();
});

function concrete(path: string): string {
  return path.replace('{id}', 'some-thread');
}

describe('authentication on every /api route', () => {
  it('documents the routes the tests walk', () => {
    expect(PROTECTED.map((route) => `${route.method.toUpperCase()} ${route.path}`)).toEqual([
      'GET /api/openapi.json',
      'GET /api/me',
      'POST /api/threads',
      'POST /api/threads/{id}/messages',
      'GET /api/threads/{id}/stream',
      'GET /api/threads/{id}/plan',
      'POST /api/threads/{id}/approve',
      'POST /api/threads/{id}/reject',
      'POST /api/threads/{id}/edit',
      'GET /api/campaigns',
      'GET /api/campaigns/{id}',
      'POST /api/support/conversations',
      'POST /api/support/conversations/{id}/messages',
      'GET /api/support/conversations/{id}',
    ]);
  });

  it.each(PROTECTED.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s refuses a missing token', async (_name, route) => {
    const response = await api.request(concrete(route.path), { method: route.method.toUpperCase(), body: route.method === 'post' ? { text: 'hello' } : undefined, token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'authentication required: send the header "Authorization: Bearer <token>"' });
  });

  it.each(PROTECTED.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s refuses a wrong token', async (_name, route) => {
    for (const raw of [`${TEST_TOKENS.approver}x`, 'not-a-token-at-all-0000']) {
      const response = await api.request(concrete(route.path), { method: route.method.toUpperCase(), body: route.method === 'post' ? { text: 'hello' } : undefined, token: { raw } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        code: 'UNAUTHORIZED',
        message: 'the bearer token is not valid: use a token from API_TOKENS or the local admin token printed at first start',
      });
    }
  });

  it('refuses a token sent another way than as a bearer token', async () => {
    const response = await api.request('/api/me', { token: null, headers: { authorization: `Basic ${TEST_TOKENS.admin}` } });
    expect(response.status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('lists every route and resolves every schema reference', async () => {
    const response = await api.request('/api/openapi.json', { token: 'marketer' });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(10);
    for (const name of references) expect(document.components.schemas[name], name).toBeDefined();
    expect(document.components.schemas.Plan).toMatchObject({ type: 'object', required: expect.arrayContaining(['status', 'threadId', 'segment', 'forecast', 'guardrails']) });
    expect(document.components.schemas.MessageBody).toMatchObject({ properties: { text: { type: 'string', minLength: 1, maxLength: 4000 }, wait: { type: 'boolean', default: false } } });
  });
});

describe('rate limits per token', () => {
  it('answers 429 after the limit, counting each token on its own', async () => {
    const limited = createWebServer({ app: api.test.app, tokens: TokenRegistry.fromGrants(parseApiTokens(TEST_API_TOKENS)), rateLimit: { limit: 3, windowMs: 60_000 } });
    const { server, url } = await listen(limited.express, { port: 0, host: '127.0.0.1' });
    try {
      const call = (token: string) => fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await call(TEST_TOKENS.marketer)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call(TEST_TOKENS.marketer);
      expect(await refused.json()).toEqual({ code: 'RATE_LIMITED', message: 'too many requests: at most 3 per 60 s per token; wait and try again' });
      expect((await call(TEST_TOKENS.approver)).status).toBe(200);
    } finally {
      await closeServer(server);
    }
  });
});
