// The answer a human gives to a plan waiting for approval, and who may give it.
import { z } from 'zod';
import type { Policy } from '../../domain/policy.ts';

export const Role = z.enum(['marketer', 'approver', 'admin']);
export type Role = z.infer<typeof Role>;

export const ApprovalDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), by: z.string().min(1), role: Role, comment: z.string().max(2000).nullable().default(null) }),
  z.object({ decision: z.literal('reject'), by: z.string().min(1), role: Role, comment: z.string().max(2000).nullable().default(null) }),
  /** Instead of deciding, ask for a change: the message goes back to the agent. */
  z.object({ decision: z.literal('revise'), by: z.string().min(1), role: Role, message: z.string().min(1).max(2000) }),
]);
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;

/** Why this person may not approve, or null when they may. Admins may always approve. */
export function approvalRefusal(policy: Policy, decision: { by: string; role: Role }, requestedBy: string): string | null {
  if (decision.role === 'admin') return null;
  if (decision.role !== policy.approval.approverRole) {
    return `approving needs the ${policy.approval.approverRole} role; ${decision.by} is a ${decision.role}`;
  }
  if (policy.approval.forbidSelfApproval && decision.by === requestedBy) {
    return `policy forbids approving your own plan: ${decision.by} asked for it`;
  }
  return null;
}
