// E-mail over SMTP with nodemailer: plain-text messages with a stable Message-ID per send and a
// one-click List-Unsubscribe header. 5xx replies are permanent failures; 4xx replies and connection
// problems are retried.
import nodemailer from 'nodemailer';
import type { ChannelAdapter, OutboundMessage } from './channel-adapter.ts';
import { DeliveryError } from './channel-adapter.ts';

export interface SmtpAdapterOptions {
  /** smtp://user:password@host:port, or smtps://... for implicit TLS. */
  url: string;
  /** Sender, e.g. `Lumen <news@lumen.example>`. */
  from: string;
  /** Connections kept open and reused. */
  maxConnections?: number;
}

function safePart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** `<campaign.customer.step@sender-domain>`: the same for every attempt at one send. */
export function messageIdFor(message: Pick<OutboundMessage, 'campaignId' | 'customerId' | 'step'>, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'campaign-agent.invalid';
  return `<${safePart(message.campaignId)}.${safePart(message.customerId)}.${message.step}@${domain}>`;
}

function describeSmtpError(error: unknown): DeliveryError {
  const failure = error as { responseCode?: number; permanent?: boolean; code?: string; message?: string };
  const permanent = typeof failure.responseCode === 'number' ? failure.responseCode >= 500 : false;
  const what = failure.responseCode ? `SMTP server answered ${failure.responseCode}` : `SMTP ${failure.code ?? 'error'}`;
  return new DeliveryError(`${what}: ${failure.message ?? String(error)}`, { permanent, cause: error });
}

export function createSmtpAdapter({ url, from, maxConnections = 8 }: SmtpAdapterOptions): ChannelAdapter {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections, connectionTimeout: 10_000, socketTimeout: 30_000 });
  return {
    kind: 'smtp',
    async send(message) {
      if (!message.to.email) throw new DeliveryError(`customer ${message.customerId} has no e-mail address`, { permanent: true });
      const headers: Record<string, string> = { 'X-Campaign-Agent-Send': message.idempotencyKey };
      if (message.unsubscribeUrl) {
        headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        const info = await transport.sendMail({
          from,
          to: message.to.email,
          subject: message.title ?? '',
          text: message.text,
          messageId: messageIdFor(message, from),
          date: message.sentAt,
          headers,
        });
        return { providerMessageId: typeof info.messageId === 'string' ? info.messageId : null };
      } catch (error) {
        throw describeSmtpError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
