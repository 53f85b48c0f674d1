// A channel adapter for tests that keeps every message handed to it and can be told to fail the next
// attempts, permanently or not, or to wait before answering.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelAdapter, OutboundMessage } from '../channels/channel-adapter.ts';
import { DeliveryError } from '../channels/channel-adapter.ts';
import type { ChannelAdapters } from '../channels/channel-adapters.ts';

export interface RecordingAdapter extends ChannelAdapter {
  messages: OutboundMessage[];
  /** The next `times` attempts fail with `message`. */
  failNext(times: number, options: { permanent: boolean; message?: string }): void;
  /** Each attempt waits this long before it is recorded. */
  delayMs: number;
}

export function createRecordingAdapter(): RecordingAdapter {
  let failures: Array<{ permanent: boolean; message: string }> = [];
  const adapter: RecordingAdapter = {
    kind: 'recording',
    messages: [],
    delayMs: 0,
    failNext(times, { permanent, message = permanent ? 'address rejected' : 'provider unavailable' }) {
      failures = [...failures, ...Array.from({ length: times }, () => ({ permanent, message }))];
    },
    async send(message) {
      if (adapter.delayMs > 0) await sleep(adapter.delayMs);
      const failure = failures.shift();
      if (failure) throw new DeliveryError(failure.message, { permanent: failure.permanent });
      adapter.messages.push(message);
      return { providerMessageId: `rec-${adapter.messages.length}` };
    },
    async close() {},
  };
  return adapter;
}

/** Every channel delivered through one recording adapter. */
export function recordingAdapters(adapter: ChannelAdapter): ChannelAdapters {
  return { for: () => adapter, close: async () => undefined };
}
