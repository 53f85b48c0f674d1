// Delivers one send, at most once. Inside one transaction the recipient's row is locked and the send
// row claimed with `UPDATE ... WHERE status = 'queued' RETURNING` (one statement: a second worker, or
// a re-run of the same job, finds nothing to claim and sends nothing), re-checked against the rules
// at send time (one statement for the facts, the copy and the last viewed product), rendered for its
// recipient and handed to its channel; the new status commits with it, right after the provider
// accepted the message (its id is recorded after the commit). A failure that may pass
// (provider down) rolls the claim back and is thrown for the queue to retry; a permanent one is
// recorded as `failed` with its reason. `deliverSends` (deliver-sends.ts) does the same for a batch.
import type { Database, Queryable } from '../../data/database.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Channel } from '../../domain/vocabulary.ts';
import type { OutboundMessage } from '../channels/channel-adapter.ts';
import { isPermanentDeliveryError } from '../channels/channel-adapter.ts';
import type { ChannelAdapters } from '../channels/channel-adapters.ts';
import type { DeliveryConfig } from '../delivery-config.ts';
import { sendJobKey } from '../queue/job-keys.ts';
import type { ChannelThrottle } from '../throttle/channel-throttle.ts';
import { couponCodeFor, unsubscribeUrlFor } from './personal-links.ts';
import { renderPlaceholders, unresolvedPlaceholders } from './render-message.ts';
import { decideSend } from './send-checks.ts';
import { loadSendFacts, type ClaimedSend, type Recipient, type SendCopy } from './send-facts.ts';

export interface DeliverContext {
  db: Database;
  policy: Policy;
  adapters: ChannelAdapters;
  links: DeliveryConfig['links'];
  throttle?: ChannelThrottle | null;
  /** The business clock: what "now" is for due times, quiet hours and caps. */
  now: () => Date;
}

export type SendOutcome =
  | { status: 'sent'; providerMessageId: string | null }
  | { status: 'suppressed' | 'cancelled' | 'failed'; reason: string }
  | { status: 'rescheduled'; sendAt: Date; reason: string }
  /** Nothing to do: the send is no longer queued (sent by an earlier run, or settled otherwise). */
  | { status: 'skipped'; current: string | null };

const MAX_REASON_LENGTH = 500;
const MAX_PROVIDER_ID_LENGTH = 300;

interface ClaimRow extends Record<string, unknown> {
  id: number;
  campaign_id: string;
  customer_id: string;
  step: number;
  channel: Channel;
  variant: string;
  send_at: Date;
  triggered_at: Date | null;
  trigger_event_id: number | null;
}

/** What the cheap look before a claim found: settled sends are skipped without a throttle token or a transaction. */
export interface SendToClaim {
  id: number;
  customerId: string;
  channel: Channel;
}

/**
 * Locks the recipient's customer row (sends to one customer take turns, so two workers cannot both
 * slip under the frequency cap), then claims the send, in one statement.
 */
async function claim(tx: Queryable, send: SendToClaim, now: Date): Promise<ClaimedSend | null> {
  const { rows } = await tx.query<ClaimRow>(
    `WITH recipient AS (SELECT id FROM customers WHERE id = $3 FOR UPDATE)
     UPDATE sends SET status = 'sent', sent_at = $2, reason = NULL
      WHERE id = $1 AND status = 'queued' AND customer_id = (SELECT id FROM recipient)
     RETURNING id, campaign_id, customer_id, step, channel, variant, send_at, triggered_at, trigger_event_id`,
    [send.id, now.toISOString(), send.customerId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    campaignId: row.campaign_id,
    customerId: row.customer_id,
    step: Number(row.step),
    channel: row.channel,
    variant: row.variant,
    sendAt: new Date(row.send_at),
    triggeredAt: row.triggered_at ? new Date(row.triggered_at) : null,
    triggerEventId: row.trigger_event_id === null ? null : Number(row.trigger_event_id),
  };
}

async function settle(tx: Queryable, sendId: number, status: 'suppressed' | 'cancelled' | 'failed', reason: string): Promise<SendOutcome> {
  const clipped = reason.slice(0, MAX_REASON_LENGTH);
  await tx.query('UPDATE sends SET status = $2, reason = $3, sent_at = NULL WHERE id = $1', [sendId, status, clipped]);
  return { status, reason: clipped };
}

function composeMessage(send: ClaimedSend, recipient: Recipient, copy: SendCopy | null, context: DeliverContext, now: Date): OutboundMessage | string {
  if (!copy) return `copy.missing: the campaign has no ${send.channel} message for variant ${send.variant}`;
  const unsubscribeUrl = unsubscribeUrlFor({
    baseUrl: context.links.unsubscribeUrl,
    campaignId: send.campaignId,
    customerId: send.customerId,
    channel: send.channel,
    secret: context.links.unsubscribeSecret,
  });
  const values = {
    first_name: recipient.firstName,
    last_viewed_product: recipient.lastViewedProduct,
    coupon_code: couponCodeFor(send.campaignId, send.customerId, context.links.couponSecret),
    unsubscribe_url: unsubscribeUrl,
  };
  const title = copy.title === null ? null : renderPlaceholders(copy.title, values, recipient.locale);
  const text = renderPlaceholders(copy.body, values, recipient.locale);
  const unknown = unresolvedPlaceholders(`${title ?? ''}\n${text}`);
  if (unknown.length > 0) return `copy.placeholders: no value for ${unknown.join(', ')}`;
  return {
    idempotencyKey: sendJobKey(send),
    campaignId: send.campaignId,
    customerId: send.customerId,
    step: send.step,
    channel: send.channel,
    variant: send.variant,
    locale: recipient.locale,
    to: { customerId: send.customerId, email: recipient.email, phone: recipient.phone },
    title,
    text,
    unsubscribeUrl: send.channel === 'email' ? unsubscribeUrl : null,
    sentAt: now,
  };
}

/** The claim-check-send transaction for a send found queued; `skipped` when another worker got there first. */
export async function deliverQueuedSend(context: DeliverContext, queued: SendToClaim): Promise<SendOutcome> {
  const now = context.now();
  return context.db.transaction(async function deliverInTransaction(tx) {
    const send = await claim(tx, queued, now);
    if (!send) return { status: 'skipped', current: null };
    const { facts, recipient, copy } = await loadSendFacts(tx, send, { now, policy: context.policy });
    const decision = decideSend(facts, { policy: context.policy, now });
    if (decision.action === 'suppress') return settle(tx, send.id, 'suppressed', decision.reason);
    if (decision.action === 'cancel') return settle(tx, send.id, 'cancelled', decision.reason);
    if (decision.action === 'reschedule') {
      await tx.query(
        `UPDATE sends SET status = 'queued', sent_at = NULL, send_at = $2, enqueued_at = NULL, reason = $3 WHERE id = $1`,
        [send.id, decision.sendAt.toISOString(), decision.reason.slice(0, MAX_REASON_LENGTH)],
      );
      return { status: 'rescheduled', sendAt: decision.sendAt, reason: decision.reason };
    }
    const message = composeMessage(send, recipient, copy, context, now);
    if (typeof message === 'string') return settle(tx, send.id, 'failed', message);
    try {
      const receipt = await context.adapters.for(send.channel).send(message);
      // Commit at once: the provider has the message now, and until the commit a crash would send it
      // again. The provider's id is recorded after the commit (recordProviderMessageIds).
      return { status: 'sent', providerMessageId: receipt.providerMessageId?.slice(0, MAX_PROVIDER_ID_LENGTH) ?? null };
    } catch (error) {
      if (isPermanentDeliveryError(error)) return settle(tx, send.id, 'failed', `delivery: ${(error as Error).message}`);
      throw error;
    }
  });
}

/** The sends among `sendIds` still queued (with what the claim needs), and the status of the others. */
export async function lookAtSends(db: Queryable, sendIds: readonly number[]): Promise<Map<number, SendToClaim | { settled: string }>> {
  const { rows } = await db.query<{ id: number; status: string; channel: Channel; customer_id: string }>(
    'SELECT id, status, channel, customer_id FROM sends WHERE id = ANY($1::bigint[])',
    [sendIds],
  );
  return new Map(
    rows.map((row) => [
      Number(row.id),
      row.status === 'queued' ? { id: Number(row.id), customerId: row.customer_id, channel: row.channel } : { settled: row.status },
    ]),
  );
}

/**
 * Records the providers' ids of sent messages, in one statement, after their sends committed (a
 * crash in between loses only the id, never the record of the send).
 */
export async function recordProviderMessageIds(db: Queryable, sent: ReadonlyArray<{ sendId: number; providerMessageId: string }>): Promise<void> {
  if (sent.length === 0) return;
  await db.query(
    `UPDATE sends SET provider_message_id = v.provider_message_id
       FROM unnest($1::bigint[], $2::text[]) AS v(id, provider_message_id) WHERE sends.id = v.id`,
    [sent.map((entry) => entry.sendId), sent.map((entry) => entry.providerMessageId)],
  );
}

export async function deliverSend(context: DeliverContext, sendId: number): Promise<SendOutcome> {
  // A cheap look first, so a send that is already settled does not take a throttle slot.
  const current = (await lookAtSends(context.db, [sendId])).get(sendId);
  if (!current || 'settled' in current) return { status: 'skipped', current: current?.settled ?? null };
  await context.throttle?.acquire(current.channel);
  const outcome = await deliverQueuedSend(context, current);
  if (outcome.status === 'sent' && outcome.providerMessageId) {
    await recordProviderMessageIds(context.db, [{ sendId, providerMessageId: outcome.providerMessageId }]);
  }
  return outcome;
}

/** Records a send the queue gave up on (retries exhausted) as failed, unless it was settled meanwhile. */
export async function markSendFailed(db: Queryable, sendId: number, reason: string): Promise<boolean> {
  const { affectedRows } = await db.query(`UPDATE sends SET status = 'failed', reason = $2 WHERE id = $1 AND status = 'queued'`, [
    sendId,
    reason.slice(0, MAX_REASON_LENGTH),
  ]);
  return affectedRows > 0;
}
