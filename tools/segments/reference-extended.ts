// The in-memory reference meaning of the conditions on custom attributes, first/last occurrence,
// RFM scores, expected CLV, price sensitivity and category affinity, written from their documented
// methods (not from the SQL) so tests can check the compiled queries against it.
import type { AttributeValue, LeafCondition } from '../../src/domain/segment.ts';
import type { TestCustomer, TestOrder } from './segment-test-data.ts';
import { CLV_RULE } from './predicted-value-sql.ts';
import type { ReferenceData } from './reference-segment.ts';
import { inWindow } from './reference-segment.ts';

type Leaf<K extends LeafCondition['kind']> = Extract<LeafCondition, { kind: K }>;
const DAY = 86_400_000;

/** A JSON value as PostgreSQL prints jsonb: `", "` and `": "` separators, keys shorter-first then bytewise. */
export function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((key) => `${JSON.stringify(key)}: ${jsonbText((value as Record<string, unknown>)[key])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** The attribute as `->>` gives it: null when absent or JSON null, strings as they are, the rest as JSON. */
function attributeTextOf(customer: TestCustomer, key: string): string | null {
  if (!Object.hasOwn(customer.attributes, key)) return null;
  const value = customer.attributes[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : jsonbText(value);
}

const numberOf = (text: string | null): number | null => (text !== null && /^-?[0-9]+([.][0-9]+)?$/.test(text) ? Number(text) : null);
const scalarText = (value: string | boolean): string => (typeof value === 'boolean' ? String(value) : value);
const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

function attributeEquals(text: string | null, value: AttributeValue): boolean {
  if (typeof value === 'number') return numberOf(text) === value;
  return text !== null && text === scalarText(value);
}

export function attributeMatches(condition: Leaf<'attribute'>, customer: TestCustomer): boolean {
  const text = attributeTextOf(customer, condition.key);
  const value = condition.value!;
  switch (condition.op) {
    case 'exists':
      return text !== null;
    case 'eq':
      return attributeEquals(text, value);
    case 'neq':
      return text !== null && !attributeEquals(text, value);
    case 'gt':
    case 'lt': {
      const sign = condition.op === 'gt' ? 1 : -1;
      if (typeof value === 'number') {
        const number = numberOf(text);
        return number !== null && Math.sign(number - value) === sign;
      }
      return text !== null && Math.sign(byteOrder(text, value as string)) === sign;
    }
    case 'in':
      return (condition.values ?? []).some((candidate) => attributeEquals(text, candidate));
  }
}

function occurrenceTimes(condition: Leaf<'event_time'>, customerId: string, data: ReferenceData, asOf: Date): number[] {
  const times =
    condition.event === 'order'
      ? data.orders.filter((o) => o.customer_id === customerId && o.status === 'completed').map((o) => o.ordered_at.getTime())
      : data.events.filter((e) => e.customer_id === customerId && e.type === condition.event).map((e) => e.occurred_at.getTime());
  return times.filter((time) => time <= asOf.getTime());
}

export function eventTimeMatches(condition: Leaf<'event_time'>, customerId: string, data: ReferenceData, asOf: Date): boolean {
  const times = occurrenceTimes(condition, customerId, data, asOf);
  if (times.length === 0) return false;
  const chosen = condition.which === 'first' ? Math.min(...times) : Math.max(...times);
  return inWindow(new Date(chosen), condition.window, asOf);
}

function completedInWindow(data: ReferenceData, window: Leaf<'rfm'>['window'], asOf: Date): TestOrder[] {
  return data.orders.filter((o) => o.status === 'completed' && inWindow(o.ordered_at, window, asOf));
}

/** score = 1 + floor(5 × (values strictly below) / count), for every value of the map. */
function quintileScores(values: Map<string, number>): Map<string, number> {
  const all = [...values.values()];
  return new Map([...values].map(([id, value]) => [id, 1 + Math.floor((5 * all.filter((other) => other < value).length) / all.length)]));
}

export function rfmScores(window: Leaf<'rfm'>['window'], data: ReferenceData, asOf: Date): Map<string, { recency: number; frequency: number; monetary: number }> {
  const last = new Map<string, number>();
  const count = new Map<string, number>();
  const total = new Map<string, number>();
  for (const o of completedInWindow(data, window, asOf)) {
    last.set(o.customer_id, Math.max(last.get(o.customer_id) ?? -Infinity, o.ordered_at.getTime()));
    count.set(o.customer_id, (count.get(o.customer_id) ?? 0) + 1);
    total.set(o.customer_id, (total.get(o.customer_id) ?? 0) + Math.round(o.total * 100));
  }
  const [recency, frequency, monetary] = [quintileScores(last), quintileScores(count), quintileScores(total)];
  return new Map([...last.keys()].map((id) => [id, { recency: recency.get(id)!, frequency: frequency.get(id)!, monetary: monetary.get(id)! }]));
}

export function rfmMatches(condition: Leaf<'rfm'>, customerId: string, data: ReferenceData, asOf: Date): boolean {
  const scores = rfmScores(condition.window, data, asOf).get(customerId);
  if (!scores) return false;
  return (['recency', 'frequency', 'monetary'] as const).every((name) => {
    const range = condition[name];
    return !range || (scores[name] >= range[0] && scores[name] <= range[1]);
  });
}

/** Expected CLV per buyer of the last CLV_RULE.historyDays days, by the documented formula. */
export function predictedClv(data: ReferenceData, asOf: Date): Map<string, number> {
  const now = asOf.getTime();
  const byCustomer = new Map<string, TestOrder[]>();
  for (const o of data.orders) {
    const t = o.ordered_at.getTime();
    if (o.status !== 'completed' || t <= now - CLV_RULE.historyDays * DAY || t > now) continue;
    byCustomer.set(o.customer_id, [...(byCustomer.get(o.customer_id) ?? []), o]);
  }
  return new Map(
    [...byCustomer].map(([id, orders]) => {
      const times = orders.map((o) => o.ordered_at.getTime());
      const value = orders.reduce((sum, o) => sum + o.total, 0);
      const tenure = Math.max(CLV_RULE.minimumTenureDays, (now - Math.min(...times)) / DAY);
      const gap = tenure / orders.length;
      const recency = (now - Math.max(...times)) / DAY;
      return [id, (value / tenure) * CLV_RULE.horizonDays * Math.exp(-Math.max(0, recency - gap) / gap)];
    }),
  );
}

export function predictedClvMatches(condition: Leaf<'predicted_clv'>, customerId: string, data: ReferenceData, asOf: Date): boolean {
  const values = predictedClv(data, asOf);
  const mine = values.get(customerId);
  if (mine === undefined) return false;
  const atOrAbove = [...values.values()].filter((value) => value >= mine).length / values.size;
  return (condition.topShare === undefined || atOrAbove <= condition.topShare) && (condition.min === undefined || mine >= condition.min);
}

export function priceSensitivityMatches(condition: Leaf<'price_sensitivity'>, customerId: string, data: ReferenceData, asOf: Date): boolean {
  const orders = completedInWindow(data, condition.window, asOf).filter((o) => o.customer_id === customerId);
  if (orders.length === 0) return false;
  const discounted = orders.filter((o) => o.discount > 0).length;
  return (condition.min === undefined || discounted >= condition.min * orders.length) && (condition.max === undefined || discounted <= condition.max * orders.length);
}

/** Categories each customer bought (completed orders) among `orders`. */
function categoriesByCustomer(orders: TestOrder[], data: ReferenceData): Map<string, Set<string>> {
  const baskets = new Map<string, Set<string>>();
  for (const o of orders) {
    for (const item of data.orderItems.filter((i) => i.order_id === o.id)) {
      const category = data.products.find((p) => p.id === item.product_id)?.category;
      if (category === undefined) continue;
      baskets.set(o.customer_id, (baskets.get(o.customer_id) ?? new Set()).add(category));
    }
  }
  return baskets;
}

export function categoryAffinityMatches(condition: Leaf<'category_affinity'>, customerId: string, data: ReferenceData, asOf: Date): boolean {
  const baskets = categoriesByCustomer(completedInWindow(data, condition.window, asOf), data);
  const target = condition.category;
  const buyersOf = (category: string) => [...baskets].filter(([, categories]) => categories.has(category)).map(([id]) => id);
  const targetBuyers = new Set(buyersOf(target));
  const lifted = new Set(
    [...new Set([...baskets.values()].flatMap((categories) => [...categories]))].filter((category) => {
      if (category === target) return false;
      const buyers = buyersOf(category);
      const both = buyers.filter((id) => targetBuyers.has(id)).length;
      return targetBuyers.size > 0 && both > 0 && both * baskets.size >= condition.minLift * buyers.length * targetBuyers.size;
    }),
  );
  const mine = baskets.get(customerId);
  if (!mine || ![...mine].some((category) => lifted.has(category))) return false;
  const everBought = categoriesByCustomer(
    data.orders.filter((o) => o.customer_id === customerId && o.status === 'completed' && o.ordered_at.getTime() <= asOf.getTime()),
    data,
  );
  return !everBought.get(customerId)?.has(target);
}
