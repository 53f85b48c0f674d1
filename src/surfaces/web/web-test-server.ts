// For tests: the whole application on its own seeded database behind a real HTTP server on a free
// port, with one token per role.
import type { Server } from 'node:http';
import { openTestApp, type TestApp, type TestAppOptions } from '../../testing/test-app.ts';
import { TokenRegistry } from './api-tokens.ts';
import type { RateLimitOptions } from './auth.ts';
import { parseApiTokens } from './server-settings.ts';
import { closeServer, createWebServer, listen, type WebServer, type WebServerOptions } from './web-server.ts';

export const TEST_TOKENS = {
  marketer: 'marketer-token-aaaaaaaaaaaa',
  approver: 'approver-token-bbbbbbbbbbbb',
  admin: 'admin-token-cccccccccccccccc',
} as const;

export const TEST_API_TOKENS = `marketer:mia:${TEST_TOKENS.marketer},approver:alex:${TEST_TOKENS.approver},admin:${TEST_TOKENS.admin}`;

export interface TestServer {
  test: TestApp;
  web: WebServer;
  server: Server;
  url: string;
  /** fetch against the server with a role's token (or a raw token, or none). */
  request(path: string, init?: { method?: string; body?: unknown; token?: keyof typeof TEST_TOKENS | { raw: string } | null; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export interface TestServerOptions extends TestAppOptions {
  rateLimit?: RateLimitOptions;
  bodyLimit?: string;
  publicSupport?: WebServerOptions['publicSupport'];
}

export async function startTestServer({ rateLimit, bodyLimit, publicSupport, ...appOptions }: TestServerOptions = {}): Promise<TestServer> {
  const test = await openTestApp(appOptions);
  const web = createWebServer({ app: test.app, tokens: TokenRegistry.fromGrants(parseApiTokens(TEST_API_TOKENS)), rateLimit, bodyLimit, publicSupport });
  const { server, url } = await listen(web.express, { port: 0, host: '127.0.0.1' });
  return {
    test,
    web,
    server,
    url,
    request(path, { method = 'GET', body, token = 'admin', headers = {} } = {}) {
      const raw = token === null ? null : typeof token === 'object' ? token.raw : TEST_TOKENS[token];
      return fetch(`${url}${path}`, {
        method,
        headers: { ...(raw ? { authorization: `Bearer ${raw}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async close() {
      await closeServer(server);
      await web.runs.idle();
      await test.dispose();
    },
  };
}

/** Reads a whole Server-Sent Events response into its events' data objects. */
export async function readEvents(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n'))
    .filter(Boolean)
    .map((data) => JSON.parse(data) as Record<string, unknown>);
}
