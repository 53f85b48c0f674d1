// Fuzzing the HTTP API (fast-check): arbitrary JSON values, malformed JSON and wrong content types
// sent to every route that takes a body, on real and made-up thread ids. Every answer is a 2xx or a
// 4xx with `{ code, message }` naming what is wrong: never a 5xx, never a crash of the server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './web-test-server.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
let api: TestServer;
let threadId: string;
/** A customer conversation on the public help routes, with the key its messages carry. */
let help: { conversationId: string; key: string };

beforeAll(async () => {
  api = await startTestServer({ now: () => NOW, seedCustomers: 200, publicSupport: { limit: 100_000, windowMs: 60_000 } });
  const created = await api.request('/api/threads', { method: 'POST', body: {} });
  threadId = ((await created.json()) as { threadId: string }).threadId;
  help = (await (await api.request('/public/support/conversations', { method: 'POST', body: {}, token: null })).json()) as typeof help;
});
afterAll(async () => {
  await api?.close();
});

/** Routes that take a body, with the thread or conversation id filled in. */
const ROUTES = (id: string) => [
  '/api/threads',
  `/api/threads/${id}/messages`,
  `/api/threads/${id}/edit`,
  `/api/threads/${id}/approve`,
  `/api/threads/${id}/reject`,
  '/api/support/conversations',
  `/api/support/conversations/${id}/messages`,
  '/public/support/conversations',
  `/public/support/conversations/${id}/messages`,
];

const body = fc.oneof(
  fc.jsonValue().map((value) => ({ raw: JSON.stringify(value) ?? 'null', type: 'application/json' })),
  fc.record({ text: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())) }).map((value) => ({ raw: JSON.stringify(value), type: 'application/json' })),
  fc.string().map((raw) => ({ raw, type: 'application/json' })), // mostly not JSON at all
  fc.string().map((raw) => ({ raw, type: 'text/plain' })),
);
const id = fc.oneof(fc.constant('known'), fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent));

describe('the HTTP API under fuzzed bodies', () => {
  it('answers every request with a 2xx or a 4xx naming the problem', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(id, fc.nat({ max: 8 }), body, async (rawId, routeIndex, { raw, type }) => {
        const isPublic = routeIndex >= 7;
        const path = ROUTES(rawId === 'known' ? (isPublic ? help.conversationId : threadId) : rawId)[routeIndex]!;
        const response = await fetch(`${api.url}${path}`, {
          method: 'POST',
          headers: isPublic ? { 'x-conversation-key': help.key, 'content-type': type } : { authorization: 'Bearer admin-token-cccccccccccccccc', 'content-type': type },
          body: raw,
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${path} ${raw.slice(0, 80)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) {
          const payload = JSON.parse(text) as { code?: unknown; message?: unknown };
          expect(typeof payload.code).toBe('string');
          expect(typeof payload.message).toBe('string');
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
    // The bodies reached the handlers: some were accepted, many refused as invalid, none rate-limited.
    const count = (test: (status: number) => boolean) => [...statuses].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0);
    expect(count((status) => status < 300)).toBeGreaterThan(0);
    expect(count((status) => status === 400)).toBeGreaterThan(30);
    expect(statuses.get(429) ?? 0).toBe(0);
    // The server still answers normally afterwards.
    expect((await api.request('/api/me')).status).toBe(200);
  });
});
