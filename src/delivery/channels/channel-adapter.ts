// What every channel adapter (SMTP, webhook, file sink) takes and gives back, and the one error type
// it throws: `permanent` failures (bad address, 4xx) are recorded at once; others are retried.
import type { Channel, Locale } from '../../domain/vocabulary.ts';

/** One rendered message for one recipient: no placeholders left in it. */
export interface OutboundMessage {
  /** `${campaign}:${customer}:${step}`: the same for every attempt, so a provider can drop a repeat. */
  idempotencyKey: string;
  campaignId: string;
  customerId: string;
  step: number;
  channel: Channel;
  variant: string;
  locale: Locale;
  to: { customerId: string; email: string | null; phone: string | null };
  /** E-mail subject or push title. */
  title: string | null;
  text: string;
  /** The recipient's one-click unsubscribe link (e-mail). */
  unsubscribeUrl: string | null;
  /** When the message is handed over (the worker's clock). */
  sentAt: Date;
}

export interface DeliveryReceipt {
  /** The provider's id for the message, when it gives one. */
  providerMessageId: string | null;
}

export interface ChannelAdapter {
  /** How the channel is delivered, for logs: `smtp`, `webhook`, `file`. */
  readonly kind: string;
  send(message: OutboundMessage): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

export class DeliveryError extends Error {
  /** True when trying again cannot help (rejected address, malformed request). */
  readonly permanent: boolean;

  constructor(message: string, { permanent, cause }: { permanent: boolean; cause?: unknown }) {
    super(message, { cause });
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}

export function isPermanentDeliveryError(error: unknown): boolean {
  return error instanceof DeliveryError && error.permanent;
}
