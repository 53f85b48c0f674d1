// The demo's delivery: each message appended as one JSON line to `<outbox>/<channel>.jsonl`, so a
// campaign can be sent end to end with nothing configured and the result read back.
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Channel } from '../../domain/vocabulary.ts';
import type { ChannelAdapter } from './channel-adapter.ts';

export function outboxFile(outboxDir: string, channel: Channel): string {
  return join(outboxDir, `${channel}.jsonl`);
}

export function createFileSinkAdapter({ outboxDir }: { outboxDir: string }): ChannelAdapter {
  let ready: Promise<unknown> | null = null;
  return {
    kind: 'file',
    async send(message) {
      ready ??= mkdir(outboxDir, { recursive: true });
      await ready;
      const line = {
        id: message.idempotencyKey,
        sentAt: message.sentAt.toISOString(),
        campaignId: message.campaignId,
        customerId: message.customerId,
        step: message.step,
        channel: message.channel,
        variant: message.variant,
        to: message.channel === 'email' ? message.to.email : message.channel === 'sms' ? message.to.phone : message.customerId,
        title: message.title,
        text: message.text,
      };
      await appendFile(outboxFile(outboxDir, message.channel), `${JSON.stringify(line)}\n`, 'utf8');
      return { providerMessageId: message.idempotencyKey };
    },
    async close() {},
  };
}
