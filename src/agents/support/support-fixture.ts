// For tests: a handful of known customers, products and orders for support conversations, and a
// support graph compiled on them. Alice (English) bought a phone case, Bo (Chinese) a bottle of
// wine and headphones, Carol is someone else whose data must never show.
import { MemorySaver } from '@langchain/langgraph';
import { HumanMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Database } from '../../data/database.ts';
import { loadPolicy } from '../../guardrails/policy-file.ts';
import { loadSupportPolicy } from '../../guardrails/support-policy-file.ts';
import type { RecommendCrossSell, SupportDeps } from './deps.ts';
import { buildSupportGraph } from './graph.ts';
import type { SupportStateType } from './state.ts';

export const FIXTURE_NOW = new Date('2026-11-23T08:00:00Z');

export const ALICE = { id: 'SUP-ALICE', firstName: 'Alice', email: 'alice.w@example.com', phone: '+447700900123', order: 'O900001-1', secondOrder: 'O900001-2' };
export const BO = { id: 'SUP-BO', firstName: '博', email: 'bo.li@example.cn', phone: '+8613800138000', order: 'O900002-1' };
export const CAROL = { id: 'SUP-CAROL', firstName: 'Carol', email: 'carol.k@example.com', phone: '+12025550187', order: 'O900003-1' };

export async function insertSupportFixture(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO customers (id, first_name, last_name, email, phone, locale) VALUES
       ($1, 'Alice', 'Walker', $2, $3, 'en'), ($4, '博', '李', $5, $6, 'zh'), ($7, 'Carol', 'King', $8, $9, 'en')`,
    [ALICE.id, ALICE.email, ALICE.phone, BO.id, BO.email, BO.phone, CAROL.id, CAROL.email, CAROL.phone],
  );
  await db.query(
    `INSERT INTO products (id, name, category, price, cost) VALUES
       ('SUP-P-CASE', 'Phone Case 手机壳', 'phone_accessories', 200, 60),
       ('SUP-P-GLASS', 'Screen Protector 钢化膜', 'phone_accessories', 59, 15),
       ('SUP-P-WINE', 'Red Wine 红酒', 'alcohol', 300, 150),
       ('SUP-P-HEAD', 'Headphones 耳机', 'electronics', 500, 250)`,
  );
  await db.query(
    `INSERT INTO orders (id, customer_id, ordered_at, status, total) VALUES
       ($1, $2, '2026-11-18T10:00:00Z', 'completed', 200),
       ($3, $2, '2026-10-02T10:00:00Z', 'completed', 59),
       ($4, $5, '2026-11-20T10:00:00Z', 'completed', 800),
       ($6, $7, '2026-11-19T10:00:00Z', 'completed', 500)`,
    [ALICE.order, ALICE.id, ALICE.secondOrder, BO.order, BO.id, CAROL.order, CAROL.id],
  );
  await db.query(
    `INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES
       ($1, 1, 'SUP-P-CASE', 1, 200), ($2, 1, 'SUP-P-HEAD', 1, 59),
       ($3, 1, 'SUP-P-WINE', 1, 300), ($3, 2, 'SUP-P-HEAD', 1, 500), ($4, 1, 'SUP-P-HEAD', 1, 500)`,
    [ALICE.order, ALICE.secondOrder, BO.order, CAROL.order],
  );
}

/** Phone case -> screen protector, as the association rules mined from orders say. */
export const fixtureCrossSell: RecommendCrossSell = async (_db, { productIds }) =>
  productIds.includes('SUP-P-CASE') ? [{ productId: 'SUP-P-GLASS', name: 'Screen Protector 钢化膜', confidence: 0.42, lift: 3.1, support: 0.02 }] : [];

export function fixtureDeps(db: Database, { replyModel = null, recommendCrossSell = fixtureCrossSell }: { replyModel?: BaseChatModel | null; recommendCrossSell?: RecommendCrossSell | null } = {}): SupportDeps {
  return { db, policy: loadPolicy(), supportPolicy: loadSupportPolicy(), replyModel, recommendCrossSell, now: () => FIXTURE_NOW };
}

/** A support graph on the fixture with an in-memory checkpointer, and a way to talk to it. */
export function fixtureConversation(deps: SupportDeps) {
  const graph = buildSupportGraph(deps).compile({ checkpointer: new MemorySaver() });
  return async function say(threadId: string, text: string): Promise<SupportStateType> {
    return (await graph.invoke({ messages: [new HumanMessage(text)] }, { configurable: { thread_id: threadId } })) as SupportStateType;
  };
}
