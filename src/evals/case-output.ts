// What running one eval case produced: the final plan, the model's tool calls turn by turn, and
// facts about the sends it queued. Scorers read only this (and the case), never the database.
import type { Plan } from '../domain/plan.ts';

export interface ToolCallRecord {
  name: string;
  args: Record<string, unknown>;
}

/** Queued sends of the case's campaigns, counted against the rules every send must keep. */
export interface SendFacts {
  total: number;
  /** Sends to customers without a granted consent for the send's channel. */
  unconsented: number;
  /** Sends to customers suppressed on that channel (or on every channel). */
  suppressed: number;
  /** Sends to customers younger than the policy's minimum age at the eval's clock. */
  minors: number;
  /** Sends whose time, in the recipient's own zone, falls inside quiet hours. */
  inQuietHours: number;
}

export interface CaseOutput {
  plan: Plan;
  /** Tool calls of each model message that made any, in order. */
  trajectory: ToolCallRecord[][];
  sends: SendFacts;
  /** The segment's average order value the guardrails measured amount offers against (null: none). */
  averageOrderValue: number | null;
  /** The harness approved the plan (the case asked for it and the plan was waiting). */
  approvedByHarness: boolean;
}

export const NO_SENDS: SendFacts = { total: 0, unconsented: 0, suppressed: 0, minors: 0, inQuietHours: 0 };

/** One turn of a support conversation as the bot answered it. */
export interface SupportTurnOutput {
  customer: string;
  reply: string;
  language: 'en' | 'zh';
  band: string;
  register: string;
  /** Compensation offered this turn, with the lowest ceiling that applied to its order. */
  offer: { orderId: string; amount: number; currency: string; percent: number; limitPercent: number } | null;
  /** The verified customer after this turn (null: not verified). */
  customerId: string | null;
  /** Set on every turn from the hand-over on. */
  escalation: { reason: string; summary: string } | null;
  /** Products the reply suggests. */
  crossSell: string[];
  replySource: string;
}

/** A support case's run: every turn, and what each order named in it would reveal (for the privacy check). */
export interface SupportCaseOutput {
  kind: 'support';
  turns: SupportTurnOutput[];
  /** Per order named by the customer: its owner and details that only the owner may see (product names). */
  namedOrders: Array<{ orderId: string; customerId: string; details: string[] }>;
  /** The support policy's per-customer compensation limit, in the policy currency. */
  perCustomerLimit: number;
}

export type AnyCaseOutput = CaseOutput | SupportCaseOutput;

export function isSupportOutput(output: AnyCaseOutput | null): output is SupportCaseOutput {
  return output !== null && 'kind' in output && output.kind === 'support';
}
