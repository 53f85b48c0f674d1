// Runs one eval case (support conversations go to run-support-case.ts) through the planner graph, built here with an in-memory checkpointer so the
// whole conversation (and so the model's tool calls) can be read back: the marketer's turns in
// order, an approval when the case asks for one, then the final plan, the trajectory and facts
// about the queued sends. The case's campaigns are removed afterwards, so no case sees another's
// sends (frequency caps) or memory, and any subset of cases gives the same results.
import type { Callbacks } from '@langchain/core/callbacks/manager';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { Command, MemorySaver } from '@langchain/langgraph';
import { buildPlannerGraph } from '../agents/planner/graph.ts';
import { toPlan } from '../agents/planner/plan-view.ts';
import type { PlannerStateType } from '../agents/planner/state.ts';
import type { Database } from '../data/database.ts';
import type { Policy } from '../domain/policy.ts';
import type { NamedEmbedder } from '../models/load-models.ts';
import type { AnyCaseOutput, CaseOutput, SendFacts, ToolCallRecord } from './case-output.ts';
import type { CrossSellSettings } from '../domain/cross-sell.ts';
import { runSupportCase } from './run-support-case.ts';
import type { EvalCase } from './suite-schema.ts';

const RECURSION_LIMIT = 40;
export const EVAL_MARKETER = { by: 'eval-marketer', role: 'marketer' as const };
export const EVAL_APPROVER = { by: 'eval-approver', role: 'approver' as const };

export interface CaseRunContext {
  db: Database;
  policy: Policy;
  chatModel: BaseChatModel;
  embedder: NamedEmbedder;
  now: () => Date;
  /** Extra callbacks for every graph run (LangSmith tracing). */
  callbacks?: Callbacks;
  /** Support cases: the model that words replies (null: the bot's templates, as offline). */
  supportReplyModel?: BaseChatModel | null;
  /** Support cases: the cross-sell thresholds (the app configuration's). */
  crossSell?: Partial<CrossSellSettings>;
}

export function threadIdFor(suite: string, caseId: string): string {
  return `eval:${suite}/${caseId}`;
}

function trajectoryOf(state: PlannerStateType): ToolCallRecord[][] {
  return state.messages
    .filter((message) => AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) > 0)
    .map((message) => (message as AIMessage).tool_calls!.map((call) => ({ name: call.name, args: call.args as Record<string, unknown> })));
}

async function sendFacts(db: Database, threadId: string, policy: Policy, now: Date): Promise<SendFacts> {
  const { rows } = await db.query<Record<keyof SendFacts, string | number>>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.customer_id = s.customer_id AND c.channel = s.channel AND c.granted)) AS unconsented,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM suppressions x WHERE x.customer_id = s.customer_id AND (x.channel IS NULL OR x.channel = s.channel))) AS suppressed,
            count(*) FILTER (WHERE cu.birth_date IS NOT NULL AND cu.birth_date > ($2::timestamptz AT TIME ZONE cu.time_zone)::date - make_interval(years => $3::int)) AS minors,
            count(*) FILTER (WHERE CASE WHEN $4::time > $5::time
                                        THEN (s.send_at AT TIME ZONE cu.time_zone)::time >= $4::time OR (s.send_at AT TIME ZONE cu.time_zone)::time < $5::time
                                        ELSE (s.send_at AT TIME ZONE cu.time_zone)::time >= $4::time AND (s.send_at AT TIME ZONE cu.time_zone)::time < $5::time END) AS "inQuietHours"
       FROM sends s
       JOIN campaigns k ON k.id = s.campaign_id
       JOIN customers cu ON cu.id = s.customer_id
      WHERE k.thread_id = $1`,
    [threadId, now.toISOString(), policy.minors.minimumAge, policy.quietHours.start, policy.quietHours.end],
  );
  const row = rows[0]!;
  return { total: Number(row.total), unconsented: Number(row.unconsented), suppressed: Number(row.suppressed), minors: Number(row.minors), inQuietHours: Number(row.inQuietHours) };
}

/** Removes what a case wrote (its campaigns, and with them their copy, sends and memory); the audit log stays. */
export async function removeCaseCampaigns(db: Database, threadId: string): Promise<void> {
  await db.query('DELETE FROM campaigns WHERE thread_id = $1', [threadId]);
}

/** Runs a case: a support conversation through the support bot, anything else through the planner. */
export async function runCase(suite: string, evalCase: EvalCase, context: CaseRunContext): Promise<AnyCaseOutput> {
  if (evalCase.conversation) {
    return runSupportCase(threadIdFor(suite, evalCase.id), evalCase, { db: context.db, policy: context.policy, replyModel: context.supportReplyModel ?? null, crossSell: context.crossSell ?? {}, now: context.now });
  }
  return runPlannerCase(suite, evalCase, context);
}

async function runPlannerCase(suite: string, evalCase: EvalCase, context: CaseRunContext): Promise<CaseOutput> {
  const { db, policy, chatModel, embedder, now, callbacks } = context;
  const graph = buildPlannerGraph({ db, policy, chatModel, embedder, now }).compile({ checkpointer: new MemorySaver() });
  const threadId = threadIdFor(suite, evalCase.id);
  const config = { configurable: { thread_id: threadId }, recursionLimit: RECURSION_LIMIT, ...(callbacks ? { callbacks } : {}) };
  const awaitingApproval = async () => (await graph.getState(config)).tasks.some((task) => task.interrupts.length > 0);

  await removeCaseCampaigns(db, threadId);
  try {
    for (const turn of evalCase.turns ?? []) {
      if (await awaitingApproval()) {
        await graph.invoke(new Command({ resume: { decision: 'revise', ...EVAL_MARKETER, message: turn } }), config);
      } else {
        await graph.invoke({ messages: [new HumanMessage(turn)], requestedBy: EVAL_MARKETER.by }, config);
      }
    }
    let approvedByHarness = false;
    if (evalCase.approve && (await awaitingApproval())) {
      await graph.invoke(new Command({ resume: { decision: 'approve', ...EVAL_APPROVER, comment: null } }), config);
      approvedByHarness = true;
    }
    const state = (await graph.getState(config)).values as PlannerStateType;
    return {
      plan: toPlan(state, threadId),
      trajectory: trajectoryOf(state),
      sends: await sendFacts(db, threadId, policy, now()),
      averageOrderValue: state.audience?.averageOrderValue ?? null,
      approvedByHarness,
    };
  } finally {
    await removeCaseCampaigns(db, threadId);
  }
}
