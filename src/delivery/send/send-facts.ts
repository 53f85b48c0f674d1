// Reads what the send-time checks and the message need about one claimed send, inside the sending
// transaction and in one statement: the campaign's state and trigger, the recipient's consent,
// suppressions, contact details and recent messages, the copy and the product last looked at; then,
// for a trigger send, any exit event since the trigger.
import type { Queryable } from '../../data/database.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Schedule } from '../../domain/plan.ts';
import { EventType, Locale } from '../../domain/vocabulary.ts';
import type { Channel } from '../../domain/vocabulary.ts';
import type { SendFacts } from './send-checks.ts';

/** The send row as the claim returned it. */
export interface ClaimedSend {
  id: number;
  campaignId: string;
  customerId: string;
  step: number;
  channel: Channel;
  variant: string;
  sendAt: Date;
  triggeredAt: Date | null;
  triggerEventId: number | null;
}

export interface Recipient {
  firstName: string | null;
  email: string | null;
  phone: string | null;
  /** Language of the campaign's copy, for placeholder fallbacks. */
  locale: Locale;
  /** The product the recipient last looked at: the trigger event's product, else their latest view, else their latest cart add. */
  lastViewedProduct: string | null;
}

/** The campaign's copy for the send's channel and variant. */
export interface SendCopy {
  title: string | null;
  body: string;
}

interface FactsRow extends Record<string, unknown> {
  campaign_status: string;
  locale: string | null;
  trigger: Schedule['trigger'];
  time_zone: string;
  country: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  customer_locale: string;
  consent_granted: boolean;
  suppression: string | null;
  sent_in_window: number;
  copy_found: boolean;
  copy_title: string | null;
  copy_body: string | null;
  last_viewed_product: string | null;
}

/** The exit event a trigger campaign names, or the policy's default for its trigger event. */
function exitEventFor(trigger: NonNullable<Schedule['trigger']>, policy: Pick<Policy, 'triggers'>): EventType | null {
  const named = EventType.safeParse(trigger.unlessEvent);
  if (named.success) return named.data;
  const event = EventType.safeParse(trigger.event);
  return event.success ? (policy.triggers.exitEvents[event.data] ?? null) : null;
}

async function firstExitSince(tx: Queryable, customerId: string, exitEvent: EventType, since: Date, now: Date): Promise<Date | null> {
  const orders =
    exitEvent === 'purchase'
      ? ` UNION ALL SELECT ordered_at FROM orders WHERE customer_id = $1 AND status = 'completed' AND ordered_at > $3 AND ordered_at <= $4`
      : '';
  const { rows } = await tx.query<{ at: Date }>(
    `SELECT min(at) AS at FROM (SELECT occurred_at AS at FROM events WHERE customer_id = $1 AND type = $2 AND occurred_at > $3 AND occurred_at <= $4${orders}) exits`,
    [customerId, exitEvent, since.toISOString(), now.toISOString()],
  );
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export async function loadSendFacts(
  tx: Queryable,
  send: ClaimedSend,
  { now, policy }: { now: Date; policy: Pick<Policy, 'frequencyCap' | 'triggers'> },
): Promise<{ facts: SendFacts; recipient: Recipient; copy: SendCopy | null }> {
  // The customer row is already locked by the claim (sends to one customer take turns, so two
  // workers cannot both slip under the frequency cap); this statement starts after the lock, so it
  // sees every send committed before it.
  const { rows } = await tx.query<FactsRow>(
    `SELECT c.status AS campaign_status, c.brief->>'locale' AS locale, c.plan->'schedule'->'trigger' AS trigger,
            cu.time_zone, upper(nullif(trim(cu.country), '')) AS country, cu.email, cu.phone, cu.first_name, cu.locale AS customer_locale,
            coalesce((SELECT granted FROM consents WHERE customer_id = cu.id AND channel = $3), false) AS consent_granted,
            (SELECT coalesce(channel, 'all channels') || ': ' || reason FROM suppressions
              WHERE customer_id = cu.id AND (channel = $3 OR channel IS NULL) ORDER BY channel NULLS FIRST LIMIT 1) AS suppression,
            (SELECT count(*) FROM sends other WHERE other.customer_id = cu.id AND other.id <> $1 AND other.status = 'sent'
                AND other.sent_at > $4::timestamptz - make_interval(days => $5) AND other.sent_at <= $4::timestamptz) AS sent_in_window,
            m.campaign_id IS NOT NULL AS copy_found, m.title AS copy_title, m.body AS copy_body,
            coalesce(
              (SELECT p.name FROM events e JOIN products p ON p.id = e.product_id WHERE e.id = $8),
              (SELECT p.name FROM events e JOIN products p ON p.id = e.product_id
                WHERE e.customer_id = cu.id AND e.type IN ('view', 'add_to_cart') AND e.occurred_at <= $4::timestamptz
                ORDER BY (e.type = 'view') DESC, e.occurred_at DESC LIMIT 1)
            ) AS last_viewed_product
       FROM campaigns c CROSS JOIN customers cu
       LEFT JOIN messages m ON m.campaign_id = $2 AND m.channel = $3 AND m.variant = $7
      WHERE c.id = $2 AND cu.id = $6`,
    [send.id, send.campaignId, send.channel, now.toISOString(), policy.frequencyCap.windowDays, send.customerId, send.variant, send.triggerEventId],
  );
  const row = rows[0];
  if (!row) throw new Error(`send ${send.id} refers to a campaign or customer that no longer exists`);

  let trigger: SendFacts['trigger'] = null;
  if (row.trigger && send.triggeredAt) {
    const exitEvent = exitEventFor(row.trigger, policy);
    const exitedAt = exitEvent ? await firstExitSince(tx, send.customerId, exitEvent, send.triggeredAt, now) : null;
    trigger = { event: row.trigger.event, exitEvent, exitedAt };
  }
  const locale = Locale.safeParse(row.locale ?? row.customer_locale);
  return {
    facts: {
      channel: send.channel,
      sendAt: send.sendAt,
      campaignStatus: row.campaign_status,
      timeZone: row.time_zone,
      country: row.country,
      email: row.email,
      phone: row.phone,
      consentGranted: row.consent_granted === true,
      suppression: row.suppression,
      sentInCapWindow: Number(row.sent_in_window),
      trigger,
    },
    recipient: {
      firstName: row.first_name?.trim() || null,
      email: row.email,
      phone: row.phone,
      locale: locale.success ? locale.data : 'en',
      lastViewedProduct: row.last_viewed_product,
    },
    copy: row.copy_found ? { title: row.copy_title, body: row.copy_body ?? '' } : null,
  };
}
