// Campaign memory: approved and finished campaigns with an embedding of their description,
// recalled by cosine similarity (pgvector HNSW). Vectors are only compared with vectors from the
// same embedder. With memory switched off, nothing is stored and nothing is recalled.
import pgvector from 'pgvector';
import type { Database, Queryable } from './database.ts';

export interface CampaignMemoryEntry {
  campaignId: string;
  name: string;
  summary: string;
  objective: string;
  channels: string[];
  discountPercent: number;
  audienceSize: number;
  /** Outcome counts; null until the campaign has results. */
  sent: number | null;
  converted: number | null;
  revenue: number | null;
  holdoutSize: number | null;
  holdoutConverted: number | null;
  endedAt: Date | null;
  embedder: string;
  embedding: number[];
}

export type RecalledCampaign = Omit<CampaignMemoryEntry, 'embedding'> & { similarity: number };

export async function rememberCampaign(db: Database, entry: CampaignMemoryEntry, tx: Queryable = db): Promise<boolean> {
  if (!db.memoryEnabled) return false;
  await tx.query(
    `INSERT INTO campaign_memory (campaign_id, name, summary, objective, channels, discount_percent, audience_size,
       sent, converted, revenue, holdout_size, holdout_converted, ended_at, embedder, embedding)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::vector)
     ON CONFLICT (campaign_id) DO UPDATE SET
       name = EXCLUDED.name, summary = EXCLUDED.summary, objective = EXCLUDED.objective, channels = EXCLUDED.channels,
       discount_percent = EXCLUDED.discount_percent, audience_size = EXCLUDED.audience_size, sent = EXCLUDED.sent,
       converted = EXCLUDED.converted, revenue = EXCLUDED.revenue, holdout_size = EXCLUDED.holdout_size,
       holdout_converted = EXCLUDED.holdout_converted, ended_at = EXCLUDED.ended_at, embedder = EXCLUDED.embedder,
       embedding = EXCLUDED.embedding`,
    [
      entry.campaignId,
      entry.name,
      entry.summary,
      entry.objective,
      entry.channels,
      entry.discountPercent,
      entry.audienceSize,
      entry.sent,
      entry.converted,
      entry.revenue,
      entry.holdoutSize,
      entry.holdoutConverted,
      entry.endedAt,
      entry.embedder,
      pgvector.toSql(entry.embedding),
    ],
  );
  return true;
}

interface MemoryRow {
  campaign_id: string;
  name: string;
  summary: string;
  objective: string;
  channels: string[];
  discount_percent: number;
  audience_size: number;
  sent: number | null;
  converted: number | null;
  revenue: number | null;
  holdout_size: number | null;
  holdout_converted: number | null;
  ended_at: Date | null;
  embedder: string;
  similarity: number;
  [key: string]: unknown;
}

export interface RecallOptions {
  embedding: number[];
  embedder: string;
  limit?: number;
  /** Only campaigns with outcomes (for forecasting) or all remembered ones. */
  withOutcomesOnly?: boolean;
}

export async function recallSimilarCampaigns(
  db: Database,
  { embedding, embedder, limit = 5, withOutcomesOnly = false }: RecallOptions,
): Promise<RecalledCampaign[]> {
  if (!db.memoryEnabled) return [];
  const { rows } = await db.query<MemoryRow>(
    `SELECT campaign_id, name, summary, objective, channels, discount_percent, audience_size, sent, converted, revenue,
            holdout_size, holdout_converted, ended_at, embedder, 1 - (embedding <=> $1::vector) AS similarity
       FROM campaign_memory
      WHERE embedder = $2 AND ($4::boolean IS FALSE OR converted IS NOT NULL)
      ORDER BY embedding <=> $1::vector
      LIMIT $3`,
    [pgvector.toSql(embedding), embedder, limit, withOutcomesOnly],
  );
  return rows.map((row) => ({
    campaignId: row.campaign_id,
    name: row.name,
    summary: row.summary,
    objective: row.objective,
    channels: row.channels,
    discountPercent: row.discount_percent,
    audienceSize: row.audience_size,
    sent: row.sent,
    converted: row.converted,
    revenue: row.revenue,
    holdoutSize: row.holdout_size,
    holdoutConverted: row.holdout_converted,
    endedAt: row.ended_at,
    embedder: row.embedder,
    similarity: Math.max(0, Math.min(1, Number(row.similarity))),
  }));
}
