// Delivers a batch of sends (the jobs one queue fetch returned): one look at all their rows skips
// those already settled, throttle tokens are taken per channel for as many sends as the window
// allows (one statement per channel, not one per send), and each send then goes through its own
// claim-check-send transaction (deliver-send.ts), all at once; the providers' ids are recorded for
// the whole batch in one statement afterwards. Each send's result stands alone: one that fails does
// not fail the others.
import type { Channel } from '../../domain/vocabulary.ts';
import { createLogger } from '../../logger.ts';
import { deliverQueuedSend, lookAtSends, recordProviderMessageIds, type DeliverContext, type SendOutcome, type SendToClaim } from './deliver-send.ts';

const log = createLogger('delivery');

export type BatchSendResult = { ok: true; outcome: SendOutcome } | { ok: false; error: Error };

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

async function settleOne(context: DeliverContext, send: SendToClaim): Promise<BatchSendResult> {
  try {
    return { ok: true, outcome: await deliverQueuedSend(context, send) };
  } catch (error) {
    return { ok: false, error: asError(error) };
  }
}

/** Hands the sends of one channel to their transactions as fast as the channel's throttle lets them go. */
async function deliverChannel(context: DeliverContext, channel: Channel, sends: SendToClaim[], results: Map<number, BatchSendResult>): Promise<void> {
  const running: Array<Promise<void>> = [];
  let next = 0;
  while (next < sends.length) {
    let granted = sends.length - next;
    if (context.throttle) {
      try {
        granted = await context.throttle.acquireMany(channel, granted);
      } catch (error) {
        // No token, no send: the rest of this channel's sends fail this attempt and are retried.
        for (const send of sends.slice(next)) results.set(send.id, { ok: false, error: asError(error) });
        break;
      }
    }
    for (const send of sends.slice(next, next + granted)) {
      running.push(settleOne(context, send).then((result) => void results.set(send.id, result)));
    }
    next += granted;
  }
  await Promise.all(running);
}

/** Delivers each send at most once; the result for every id in `sendIds`, in the same order. */
export async function deliverSends(context: DeliverContext, sendIds: readonly number[]): Promise<BatchSendResult[]> {
  const results = new Map<number, BatchSendResult>();
  let found: Awaited<ReturnType<typeof lookAtSends>>;
  try {
    found = await lookAtSends(context.db, [...new Set(sendIds)]);
  } catch (error) {
    return sendIds.map(() => ({ ok: false, error: asError(error) }));
  }
  const byChannel = new Map<Channel, SendToClaim[]>();
  for (const id of new Set(sendIds)) {
    const current = found.get(id);
    if (!current || 'settled' in current) {
      results.set(id, { ok: true, outcome: { status: 'skipped', current: current?.settled ?? null } });
      continue;
    }
    const sends = byChannel.get(current.channel) ?? [];
    sends.push(current);
    byChannel.set(current.channel, sends);
  }
  await Promise.all([...byChannel].map(([channel, sends]) => deliverChannel(context, channel, sends, results)));
  const providerIds = [...results].flatMap(([sendId, result]) =>
    result.ok && result.outcome.status === 'sent' && result.outcome.providerMessageId ? [{ sendId, providerMessageId: result.outcome.providerMessageId }] : [],
  );
  // Only bookkeeping: the sends are already recorded, so a failure here fails no job.
  await recordProviderMessageIds(context.db, providerIds).catch((error: unknown) =>
    log.warn({ sends: providerIds.length, error: asError(error).message }, 'could not record the providers\' message ids'),
  );
  return sendIds.map((id) => results.get(id)!);
}
