// Starts work on a new message from the marketer: a fresh clock reading for relative windows and
// a clean slate for this request's outcome. The draft itself is kept, so refinements can edit it,
// and so is the campaign a pending plan became, so its revisions update that one campaign.
import type { PlannerDeps } from '../deps.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

export function makeBeginRequest(deps: PlannerDeps) {
  const now = deps.now ?? (() => new Date());
  return async function beginRequest(state: PlannerStateType): Promise<PlannerUpdate> {
    const finished = state.status === 'scheduled' || state.status === 'rejected';
    return {
      asOf: now().toISOString(),
      status: 'drafting',
      question: null,
      revisionAttempts: 0,
      approval: null,
      campaignId: finished ? null : state.campaignId,
      summary: '',
    };
  };
}
