// The support bot's reads and writes: verifying a customer by order number plus e-mail or phone,
// that customer's own orders, the compensation they already received, and one row per turn.
// Every order read is scoped to a verified customer id, so no query can return another's data.
import type { Queryable } from './database.ts';

export interface VerifiedCustomer {
  customerId: string;
  firstName: string | null;
  locale: 'en' | 'zh';
  /** The order number that verified them. */
  orderId: string;
}

export interface OrderLine {
  productId: string;
  name: string;
  category: string;
  quantity: number;
}

export interface CustomerOrder {
  id: string;
  orderedAt: string;
  status: 'completed' | 'cancelled' | 'returned';
  total: number;
  currency: string;
  lines: OrderLine[];
}

export interface VerificationAttempt {
  orderId: string;
  email: string | null;
  phone: string | null;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * The order's customer when the e-mail matches theirs (case-insensitively) or the phone's digits
 * match theirs (a local number matches its international form: at least 8 trailing digits).
 * Null for an unknown order and for a contact that does not match alike, so the answer does not
 * tell which orders exist.
 */
export async function verifyCustomer(db: Queryable, attempt: VerificationAttempt): Promise<VerifiedCustomer | null> {
  const { rows } = await db.query<{ customer_id: string; first_name: string | null; locale: 'en' | 'zh'; email: string | null; phone: string | null; order_id: string }>(
    `SELECT c.id AS customer_id, c.first_name, c.locale, c.email, c.phone, o.id AS order_id
       FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE o.id = ANY(ARRAY[$1, upper($1)])`,
    [attempt.orderId],
  );
  const row = rows[0];
  if (!row) return null;
  const emailMatches = attempt.email !== null && row.email !== null && row.email.toLowerCase() === attempt.email.toLowerCase();
  const given = attempt.phone === null ? '' : digitsOf(attempt.phone);
  const stored = row.phone === null ? '' : digitsOf(row.phone);
  const phoneMatches = given.length >= 8 && stored.length >= 8 && (stored === given || stored.endsWith(given));
  if (!emailMatches && !phoneMatches) return null;
  return { customerId: row.customer_id, firstName: row.first_name, locale: row.locale, orderId: row.order_id };
}

/** The customer's orders, newest first, with their lines. */
export async function ordersOfCustomer(db: Queryable, customerId: string, { limit = 5 }: { limit?: number } = {}): Promise<CustomerOrder[]> {
  const { rows } = await db.query<{ id: string; ordered_at: Date | string; status: CustomerOrder['status']; total: number; currency: string }>(
    `SELECT id, ordered_at, status, total, currency FROM orders WHERE customer_id = $1 ORDER BY ordered_at DESC, id LIMIT $2`,
    [customerId, limit],
  );
  if (rows.length === 0) return [];
  const { rows: lines } = await db.query<{ order_id: string; product_id: string; name: string; category: string; quantity: number }>(
    `SELECT i.order_id, i.product_id, p.name, p.category, i.quantity
       FROM order_items i JOIN products p ON p.id = i.product_id JOIN orders o ON o.id = i.order_id
      WHERE o.customer_id = $1 AND i.order_id = ANY($2::text[])
      ORDER BY i.order_id, i.line_no`,
    [customerId, rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    orderedAt: new Date(row.ordered_at).toISOString(),
    status: row.status,
    total: Number(row.total),
    currency: row.currency,
    lines: lines
      .filter((line) => line.order_id === row.id)
      .map((line) => ({ productId: line.product_id, name: line.name, category: line.category, quantity: Number(line.quantity) })),
  }));
}

/** One of the customer's own orders, or null when the number is not theirs. */
export async function orderOfCustomer(db: Queryable, customerId: string, orderId: string): Promise<CustomerOrder | null> {
  const orders = await ordersOfCustomer(db, customerId, { limit: 1000 });
  return orders.find((order) => order.id.toLowerCase() === orderId.toLowerCase()) ?? null;
}

/** Compensation the customer was offered since `since`, in the policy currency. */
export async function compensationSince(db: Queryable, customerId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ total: number | null }>(
    `SELECT sum(offer_amount) AS total FROM support_turns WHERE customer_id = $1 AND offer_amount IS NOT NULL AND at >= $2`,
    [customerId, since.toISOString()],
  );
  return Number(rows[0]?.total ?? 0);
}

export interface SupportTurnRecord {
  threadId: string;
  turn: number;
  at: Date;
  customerId: string | null;
  language: 'en' | 'zh';
  intent: string;
  sentiment: { label: string; score: number; confidence: number };
  band: string;
  trend: string;
  register: string;
  offer: { amount: number; percent: number; orderId: string } | null;
  escalationReason: string | null;
  replySource: 'template' | 'model' | 'model_rejected';
  reply: string;
}

/** Records a turn; recording the same turn again (a retried step) replaces it. */
export async function recordSupportTurn(db: Queryable, record: SupportTurnRecord): Promise<void> {
  await db.query(
    `INSERT INTO support_turns (thread_id, turn, at, customer_id, language, intent, sentiment_label, sentiment_score,
        sentiment_confidence, band, trend, register, offer_amount, offer_percent, offer_order_id, escalated,
        escalation_reason, reply_source, reply)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (thread_id, turn) DO UPDATE SET
        at = EXCLUDED.at, customer_id = EXCLUDED.customer_id, language = EXCLUDED.language, intent = EXCLUDED.intent,
        sentiment_label = EXCLUDED.sentiment_label, sentiment_score = EXCLUDED.sentiment_score,
        sentiment_confidence = EXCLUDED.sentiment_confidence, band = EXCLUDED.band, trend = EXCLUDED.trend,
        register = EXCLUDED.register, offer_amount = EXCLUDED.offer_amount, offer_percent = EXCLUDED.offer_percent,
        offer_order_id = EXCLUDED.offer_order_id, escalated = EXCLUDED.escalated,
        escalation_reason = EXCLUDED.escalation_reason, reply_source = EXCLUDED.reply_source, reply = EXCLUDED.reply`,
    [
      record.threadId,
      record.turn,
      record.at.toISOString(),
      record.customerId,
      record.language,
      record.intent,
      record.sentiment.label,
      record.sentiment.score,
      record.sentiment.confidence,
      record.band,
      record.trend,
      record.register,
      record.offer?.amount ?? null,
      record.offer?.percent ?? null,
      record.offer?.orderId ?? null,
      record.escalationReason !== null,
      record.escalationReason,
      record.replySource,
      record.reply,
    ],
  );
}

export interface StoredSupportTurn {
  turn: number;
  register: string;
  band: string;
  trend: string;
  intent: string;
  offerAmount: number | null;
  escalationReason: string | null;
  replySource: string;
}

export async function supportTurnsOf(db: Queryable, threadId: string): Promise<StoredSupportTurn[]> {
  const { rows } = await db.query<{ turn: number; register: string; band: string; trend: string; intent: string; offer_amount: number | null; escalation_reason: string | null; reply_source: string }>(
    `SELECT turn, register, band, trend, intent, offer_amount, escalation_reason, reply_source FROM support_turns WHERE thread_id = $1 ORDER BY turn`,
    [threadId],
  );
  return rows.map((row) => ({
    turn: row.turn,
    register: row.register,
    band: row.band,
    trend: row.trend,
    intent: row.intent,
    offerAmount: row.offer_amount === null ? null : Number(row.offer_amount),
    escalationReason: row.escalation_reason,
    replySource: row.reply_source,
  }));
}
