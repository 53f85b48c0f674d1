// One adapter per channel, as the delivery configuration says: SMTP or the file sink for e-mail, a
// signed webhook or the file sink for SMS, push and WeCom.
import type { Channel } from '../../domain/vocabulary.ts';
import type { DeliveryConfig, WebhookChannelConfig } from '../delivery-config.ts';
import type { ChannelAdapter } from './channel-adapter.ts';
import { createFileSinkAdapter } from './file-sink-adapter.ts';
import { createSmtpAdapter } from './smtp-adapter.ts';
import { createWebhookAdapter } from './webhook-adapter.ts';

export interface ChannelAdapters {
  for(channel: Channel): ChannelAdapter;
  close(): Promise<void>;
}

export function createChannelAdapters(
  config: Pick<DeliveryConfig, 'channels' | 'outboxDir'>,
  overrides: Partial<Record<Channel, ChannelAdapter>> = {},
): ChannelAdapters {
  let fileSink: ChannelAdapter | null = null;
  const sink = () => (fileSink ??= createFileSinkAdapter({ outboxDir: config.outboxDir }));
  const webhook = (settings: WebhookChannelConfig) =>
    settings.kind === 'webhook'
      ? createWebhookAdapter({ url: settings.url, secret: settings.secret, timeoutMs: settings.timeoutMs, attempts: settings.attempts })
      : sink();
  const email = config.channels.email;
  const adapters: Record<Channel, ChannelAdapter> = {
    email: overrides.email ?? (email.kind === 'smtp' ? createSmtpAdapter({ url: email.url, from: email.from }) : sink()),
    sms: overrides.sms ?? webhook(config.channels.sms),
    push: overrides.push ?? webhook(config.channels.push),
    wecom: overrides.wecom ?? webhook(config.channels.wecom),
  };
  return {
    for: (channel) => adapters[channel],
    async close() {
      await Promise.all([...new Set(Object.values(adapters))].map((adapter) => adapter.close()));
    },
  };
}
