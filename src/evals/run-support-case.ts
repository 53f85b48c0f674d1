// Runs one support eval case: the customer's messages in order through the support graph (compiled
// here with an in-memory checkpointer, as run-case.ts does for the planner), on the eval data. The
// graph's state is read after every turn, because the privacy check needs who was verified, not
// only whether. What the case wrote (its support_turns rows, which count towards a customer's
// compensation limit) is removed afterwards, so no case sees another's offers.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage } from '@langchain/core/messages';
import { MemorySaver } from '@langchain/langgraph';
import type { Database } from '../data/database.ts';
import { orderOfCustomer } from '../data/support-records.ts';
import type { Policy } from '../domain/policy.ts';
import type { CrossSellSettings } from '../domain/cross-sell.ts';
import { loadSupportPolicy } from '../guardrails/support-policy-file.ts';
import { compensationLimitPercent } from '../agents/support/decide/compensation.ts';
import { buildSupportGraph } from '../agents/support/graph.ts';
import type { SupportStateType } from '../agents/support/state.ts';
import { extractIdentifiers } from '../agents/support/understand/identifiers.ts';
import { recommendCrossSell } from '../../tools/cross-sell/recommend-cross-sell.ts';
import type { SupportCaseOutput, SupportTurnOutput } from './case-output.ts';
import type { EvalCase } from './suite-schema.ts';

export interface SupportRunContext {
  db: Database;
  policy: Policy;
  /** Writes the replies' words when set (a named model); null: the bot's templates (offline). */
  replyModel: BaseChatModel | null;
  crossSell: Partial<CrossSellSettings>;
  now: () => Date;
}

async function removeSupportTurns(db: Database, threadId: string): Promise<void> {
  await db.query('DELETE FROM support_turns WHERE thread_id = $1', [threadId]);
}

/** Owner and product names of every order the customer named, read straight from the database. */
async function namedOrders(db: Database, texts: readonly string[]): Promise<SupportCaseOutput['namedOrders']> {
  const ids = [...new Set(texts.flatMap((text) => extractIdentifiers(text).orderIds.map((id) => id.toUpperCase())))];
  const found: SupportCaseOutput['namedOrders'] = [];
  for (const orderId of ids) {
    const { rows } = await db.query<{ customer_id: string; name: string }>(
      'SELECT o.customer_id, p.name FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id WHERE o.id = $1',
      [orderId],
    );
    if (rows[0]) found.push({ orderId, customerId: rows[0].customer_id, details: [...new Set(rows.map((row) => row.name))] });
  }
  return found;
}

export async function runSupportCase(threadId: string, evalCase: EvalCase, context: SupportRunContext): Promise<SupportCaseOutput> {
  const { db, policy, replyModel, now } = context;
  const supportPolicy = loadSupportPolicy();
  const deps = { db, policy, supportPolicy, replyModel, now, recommendCrossSell: (database: Database, { productIds }: { productIds: string[] }) => recommendCrossSell(database, { productIds, config: context.crossSell }) };
  const graph = buildSupportGraph(deps).compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { thread_id: threadId } };
  const conversation = evalCase.conversation ?? [];

  await removeSupportTurns(db, threadId);
  try {
    const turns: SupportTurnOutput[] = [];
    for (const { customer } of conversation) {
      const state = (await graph.invoke({ messages: [new HumanMessage(customer)] }, config)) as SupportStateType;
      let offer: SupportTurnOutput['offer'] = null;
      if (state.offer && state.customer) {
        const order = await orderOfCustomer(db, state.customer.customerId, state.offer.orderId);
        offer = { ...state.offer, limitPercent: order ? compensationLimitPercent(order, policy, supportPolicy) : 0 };
      }
      turns.push({
        customer,
        reply: state.reply,
        language: state.language,
        band: state.tone!.band,
        register: state.tone!.register,
        offer,
        customerId: state.customer?.customerId ?? null,
        escalation: state.escalation ? { reason: state.escalation, summary: state.summary ?? '' } : null,
        crossSell: (state.answer?.crossSell ?? []).map((suggestion) => suggestion.name),
        replySource: state.replySource,
      });
    }
    return { kind: 'support', turns, namedOrders: await namedOrders(db, conversation.map((turn) => turn.customer)), perCustomerLimit: supportPolicy.compensation.perCustomerLimit };
  } finally {
    await removeSupportTurns(db, threadId);
  }
}
