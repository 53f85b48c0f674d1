// An independent, in-memory evaluation of segment definitions over the test data set, written from
// the definition language's documented meaning, to check the compiled SQL against in tests.
import type { Condition, SegmentDefinition, Window } from '../../src/domain/segment.ts';
import {
  attributeMatches,
  categoryAffinityMatches,
  eventTimeMatches,
  predictedClvMatches,
  priceSensitivityMatches,
  rfmMatches,
} from './reference-extended.ts';
import type { TestConsent, TestCustomer, TestEvent, TestOrder, TestOrderItem, TestProduct, TestSuppression } from './segment-test-data.ts';

export interface ReferenceData {
  customers: TestCustomer[];
  consents: TestConsent[];
  suppressions: TestSuppression[];
  products: TestProduct[];
  orders: TestOrder[];
  orderItems: TestOrderItem[];
  events: TestEvent[];
}

const DAY = 86_400_000;

export function inWindow(instant: Date, window: Window, asOf: Date): boolean {
  const t = instant.getTime();
  if (window.type === 'rolling') return t > asOf.getTime() - window.days * DAY && t <= asOf.getTime();
  const start = Date.parse(`${window.from}T00:00:00Z`);
  const endExclusive = Date.parse(`${window.to}T00:00:00Z`) + DAY;
  return t >= start && t < endExclusive;
}

/** Completed years between the birth date and the as-of UTC date. */
export function ageOn(birthDate: string, asOf: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const ay = asOf.getUTCFullYear();
  const am = asOf.getUTCMonth() + 1;
  const ad = asOf.getUTCDate();
  return ay - year - (am < month || (am === month && ad < day) ? 1 : 0);
}

export function isReachable(data: ReferenceData, customerId: string, channel: string): boolean {
  const consented = data.consents.some((c) => c.customer_id === customerId && c.channel === channel && c.granted);
  const suppressed = data.suppressions.some((s) => s.customer_id === customerId && (s.channel === null || s.channel === channel));
  return consented && !suppressed;
}

function within(value: number, bounds: { min?: number | undefined; max?: number | undefined }): boolean {
  return (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max);
}
const hasBounds = (bounds: { min?: number | undefined; max?: number | undefined }) => bounds.min !== undefined || bounds.max !== undefined;

function completedOrders(data: ReferenceData, window: Window, asOf: Date): TestOrder[] {
  return data.orders.filter((o) => o.status === 'completed' && inWindow(o.ordered_at, window, asOf));
}

function matches(condition: Condition, customer: TestCustomer, data: ReferenceData, asOf: Date): boolean {
  const id = customer.id;
  switch (condition.kind) {
    case 'and':
      return condition.conditions.every((inner) => matches(inner, customer, data, asOf));
    case 'or':
      return condition.conditions.some((inner) => matches(inner, customer, data, asOf));
    case 'not':
      return !matches(condition.condition, customer, data, asOf);
    case 'age':
      return customer.birth_date !== null && within(ageOn(customer.birth_date, asOf), condition);
    case 'gender':
      return condition.values.includes(customer.gender);
    case 'profile': {
      const value = customer[condition.field];
      return value !== null && condition.values.includes(value);
    }
    case 'consent':
      return isReachable(data, id, condition.channel);
    case 'event_count': {
      const count = data.events.filter((e) => e.customer_id === id && e.type === condition.event && inWindow(e.occurred_at, condition.window, asOf)).length;
      return hasBounds(condition) ? within(count, condition) : count > 0;
    }
    case 'order_stat': {
      const orders = completedOrders(data, condition.window, asOf).filter((o) => o.customer_id === id);
      const value = condition.metric === 'count' ? orders.length : orders.reduce((sum, o) => sum + o.total, 0);
      return hasBounds(condition) ? within(value, condition) : orders.length > 0;
    }
    case 'sequence':
      return data.events.some(
        (first) =>
          first.customer_id === id &&
          first.type === condition.first &&
          inWindow(first.occurred_at, condition.window, asOf) &&
          first.occurred_at.getTime() + condition.withinMinutes * 60_000 <= asOf.getTime() &&
          !data.events.some(
            (next) =>
              next.customer_id === id &&
              next.type === condition.missing &&
              next.occurred_at.getTime() > first.occurred_at.getTime() &&
              next.occurred_at.getTime() <= first.occurred_at.getTime() + condition.withinMinutes * 60_000,
          ),
      );
    case 'spend_rank': {
      const totals = new Map<string, number>();
      for (const o of completedOrders(data, condition.window, asOf)) totals.set(o.customer_id, (totals.get(o.customer_id) ?? 0) + o.total);
      const mine = totals.get(id);
      if (mine === undefined) return false;
      const atOrAbove = [...totals.values()].filter((total) => total >= mine).length;
      return atOrAbove / totals.size <= condition.topShare;
    }
    case 'churn_risk': {
      const logins = data.events.filter((e) => e.customer_id === id && e.type === 'login').map((e) => e.occurred_at.getTime());
      const now = asOf.getTime();
      const recent = logins.filter((t) => t > now - 30 * DAY && t <= now).length;
      const earlier = logins.filter((t) => t > now - 180 * DAY && t <= now - 30 * DAY).length;
      const ratioTenths = condition.level === 'high' ? 3 : 6;
      // recent / 30 < ratio * earlier / 150, in integers
      return earlier >= 5 && recent * 150 * 10 < ratioTenths * earlier * 30;
    }
    case 'category_purchase':
      return completedOrders(data, condition.window, asOf).some(
        (o) =>
          o.customer_id === id &&
          data.orderItems.some(
            (item) => item.order_id === o.id && data.products.some((p) => p.id === item.product_id && p.category === condition.category),
          ),
      );
    case 'attribute':
      return attributeMatches(condition, customer);
    case 'event_time':
      return eventTimeMatches(condition, id, data, asOf);
    case 'rfm':
      return rfmMatches(condition, id, data, asOf);
    case 'predicted_clv':
      return predictedClvMatches(condition, id, data, asOf);
    case 'price_sensitivity':
      return priceSensitivityMatches(condition, id, data, asOf);
    case 'category_affinity':
      return categoryAffinityMatches(condition, id, data, asOf);
  }
}

/** The ids of the customers the definition selects, sorted. */
export function referenceSegment(definition: SegmentDefinition, data: ReferenceData, asOf: Date): string[] {
  return data.customers
    .filter((customer) => matches(definition.root, customer, data, asOf))
    .map((customer) => customer.id)
    .sort();
}
