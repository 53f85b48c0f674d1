// Per-recipient values that are computed rather than looked up: a coupon code that is the same every
// time for one campaign and customer, and a signed one-click unsubscribe link.
import { createHmac, timingSafeEqual } from 'node:crypto';

// Crockford's base-32 letters: no I, L, O or U to misread.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `XXXX-XXXX`, derived from the campaign, the customer and an optional secret: deterministic, hard to guess with a secret. */
export function couponCodeFor(campaignId: string, customerId: string, secret: string | null = null): string {
  const digest = createHmac('sha256', secret ?? 'campaign-agent-coupon').update(`${campaignId}\u0000${customerId}`).digest();
  let code = '';
  for (let index = 0; index < 8; index += 1) code += CODE_ALPHABET[digest[index]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function signature(campaignId: string, customerId: string, channel: string, secret: string): string {
  return createHmac('sha256', secret).update(`${campaignId}\u0000${customerId}\u0000${channel}`).digest('hex').slice(0, 32);
}

export interface UnsubscribeLinkOptions {
  baseUrl: string;
  campaignId: string;
  customerId: string;
  channel: string;
  /** Signs the link so only its recipient can use it; unsigned without one. */
  secret: string | null;
}

export function unsubscribeUrlFor({ baseUrl, campaignId, customerId, channel, secret }: UnsubscribeLinkOptions): string {
  const url = new URL(baseUrl);
  url.searchParams.set('c', campaignId);
  url.searchParams.set('u', customerId);
  url.searchParams.set('ch', channel);
  if (secret) url.searchParams.set('s', signature(campaignId, customerId, channel, secret));
  return url.toString();
}

/** Whether an unsubscribe link's parameters carry a valid signature (for the endpoint that receives it). */
export function verifyUnsubscribeLink(params: URLSearchParams, secret: string): boolean {
  const [campaignId, customerId, channel, given] = ['c', 'u', 'ch', 's'].map((name) => params.get(name) ?? '');
  if (!campaignId || !customerId || !channel || !given) return false;
  const expected = Buffer.from(signature(campaignId, customerId, channel, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
