// A localhost HTTP proxy that holds every request for a fixed time before passing it on, so a local
// mock model answers with the latency of a real one. It also records what passed through it: path,
// request and response sizes, and when the request arrived (for counting round trips and tokens).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  path: string;
  body: string;
  responseBody: string;
  /** performance.now() when the request arrived and when its answer was sent. */
  arrivedAt: number;
  answeredAt: number;
}

export interface LatencyProxy {
  baseUrl: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startLatencyProxy({ target, latencyMs }: { target: string; latencyMs: number }): Promise<LatencyProxy> {
  const requests: ProxiedRequest[] = [];
  const targetUrl = new URL(target);
  const server: Server = createServer(async function forwardLater(request, response) {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    await new Promise((wait) => setTimeout(wait, latencyMs));
    const path = request.url ?? '/';
    try {
      const upstream = await fetch(new URL(path.replace(/^\/v1/, targetUrl.pathname), targetUrl.origin), {
        method: request.method,
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
      });
      const responseBody = await upstream.text();
      requests.push({ path, body, responseBody, arrivedAt, answeredAt: performance.now() });
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      response.end(responseBody);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `proxy: ${(error as Error).message}` } }));
    }
  });
  // Keep idle connections longer than a slow plan step takes: the model client reuses them, and a
  // socket the server closed meanwhile fails that request (ECONNRESET) instead of being retried.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Milliseconds during which at least one of the requests was in flight (calls made in parallel count once). */
export function timeInFlight(requests: readonly ProxiedRequest[]): number {
  const spans = requests.map((request) => [request.arrivedAt, request.answeredAt] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = spans[0] ?? [0, 0];
  for (const [from, to] of spans.slice(1)) {
    if (from > end) {
      total += end - start;
      [start, end] = [from, to];
    } else end = Math.max(end, to);
  }
  return total + (end - start);
}

/** Rough token count of a text: about four characters per token (OpenAI's rule of thumb). */
export function approximateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
