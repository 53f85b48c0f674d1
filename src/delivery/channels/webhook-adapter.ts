// SMS, push and WeCom through a provider webhook: an HTTP POST of the message as JSON, signed with
// HMAC-SHA256 over the exact body (header `X-Campaign-Agent-Signature: sha256=<hex>`), carrying the
// send's idempotency key. 5xx answers, 408/429, timeouts and network errors are tried again with
// backoff; any other 4xx is a permanent failure.
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelAdapter, OutboundMessage } from './channel-adapter.ts';
import { DeliveryError } from './channel-adapter.ts';

export const SIGNATURE_HEADER = 'x-campaign-agent-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface WebhookAdapterOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  /** Tries per message, counting the first. */
  attempts: number;
  /** Wait before the second try; doubled for each further one. */
  backoffMs?: number;
}

/** `sha256=<hex>` of the HMAC-SHA256 of `body` under `secret`: what a receiver recomputes to verify. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The JSON a provider receives. Addresses only for the channel that needs them. */
export function webhookPayload(message: OutboundMessage): Record<string, unknown> {
  return {
    id: message.idempotencyKey,
    channel: message.channel,
    campaignId: message.campaignId,
    customerId: message.customerId,
    step: message.step,
    variant: message.variant,
    locale: message.locale,
    to: message.channel === 'sms' ? { customerId: message.customerId, phone: message.to.phone } : { customerId: message.customerId },
    title: message.title,
    text: message.text,
    sentAt: message.sentAt.toISOString(),
  };
}

function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

async function postOnce(options: WebhookAdapterOptions, body: string, message: OutboundMessage): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(body, options.secret),
        [IDEMPOTENCY_HEADER]: message.idempotencyKey,
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const reason = timedOut ? `no answer within ${options.timeoutMs} ms` : (error as Error).message;
    throw new DeliveryError(`${message.channel} webhook ${new URL(options.url).host}: ${reason}`, { permanent: false, cause: error });
  }
  const answer = await response.text().catch(() => '');
  if (!response.ok) {
    const excerpt = answer.slice(0, 200).replace(/\s+/g, ' ').trim();
    throw new DeliveryError(`${message.channel} webhook answered ${response.status}${excerpt ? `: ${excerpt}` : ''}`, {
      permanent: !retryable(response.status),
    });
  }
  try {
    const parsed = JSON.parse(answer) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : null;
  } catch {
    return null;
  }
}

export function createWebhookAdapter(options: WebhookAdapterOptions): ChannelAdapter {
  const backoffMs = options.backoffMs ?? 250;
  return {
    kind: 'webhook',
    async send(message) {
      if (message.channel === 'sms' && !message.to.phone) {
        throw new DeliveryError(`customer ${message.customerId} has no phone number`, { permanent: true });
      }
      const body = JSON.stringify(webhookPayload(message));
      for (let attempt = 1; ; attempt += 1) {
        try {
          return { providerMessageId: await postOnce(options, body, message) };
        } catch (error) {
          const permanent = error instanceof DeliveryError && error.permanent;
          if (permanent || attempt >= options.attempts) throw error;
          await sleep(backoffMs * 2 ** (attempt - 1));
        }
      }
    },
    async close() {},
  };
}
