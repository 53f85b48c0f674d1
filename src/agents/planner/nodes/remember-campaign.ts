// Stores the scheduled plan in campaign memory with an embedding of its description, so later
// plans can recall it (and, once results come back, lean on its outcome).
import { rememberCampaign as storeInMemory } from '../../../data/campaign-memory.ts';
import { effectiveDiscountPercent } from '../../../domain/brief.ts';
import { createLogger } from '../../../logger.ts';
import { campaignNameFor } from '../campaign-identity.ts';
import type { PlannerDeps } from '../deps.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';

const log = createLogger('planner.memory');

export function makeRememberCampaign(deps: PlannerDeps) {
  return async function rememberCampaign(state: PlannerStateType): Promise<PlannerUpdate> {
    const { brief, segment, campaignId } = state;
    if (!deps.db.memoryEnabled || !brief || !segment || !campaignId) return {};
    const name = campaignNameFor(brief, state.schedule?.localDateTime?.slice(0, 10) ?? null);
    const summary = `${name}. ${brief.goal}. ${segment.description}`;
    try {
      await storeInMemory(deps.db, {
        campaignId,
        name,
        summary,
        objective: brief.objective,
        channels: brief.channels,
        discountPercent: effectiveDiscountPercent(brief.offer, state.audience?.averageOrderValue ?? 0),
        audienceSize: segment.count,
        sent: null,
        converted: null,
        revenue: null,
        holdoutSize: null,
        holdoutConverted: null,
        endedAt: null,
        embedder: deps.embedder.id,
        embedding: await deps.embedder.embeddings.embedQuery(summary),
      });
    } catch (error) {
      // The campaign is scheduled either way; a later plan simply will not recall this one.
      log.warn({ campaignId, err: (error as Error).message }, 'could not store the campaign in memory');
    }
    return {};
  };
}
