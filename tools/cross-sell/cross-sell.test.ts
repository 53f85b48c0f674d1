// Association-rule mining and cross-sell recommendations on small hand-made order sets, checked
// against support, confidence and lift worked out by hand in the comments.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/data/database.ts';
import type { AssociationRule } from '../../src/domain/cross-sell.ts';
import { CodedError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { mineAssociationRules } from './mine-association-rules.ts';
import { recommendCrossSell } from './recommend-cross-sell.ts';
import { ensureAssociationRules } from './rule-cache.ts';

const PRODUCTS = [
  ['case', 'Phone Case'],
  ['protector', 'Screen Protector'],
  ['charger', 'Charger'],
  ['socks', 'Socks'],
] as const;
type ProductId = (typeof PRODUCTS)[number][0];
interface OrderSpec {
  customer: string;
  day: number;
  items: ProductId[];
  status?: 'completed' | 'cancelled' | 'returned';
}

/**
 * Nine completed baskets (o10 is cancelled and must not count):
 * case 5 (o1 o2 o3 o4 o9), protector 4 (o1 o2 o3 o5), charger 4 (o3 o6 o7 o9), socks 2 (o7 o8);
 * case+protector 3, case+charger 2, protector+charger 1, charger+socks 1.
 */
const NINE_BASKETS: OrderSpec[] = [
  { customer: 'c1', day: 0, items: ['case', 'protector'] },
  { customer: 'c2', day: 0, items: ['case', 'protector'] },
  { customer: 'c3', day: 0, items: ['case', 'protector', 'charger'] },
  { customer: 'c4', day: 0, items: ['case'] },
  { customer: 'c5', day: 0, items: ['protector'] },
  { customer: 'c6', day: 0, items: ['charger'] },
  { customer: 'c7', day: 0, items: ['charger', 'socks'] },
  { customer: 'c8', day: 0, items: ['socks'] },
  { customer: 'c9', day: 0, items: ['case', 'charger'] },
  { customer: 'c10', day: 0, items: ['case', 'protector'], status: 'cancelled' },
];

const NO_THRESHOLDS = { minSupport: 0, minPairCount: 1, minConfidence: 0, minLift: 0, basketWindowDays: 0 };

function rule(antecedentId: ProductId, consequentId: ProductId, pair: number, antecedent: number, consequent: number, baskets: number): AssociationRule {
  const confidence = pair / antecedent;
  return { antecedentId, consequentId, support: pair / baskets, confidence, lift: confidence / (consequent / baskets), pairCount: pair, antecedentCount: antecedent };
}

let test: TestDatabase;
let db: Database;

async function loadOrders(orders: readonly OrderSpec[]): Promise<void> {
  await db.query('DELETE FROM orders');
  await db.query('DELETE FROM customers');
  const start = Date.parse('2026-06-01T10:00:00Z');
  for (const [index, order] of orders.entries()) {
    await db.query('INSERT INTO customers (id) VALUES ($1) ON CONFLICT DO NOTHING', [order.customer]);
    const orderId = `o${index + 1}`;
    await db.query('INSERT INTO orders (id, customer_id, ordered_at, status, total) VALUES ($1, $2, $3, $4, 0)', [
      orderId,
      order.customer,
      new Date(start + order.day * 86_400_000).toISOString(),
      order.status ?? 'completed',
    ]);
    for (const [line, product] of order.items.entries()) {
      await db.query('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES ($1, $2, $3, 1, 10)', [orderId, line + 1, product]);
    }
  }
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  for (const [id, name] of PRODUCTS) await db.query("INSERT INTO products (id, name, category, price) VALUES ($1, $2, 'phone_accessories', 10)", [id, name]);
});
afterAll(async () => {
  await test.dispose();
});

describe('mineAssociationRules', () => {
  beforeEach(() => loadOrders(NINE_BASKETS));

  it('computes support, confidence and lift of every pair as by hand, strongest first, ignoring cancelled orders', async () => {
    expect(await mineAssociationRules(db, NO_THRESHOLDS)).toEqual({
      baskets: 9,
      rules: [
        rule('protector', 'case', 3, 4, 5, 9), // confidence 3/4, lift 0.75 / (5/9) = 1.35
        rule('case', 'protector', 3, 5, 4, 9), // 3/5, lift 0.6 / (4/9) = 1.35
        rule('socks', 'charger', 1, 2, 4, 9), // 1/2, lift 1.125 (ties with charger -> case on confidence, wins on lift)
        rule('charger', 'case', 2, 4, 5, 9), // 2/4, lift 0.9
        rule('case', 'charger', 2, 5, 4, 9), // 2/5, lift 0.9
        rule('charger', 'socks', 1, 4, 2, 9), // 1/4, lift 1.125
        rule('charger', 'protector', 1, 4, 4, 9), // 1/4, lift 0.5625
        rule('protector', 'charger', 1, 4, 4, 9),
      ],
    });
    const caseToProtector = rule('case', 'protector', 3, 5, 4, 9);
    expect(caseToProtector.support).toBeCloseTo(0.3333, 4);
    expect(caseToProtector.confidence).toBe(0.6);
    expect(caseToProtector.lift).toBeCloseTo(1.35, 10);
  });

  it('applies each threshold, inclusively', async () => {
    const ids = async (thresholds: Partial<typeof NO_THRESHOLDS>) =>
      (await mineAssociationRules(db, { ...NO_THRESHOLDS, ...thresholds })).rules.map((found) => `${found.antecedentId}->${found.consequentId}`);
    expect(await ids({ minSupport: 2 / 9 })).toEqual(['protector->case', 'case->protector', 'charger->case', 'case->charger']);
    expect(await ids({ minConfidence: 0.5 })).toEqual(['protector->case', 'case->protector', 'socks->charger', 'charger->case']);
    expect(await ids({ minConfidence: 0.6 })).toEqual(['protector->case', 'case->protector']);
    expect(await ids({ minLift: 1.1 })).toEqual(['protector->case', 'case->protector', 'socks->charger', 'charger->socks']);
    expect(await ids({ minSupport: 0.2, minConfidence: 0.5, minLift: 1 })).toEqual(['protector->case', 'case->protector']);
    expect(await ids({ minPairCount: 2 })).toEqual(['protector->case', 'case->protector', 'charger->case', 'case->charger']);
    expect(await ids({ minPairCount: 3 })).toEqual(['protector->case', 'case->protector']);
    expect(await ids({ minSupport: 0.5 })).toEqual([]);
  });

  it('joins a customer\'s orders of the following days into one basket when basketWindowDays > 0', async () => {
    // Baskets with a 7-day window: a1 {case, protector}, a2 {protector}, a3 {charger}, b1 {case, protector}, b2 {protector}.
    await loadOrders([
      { customer: 'a', day: 0, items: ['case'] },
      { customer: 'a', day: 3, items: ['protector'] },
      { customer: 'a', day: 20, items: ['charger'] },
      { customer: 'b', day: 0, items: ['case'] },
      { customer: 'b', day: 7, items: ['protector'] },
    ]);
    expect(await mineAssociationRules(db, NO_THRESHOLDS)).toEqual({ baskets: 5, rules: [] });
    expect(await mineAssociationRules(db, { ...NO_THRESHOLDS, basketWindowDays: 7 })).toEqual({
      baskets: 5,
      rules: [rule('case', 'protector', 2, 2, 4, 5), rule('protector', 'case', 2, 4, 2, 5)], // confidence 1 and 1/2, lift 1.25 both
    });
    expect((await mineAssociationRules(db, { ...NO_THRESHOLDS, basketWindowDays: 6 })).rules).toEqual([rule('case', 'protector', 1, 2, 3, 5), rule('protector', 'case', 1, 3, 2, 5)]);
  });
});

describe('recommendCrossSell', () => {
  const loose = NO_THRESHOLDS;
  beforeEach(() => loadOrders(NINE_BASKETS));

  it('suggests what the rules lead to from the given products, best rule per product, never a given product', async () => {
    const fromCase = rule('case', 'protector', 3, 5, 4, 9);
    const caseToCharger = rule('case', 'charger', 2, 5, 4, 9);
    expect(await recommendCrossSell(db, { productIds: ['case'], config: loose })).toEqual([
      { productId: 'protector', name: 'Screen Protector', confidence: fromCase.confidence, lift: fromCase.lift, support: fromCase.support },
      { productId: 'charger', name: 'Charger', confidence: caseToCharger.confidence, lift: caseToCharger.lift, support: caseToCharger.support },
    ]);
    // From case and protector: charger via case (2/5) beats charger via protector (1/4).
    expect(await recommendCrossSell(db, { productIds: ['case', 'protector'], config: loose })).toEqual([
      { productId: 'charger', name: 'Charger', confidence: 0.4, lift: caseToCharger.lift, support: caseToCharger.support },
    ]);
    expect(await recommendCrossSell(db, { productIds: ['case'], config: { ...loose, maxRecommendations: 1 } })).toHaveLength(1);
    expect(await recommendCrossSell(db, { productIds: [], config: loose })).toEqual([]);
    expect(await recommendCrossSell(db, { productIds: ['unknown'], config: loose })).toEqual([]);
  });

  it('uses the configured thresholds: with the defaults-like lift floor only case -> protector survives', async () => {
    const result = await recommendCrossSell(db, { productIds: ['case'], config: { minSupport: 0.1, minPairCount: 1, minConfidence: 0.5, minLift: 1.2, basketWindowDays: 0 } });
    expect(result.map((item) => item.productId)).toEqual(['protector']);
  });

  it('re-mines only when the orders or the thresholds change', async () => {
    expect((await ensureAssociationRules(db, loose)).mined).toBe(true);
    expect(await ensureAssociationRules(db, loose)).toMatchObject({ mined: false, baskets: 9, rules: 8 });
    expect((await ensureAssociationRules(db, { ...loose, minLift: 1 })).mined).toBe(true);
    // Two more case + socks baskets: case -> socks appears.
    await db.query("INSERT INTO orders (id, customer_id, ordered_at, total) VALUES ('o11', 'c1', '2026-06-02T10:00:00Z', 0), ('o12', 'c2', '2026-06-02T10:00:00Z', 0)");
    await db.query("INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES ('o11', 1, 'case', 1, 10), ('o11', 2, 'socks', 1, 10), ('o12', 1, 'case', 1, 10), ('o12', 2, 'socks', 1, 10)");
    const recommended = await recommendCrossSell(db, { productIds: ['case'], config: loose });
    // Eleven baskets, case in 7: case -> socks (2/7) ties case -> charger (2/7) on every measure; ids break the tie.
    expect(recommended.map((item) => item.productId)).toEqual(['protector', 'charger', 'socks']);
    expect(recommended[2]).toEqual({ productId: 'socks', name: 'Socks', confidence: 2 / 7, lift: 2 / 7 / (4 / 11), support: 2 / 11 });
    // A status change (an order returned) also counts as a change.
    await db.query("UPDATE orders SET status = 'returned' WHERE id IN ('o11', 'o12')");
    expect((await recommendCrossSell(db, { productIds: ['case'], config: loose })).map((item) => item.productId)).toEqual(['protector', 'charger']);
  });

  it('rejects bad input with a message naming the field', async () => {
    const failure = await recommendCrossSell(db, { productIds: ['case'], config: { minConfidence: 2 } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CodedError);
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', message: 'recommendCrossSell: config minConfidence: Too big: expected number to be <=1' });
    const badIds = await recommendCrossSell(db, { productIds: [''] }).catch((error: unknown) => error);
    expect(badIds).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
