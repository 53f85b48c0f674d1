// A real HTTP server standing in for an SMS/push provider (tests, benchmarks): it answers every POST
// 200 with a JSON `id`, and keeps the `Idempotency-Key` of each request it received whole, in order of
// arrival. It does not drop repeats: what arrives twice is counted twice.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER } from '../channels/webhook-adapter.ts';

export interface WebhookCapture {
  /** http://127.0.0.1:<port>/provider */
  url: string;
  /** The idempotency key of every request received, repeats included (null when a request had none). */
  keys: Array<string | null>;
  close(): Promise<void>;
}

export async function startWebhookCapture(): Promise<WebhookCapture> {
  const keys: Array<string | null> = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = request.headers[IDEMPOTENCY_HEADER];
      keys.push(typeof key === 'string' ? key : null);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `provider-${keys.length}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/provider`,
    keys,
    close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}
