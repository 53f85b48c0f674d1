// Keeps campaign memory in step with the campaigns table: every campaign that has outcomes or was
// scheduled gets an embedding from the embedder in use, and its remembered outcome follows the
// recorded one. Run after seeding, after outcomes arrive, and when the embedder changes (vectors of
// another embedder are never compared).
import type { Database } from '../data/database.ts';
import { rememberCampaign } from '../data/campaign-memory.ts';
import { effectiveDiscountPercent, Brief } from '../domain/brief.ts';
import { SegmentDefinition } from '../domain/segment.ts';
import type { NamedEmbedder } from '../models/load-models.ts';
import { describeSegment } from '../../tools/segments/describe-segment.ts';

interface CampaignForMemory {
  id: string;
  name: string;
  objective: string;
  channels: string[];
  brief: unknown;
  segment_definition: unknown;
  ended_at: Date | null;
  sent: number | null;
  converted: number | null;
  revenue: number | null;
  holdout_size: number | null;
  holdout_converted: number | null;
  audience_size: number | null;
  [key: string]: unknown;
}

export async function syncCampaignMemory(db: Database, embedder: NamedEmbedder, { batchSize = 64 } = {}): Promise<number> {
  if (!db.memoryEnabled) return 0;
  const { rows } = await db.query<CampaignForMemory>(
    `SELECT c.id, c.name, c.objective, c.channels, c.brief, c.segment_definition, c.ended_at,
            o.sent, o.converted, o.revenue, o.holdout_size, o.holdout_converted,
            coalesce((c.plan -> 'segment' ->> 'count')::int, o.sent + o.holdout_size) AS audience_size
       FROM campaigns c
       LEFT JOIN campaign_outcomes o ON o.campaign_id = c.id
       LEFT JOIN campaign_memory m ON m.campaign_id = c.id
      WHERE (o.campaign_id IS NOT NULL OR c.status IN ('scheduled', 'running', 'completed'))
        AND (m.campaign_id IS NULL OR m.embedder <> $1
             OR m.sent IS DISTINCT FROM o.sent OR m.converted IS DISTINCT FROM o.converted
             OR m.revenue IS DISTINCT FROM o.revenue::double precision OR m.holdout_size IS DISTINCT FROM o.holdout_size
             OR m.holdout_converted IS DISTINCT FROM o.holdout_converted OR m.ended_at IS DISTINCT FROM c.ended_at)
      ORDER BY c.id`,
    [embedder.id],
  );
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const texts = batch.map(describeForMemory);
    const embeddings = await embedder.embeddings.embedDocuments(texts);
    for (const [index, row] of batch.entries()) {
      const brief = Brief.safeParse(row.brief);
      await rememberCampaign(db, {
        campaignId: row.id,
        name: row.name,
        summary: texts[index]!,
        objective: row.objective,
        channels: row.channels,
        discountPercent: brief.success ? effectiveDiscountPercent(brief.data.offer, 0) : 0,
        audienceSize: row.audience_size ?? 0,
        sent: row.sent,
        converted: row.converted,
        revenue: row.revenue,
        holdoutSize: row.holdout_size,
        holdoutConverted: row.holdout_converted,
        endedAt: row.ended_at,
        embedder: embedder.id,
        embedding: embeddings[index]!,
      });
    }
  }
  return rows.length;
}

function describeForMemory(row: CampaignForMemory): string {
  const brief = Brief.safeParse(row.brief);
  const segment = SegmentDefinition.safeParse(row.segment_definition);
  const locale = brief.success ? brief.data.locale : 'en';
  const audience = segment.success ? describeSegment(segment.data, locale) : '';
  return [row.name, brief.success ? brief.data.goal : '', audience].filter(Boolean).join('. ');
}
