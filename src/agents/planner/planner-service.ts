// The planner as the surfaces use it: send a message to a thread, decide on a pending plan, read
// the current plan. Threads live in the checkpointer, so any process can pick one up.
import { HumanMessage } from '@langchain/core/messages';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { Command } from '@langchain/langgraph';
import { CodedError, ErrorCode } from '../../errors.ts';
import type { Plan } from '../../domain/plan.ts';
import { planForecastVersusActual } from '../../outcomes/forecast-versus-actual.ts';
import { approvalRefusal, type ApprovalDecision, type Role } from './approval-decision.ts';
import type { PlannerDeps } from './deps.ts';
import { buildPlannerGraph } from './graph.ts';
import { toPlan } from './plan-view.ts';
import type { PlannerStateType } from './state.ts';

const RECURSION_LIMIT = 40;

export interface Sender {
  /** Who is writing: a user id, a Slack user, "cli". */
  by: string;
  role: Role;
}

export class PlannerService {
  readonly #deps: PlannerDeps;
  readonly #graph;

  constructor(deps: PlannerDeps, checkpointer: BaseCheckpointSaver) {
    this.#deps = deps;
    this.#graph = buildPlannerGraph(deps).compile({ checkpointer });
  }

  #config(threadId: string) {
    return { configurable: { thread_id: threadId }, recursionLimit: RECURSION_LIMIT };
  }

  /** The compiled graph and a thread's run configuration, for surfaces that stream a run's progress. */
  runnable(threadId: string) {
    return { graph: this.#graph, config: this.#config(threadId) };
  }

  async #state(threadId: string) {
    const snapshot = await this.#graph.getState(this.#config(threadId));
    const values = snapshot.values as Partial<PlannerStateType>;
    const started = Array.isArray(values.messages) && values.messages.length > 0;
    const awaitingApproval = snapshot.tasks.some((task) => task.interrupts.length > 0);
    return { values: values as PlannerStateType, started, awaitingApproval };
  }

  /**
   * The thread's current plan, or null when the thread has no messages yet. Once its campaign has a
   * recorded outcome, the plan carries its forecast versus what actually happened.
   */
  async currentPlan(threadId: string): Promise<Plan | null> {
    const { values, started } = await this.#state(threadId);
    if (!started) return null;
    const plan = toPlan(values, threadId);
    const versusActual = plan.campaignId ? await planForecastVersusActual(this.#deps.db, plan.campaignId) : null;
    return versusActual ? { ...plan, forecastVersusActual: versusActual } : plan;
  }

  async isAwaitingApproval(threadId: string): Promise<boolean> {
    return (await this.#state(threadId)).awaitingApproval;
  }

  /**
   * A message from the marketer. While a plan waits for approval, the message asks for a change to
   * it; otherwise it is a new goal or a refinement of the current one.
   */
  async send(threadId: string, text: string, sender: Sender): Promise<Plan> {
    const message = text.trim();
    if (!message) throw new CodedError(ErrorCode.InvalidInput, 'message is empty: describe the campaign goal or the change you want');
    const { awaitingApproval } = await this.#state(threadId);
    if (awaitingApproval) {
      await this.#graph.invoke(new Command({ resume: { decision: 'revise', by: sender.by, role: sender.role, message } }), this.#config(threadId));
    } else {
      await this.#graph.invoke({ messages: [new HumanMessage(message)], requestedBy: sender.by }, this.#config(threadId));
    }
    return (await this.currentPlan(threadId))!;
  }

  /** Approve or reject the plan waiting in a thread; refuses people the policy does not allow. */
  async decide(threadId: string, decision: Extract<ApprovalDecision, { decision: 'approve' | 'reject' }>): Promise<Plan> {
    const { values, awaitingApproval } = await this.#state(threadId);
    if (!awaitingApproval) {
      throw new CodedError(ErrorCode.Conflict, `no plan is waiting for approval in thread ${threadId}`);
    }
    if (decision.decision === 'approve') {
      const refusal = approvalRefusal(this.#deps.policy, decision, values.requestedBy);
      if (refusal) throw new CodedError(ErrorCode.Forbidden, refusal);
    }
    await this.#graph.invoke(new Command({ resume: decision }), this.#config(threadId));
    return (await this.currentPlan(threadId))!;
  }
}
