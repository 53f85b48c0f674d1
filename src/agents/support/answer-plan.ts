// What a reply must say, decided before any words are written: the points of substance (order
// status, a policy answer, an offer, a refusal, a request to verify) and an optional product
// suggestion. Templates and the model both write from this; neither may add to it.
import type { CustomerOrder } from '../../data/support-records.ts';
import type { CompensationOffer } from './decide/compensation.ts';

export type AnswerPoint =
  | { kind: 'ask_verification'; reason: 'needs_order_and_contact' | 'needs_contact' | 'not_matched' }
  | { kind: 'verified'; maskedContact: string }
  | { kind: 'order_status'; order: CustomerOrder }
  | { kind: 'order_not_found' }
  | { kind: 'returns'; text: string; returnableUntil: string | null; orderId: string | null }
  | { kind: 'shipping'; text: string }
  | { kind: 'compensation'; offer: CompensationOffer }
  | { kind: 'complaint_noted'; orderId: string | null; noOfferReason: 'limit_reached' | 'not_in_policy' | null }
  | { kind: 'discount_refused' }
  | { kind: 'thanks' }
  | { kind: 'greeting' }
  | { kind: 'clarify' };

export type AnswerPointKind = AnswerPoint['kind'];

export interface CrossSellSuggestion {
  productId: string;
  name: string;
}

export interface AnswerPlan {
  points: AnswerPoint[];
  crossSell: CrossSellSuggestion[];
}

/** Points that move the conversation forward; a turn with none of them counts as no progress. */
export const PROGRESS_POINTS: ReadonlySet<AnswerPointKind> = new Set(['verified', 'order_status', 'returns', 'shipping', 'compensation', 'complaint_noted']);

/** Points that neither move forward nor stall (a greeting, thanks). */
export const NEUTRAL_POINTS: ReadonlySet<AnswerPointKind> = new Set(['thanks', 'greeting']);
