// For tests without Slack: requests signed exactly as Slack signs them, and a local HTTP server
// standing in for Slack's Web API that records every call the app makes.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  secret: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
}

/** Posts a body to the receiver with Slack's headers: JSON for events, form-encoded `payload` for interactions. */
export function postSigned(url: string, body: string, { secret, timestamp = Math.floor(Date.now() / 1000), signature }: SignedRequestOptions): Promise<Response> {
  const form = body.startsWith('payload=');
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
}

export function interactionBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** What the stand-in answered. */
  result: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Give this to the WebClient as `slackApiUrl`. */
  apiUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first call matching `predicate`, polling until `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

export async function startFakeSlackApi({ botUserId = 'UBOT', teamId = 'T1' } = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  let messages = 0;
  const server: Server = createServer(async (request, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const args = parseArgs(raw, request.headers['content-type']);
    const answers: Record<string, () => Record<string, unknown>> = {
      'auth.test': () => ({ ok: true, user_id: botUserId, bot_id: 'BBOT', team_id: teamId, user: 'campaign-agent', team: 'Test' }),
      'chat.postMessage': () => ({ ok: true, channel: args.channel, ts: `1800000000.${String(++messages).padStart(6, '0')}`, message: { text: args.text } }),
      'chat.update': () => ({ ok: true, channel: args.channel, ts: args.ts, text: args.text }),
      'chat.postEphemeral': () => ({ ok: true, message_ts: `1800000001.${String(++messages).padStart(6, '0')}` }),
    };
    const result = answers[method]?.() ?? { ok: true };
    calls.push({ method, args, result });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    async waitFor(predicate, timeoutMs = 60_000) {
      const started = Date.now();
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() - started > timeoutMs) throw new Error(`no Slack API call matched within ${timeoutMs} ms; calls: ${calls.map((call) => call.method).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
