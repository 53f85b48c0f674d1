// Read-only routes: who the caller is (/api/me), campaigns with their send states (/api/campaigns),
// one campaign with its plan, forecast versus actual and A/B arms (/api/campaigns/{id}) and the server's
// health (/health, no token needed).
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { App } from '../../app/open-app.ts';
import { campaignWithPlan } from '../../app/campaign-plan.ts';
import { listCampaigns } from '../../data/campaigns.ts';
import { campaignArmResults } from '../../outcomes/compare-arms.ts';
import { approvalRefusal } from '../../agents/planner/approval-decision.ts';
import { CampaignId } from './api-schemas.ts';
import { callerOf } from './auth.ts';
import { parseWith } from './http-errors.ts';

export interface QueueState {
  state: string;
  detail?: string;
}

export const NO_QUEUE: () => QueueState = () => ({ state: 'not running', detail: 'no delivery worker is attached to this server' });

const CampaignQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  history: z.enum(['true', 'false']).default('false'),
});

export function infoRoutes(app: App): Router {
  const router = Router();

  router.get('/me', (_request, response) => {
    const caller = callerOf(response);
    // Whether this role may approve at all (self-approval is checked per plan).
    const canApprove = approvalRefusal(app.policy, { by: caller.name, role: caller.role }, '\u0000nobody') === null;
    response.json({ name: caller.name, role: caller.role, canApprove });
  });

  router.get('/campaigns', async (request, response) => {
    const query = parseWith(CampaignQuery, request.query, 'query');
    const campaigns = await listCampaigns(app.db, { limit: query.limit, includeHistory: query.history === 'true' });
    response.json({ campaigns: campaigns.map((campaign) => ({ ...campaign, createdAt: new Date(campaign.createdAt).toISOString() })) });
  });

  router.get('/campaigns/:id', async (request, response) => {
    const { campaign, plan } = await campaignWithPlan(app.db, parseWith(CampaignId, request.params.id, 'path'));
    const arms = await campaignArmResults(app.db, campaign.id, { now: new Date() });
    response.json({ campaign: { ...campaign, createdAt: new Date(campaign.createdAt).toISOString() }, plan, arms });
  });

  return router;
}

export function healthRoute(app: App, { queueState = NO_QUEUE, slack = 'off' }: { queueState?: () => QueueState; slack?: 'off' | 'http' | 'socket' } = {}): RequestHandler {
  return function health(_request, response) {
    response.json({
      status: 'ok',
      database: { kind: app.db.kind, location: app.db.location, memory: app.db.memoryEnabled },
      model: { mode: app.models.mode, description: app.models.description },
      queue: queueState(),
      slack,
    });
  };
}
