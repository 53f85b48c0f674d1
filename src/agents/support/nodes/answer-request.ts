// Decides what this turn's reply must say, from the database and the policies only: order status
// for a verified customer (their own orders, never anyone else's), return and shipping terms,
// compensation for a complaint within every limit, a polite refusal of discounts nobody may give,
// and a product suggestion when the tone allows one. Counts turns without progress.
import { compensationSince, orderOfCustomer, ordersOfCustomer, type CustomerOrder } from '../../../data/support-records.ts';
import type { SupportPolicy } from '../../../domain/support-policy.ts';
import { NEUTRAL_POINTS, PROGRESS_POINTS, type AnswerPlan, type AnswerPoint, type CrossSellSuggestion } from '../answer-plan.ts';
import { decideCompensation, type CompensationOffer } from '../decide/compensation.ts';
import type { SupportDeps } from '../deps.ts';
import type { SupportStateType, SupportUpdate } from '../state.ts';

const DAY_MS = 86_400_000;

function askToVerify(state: SupportStateType): AnswerPoint {
  return { kind: 'ask_verification', reason: state.identifiers.orderIds.length > 0 ? 'needs_contact' : 'needs_order_and_contact' };
}

function returnsPoint(supportPolicy: SupportPolicy, state: SupportStateType, order: CustomerOrder | null): AnswerPoint {
  const text = supportPolicy.store.returns[state.language] ?? supportPolicy.store.returns.en ?? '';
  const until = order ? new Date(Date.parse(order.orderedAt) + supportPolicy.store.returnWindowDays * DAY_MS).toISOString().slice(0, 10) : null;
  return { kind: 'returns', text, returnableUntil: until, orderId: order?.id ?? null };
}

/** Turns without progress after this one: reset by progress, unchanged by small talk. */
export function countTurnsWithoutProgress(points: readonly AnswerPoint[], before: number): number {
  if (points.some((point) => PROGRESS_POINTS.has(point.kind))) return 0;
  if (points.length > 0 && points.every((point) => NEUTRAL_POINTS.has(point.kind))) return before;
  return before + 1;
}

export function makeAnswerRequest(deps: SupportDeps) {
  const { db, policy, supportPolicy } = deps;
  const now = deps.now ?? (() => new Date());

  /** The order this message is about: one it names that is the customer's, else the one that verified them. */
  async function orderInQuestion(state: SupportStateType): Promise<{ order: CustomerOrder | null; namedOther: boolean }> {
    const customer = state.customer!;
    for (const orderId of state.identifiers.orderIds) {
      const order = await orderOfCustomer(db, customer.customerId, orderId);
      if (order) return { order, namedOther: false };
    }
    const order = await orderOfCustomer(db, customer.customerId, customer.orderId);
    return { order, namedOther: state.identifiers.orderIds.length > 0 };
  }

  async function compensate(state: SupportStateType, order: CustomerOrder): Promise<{ point: AnswerPoint; offer: CompensationOffer | null }> {
    const register = supportPolicy.tone.registers[state.tone!.register];
    const alreadyOffered = state.history.some((turn) => turn.offer?.orderId === order.id);
    if (!register.compensationAllowed || alreadyOffered) return { point: { kind: 'complaint_noted', orderId: order.id, noOfferReason: null }, offer: null };
    const since = new Date(now().getTime() - supportPolicy.compensation.windowDays * DAY_MS);
    const alreadyGiven = await compensationSince(db, state.customer!.customerId, since);
    const decision = decideCompensation({ order, band: state.tone!.band, alreadyGiven, policy, supportPolicy });
    if (decision.kind === 'offer') return { point: { kind: 'compensation', offer: decision.offer }, offer: decision.offer };
    const noOfferReason = decision.reason === 'limit_reached' ? 'limit_reached' : decision.reason === 'band_not_compensated' ? null : 'not_in_policy';
    return { point: { kind: 'complaint_noted', orderId: order.id, noOfferReason }, offer: null };
  }

  async function suggestProducts(state: SupportStateType): Promise<CrossSellSuggestion[]> {
    const { crossSell } = supportPolicy;
    const register = supportPolicy.tone.registers[state.tone!.register];
    if (!register.crossSellAllowed || !crossSell.enabled || crossSell.maxSuggestions === 0 || !deps.recommendCrossSell || !state.customer) return [];
    const orders = await ordersOfCustomer(db, state.customer.customerId, { limit: 3 });
    const bought = new Set(orders.flatMap((order) => order.lines.map((line) => line.productId)));
    if (bought.size === 0) return [];
    const rules = await deps.recommendCrossSell(db, { productIds: [...bought] });
    return rules
      .filter((rule) => !bought.has(rule.productId))
      .slice(0, crossSell.maxSuggestions)
      .map((rule) => ({ productId: rule.productId, name: rule.name }));
  }

  return async function answerRequest(state: SupportStateType): Promise<SupportUpdate> {
    const points: AnswerPoint[] = [];
    let offer: CompensationOffer | null = null;
    const { customer } = state;
    if (state.verification === 'verified') points.push({ kind: 'verified', maskedContact: customer!.maskedContact });
    if (state.verification === 'failed') points.push({ kind: 'ask_verification', reason: 'not_matched' });
    const needsVerification = () => {
      if (state.verification !== 'failed' && !points.some((point) => point.kind === 'ask_verification')) points.push(askToVerify(state));
    };

    for (const intent of state.intents) {
      if (intent === 'order_status' || intent === 'identify') {
        if (!customer) needsVerification();
        else {
          const { order, namedOther } = await orderInQuestion(state);
          points.push(namedOther || !order ? { kind: 'order_not_found' } : { kind: 'order_status', order });
        }
      } else if (intent === 'returns') {
        points.push(returnsPoint(supportPolicy, state, customer ? (await orderInQuestion(state)).order : null));
      } else if (intent === 'shipping') {
        points.push({ kind: 'shipping', text: supportPolicy.store.shipping[state.language] ?? supportPolicy.store.shipping.en ?? '' });
      } else if (intent === 'complaint') {
        if (!customer) needsVerification();
        else {
          const { order } = await orderInQuestion(state);
          if (order) {
            const compensation = await compensate(state, order);
            points.push(compensation.point);
            offer = compensation.offer;
          } else points.push({ kind: 'order_not_found' });
        }
      } else if (intent === 'discount_request') {
        points.push({ kind: 'discount_refused' });
      } else if (intent === 'thanks' || intent === 'greeting') {
        points.push({ kind: intent });
      }
    }
    if (points.length === 0) points.push({ kind: 'clarify' });
    // Small talk gives way to substance: "hi, where is my order?" is answered, not greeted.
    const substantive = points.filter((point) => !NEUTRAL_POINTS.has(point.kind));
    if (substantive.length > 0) points.splice(0, points.length, ...substantive);

    const maxPoints = supportPolicy.tone.registers[state.tone!.register].maxPoints;
    const kept = points.slice(0, maxPoints);
    if (offer && !kept.some((point) => point.kind === 'compensation')) offer = null;
    const answer: AnswerPlan = { points: kept, crossSell: await suggestProducts(state) };
    return { answer, offer, turnsWithoutProgress: countTurnsWithoutProgress(kept, state.turnsWithoutProgress) };
  };
}
