// Delivers one send, at most once. Inside one transaction the send row is claimed with
// `UPDATE ... WHERE status = 'queued' RETURNING` (a second worker, or a re-run of the same job, finds
// nothing to claim and sends nothing), re-checked against the rules at send time, rendered for its
// recipient and handed to its channel; the new status commits with it. A failure that may pass
// (provider down) rolls the claim back and is thrown for the queue to retry; a permanent one is
// recorded as `failed` with its reason.
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
import { lastViewedProduct, loadSendFacts, type ClaimedSend, type Recipient } from './send-facts.ts';

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

async function claim(tx: Queryable, sendId: number, now: Date): Promise<ClaimedSend | null> {
  const { rows } = await tx.query<ClaimRow>(
    `UPDATE sends SET status = 'sent', sent_at = $2, reason = NULL WHERE id = $1 AND status = 'queued'
     RETURNING id, campaign_id, customer_id, step, channel, variant, send_at, triggered_at, trigger_event_id`,
    [sendId, now.toISOString()],
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

async function composeMessage(tx: Queryable, send: ClaimedSend, recipient: Recipient, context: DeliverContext, now: Date): Promise<OutboundMessage | string> {
  const { rows } = await tx.query<{ title: string | null; body: string }>(
    'SELECT title, body FROM messages WHERE campaign_id = $1 AND channel = $2 AND variant = $3',
    [send.campaignId, send.channel, send.variant],
  );
  const copy = rows[0];
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
    last_viewed_product: await lastViewedProduct(tx, send, now),
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

export async function deliverSend(context: DeliverContext, sendId: number): Promise<SendOutcome> {
  const { db } = context;
  // A cheap look first, so a send that is already settled does not take a throttle slot.
  const current = (await db.query<{ status: string; channel: Channel }>('SELECT status, channel FROM sends WHERE id = $1', [sendId])).rows[0];
  if (!current || current.status !== 'queued') return { status: 'skipped', current: current?.status ?? null };
  await context.throttle?.acquire(current.channel);

  const now = context.now();
  return db.transaction(async function deliverInTransaction(tx) {
    const send = await claim(tx, sendId, now);
    if (!send) return { status: 'skipped', current: null };
    const { facts, recipient } = await loadSendFacts(tx, send, { now, policy: context.policy });
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
    const message = await composeMessage(tx, send, recipient, context, now);
    if (typeof message === 'string') return settle(tx, send.id, 'failed', message);
    try {
      const receipt = await context.adapters.for(send.channel).send(message);
      if (receipt.providerMessageId) {
        await tx.query('UPDATE sends SET provider_message_id = $2 WHERE id = $1', [send.id, receipt.providerMessageId.slice(0, 300)]);
      }
      return { status: 'sent', providerMessageId: receipt.providerMessageId };
    } catch (error) {
      if (isPermanentDeliveryError(error)) return settle(tx, send.id, 'failed', `delivery: ${(error as Error).message}`);
      throw error;
    }
  });
}

/** Records a send the queue gave up on (retries exhausted) as failed, unless it was settled meanwhile. */
export async function markSendFailed(db: Queryable, sendId: number, reason: string): Promise<boolean> {
  const { affectedRows } = await db.query(`UPDATE sends SET status = 'failed', reason = $2 WHERE id = $1 AND status = 'queued'`, [
    sendId,
    reason.slice(0, MAX_REASON_LENGTH),
  ]);
  return affectedRows > 0;
}
