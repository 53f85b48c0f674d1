// A campaign as a marketer opens it from the campaign list: its summary and the plan stored for it,
// carrying its forecast versus what actually happened once an outcome is recorded.
import { findCampaign, type CampaignListItem } from '../data/campaigns.ts';
import type { Database } from '../data/database.ts';
import { Plan } from '../domain/plan.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { planForecastVersusActual } from '../outcomes/forecast-versus-actual.ts';

export interface CampaignWithPlan {
  campaign: CampaignListItem;
  /** Null for campaigns stored without a readable plan (the demo history). */
  plan: Plan | null;
}

export async function campaignWithPlan(db: Database, campaignId: string): Promise<CampaignWithPlan> {
  const found = await findCampaign(db, campaignId);
  if (!found) throw new CodedError(ErrorCode.NotFound, `there is no campaign ${campaignId}`);
  const parsed = Plan.safeParse(found.plan);
  if (!parsed.success) return { campaign: found.campaign, plan: null };
  const versusActual = await planForecastVersusActual(db, campaignId);
  return { campaign: found.campaign, plan: versusActual ? { ...parsed.data, forecastVersusActual: versusActual } : parsed.data };
}
