import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCampaignMemory } from '../app/sync-campaign-memory.ts';
import { recallSimilarCampaigns } from '../data/campaign-memory.ts';
import { saveCampaign, type CampaignStatus } from '../data/campaigns.ts';
import type { Brief } from '../domain/brief.ts';
import { OfflineEmbeddings, embedOffline } from '../models/offline-embedder.ts';
import { createTestDatabase, memoryEnabledInTests, type TestDatabase } from '../testing/test-database.ts';
import { parseOutcomeCsv } from './outcome-csv.ts';
import { recordOutcomes } from './record-outcomes.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const HEADER = 'campaign_id,sent,delivered,converted,revenue,holdout_size,holdout_converted,ended_at';
const embedder = { id: 'offline-hash-v1', embeddings: new OfflineEmbeddings() };

function brief(goal: string): Brief {
  return { goal, objective: 'winback', channels: ['sms'], offer: { type: 'percent_off', percent: 10 }, timing: { kind: 'asap' }, locale: 'en', category: null, budget: null };
}

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  const campaigns: Array<[string, CampaignStatus]> = [
    ['cmp_sent', 'scheduled'],
    ['cmp_running', 'running'],
    ['cmp_cancelled', 'cancelled'],
    ['cmp_pending', 'needs_approval'],
  ];
  for (const [id, status] of campaigns) {
    await saveCampaign(test.db, {
      id,
      threadId: null,
      name: `Win back lapsed SMS buyers (${id})`,
      status,
      objective: 'winback',
      channels: ['sms'],
      brief: brief(`Win back lapsed customers by SMS with 10% off (${id})`),
      segmentDefinition: { version: 1, root: { kind: 'consent', channel: 'sms' } },
      plan: null,
      createdBy: 'alice',
    });
  }
});
afterAll(async () => {
  await test?.dispose();
});

const outcomes = (db: TestDatabase['db']) =>
  db.query('SELECT campaign_id, sent, delivered, converted, revenue, holdout_size, holdout_converted FROM campaign_outcomes ORDER BY campaign_id');

describe('recordOutcomes', () => {
  it('refuses the whole file when one row names an unknown or unsent campaign', async () => {
    const rows = parseOutcomeCsv(`${HEADER}\ncmp_sent,100,97,5,1500,10,0,\ncmp_nope,1,1,1,1,0,0,\ncmp_pending,1,1,1,1,0,0,\n`);
    await expect(recordOutcomes(test.db, rows, { actor: 'bob', now: NOW })).rejects.toThrow(
      'the outcomes do not match the campaigns, nothing was imported: line 3: there is no campaign cmp_nope; ' +
        'line 4: campaign cmp_pending is needs approval and was never sent, so it has no outcome',
    );
    expect((await outcomes(test.db)).rows).toEqual([]);
  });

  it('records outcomes, completes the campaigns with their end time, and audits each', async () => {
    const rows = parseOutcomeCsv(`${HEADER}\ncmp_sent,2000,1940,70,21000.5,200,2,2026-02-20\ncmp_running,500,490,9,2700,0,0,\ncmp_cancelled,50,50,1,300,0,0,\n`);
    const recorded = await recordOutcomes(test.db, rows, { actor: 'bob', now: NOW });
    expect(recorded.map(({ campaignId, previousStatus, status, endedAt, replaced }) => ({ campaignId, previousStatus, status, endedAt, replaced }))).toEqual([
      { campaignId: 'cmp_sent', previousStatus: 'scheduled', status: 'completed', endedAt: new Date('2026-02-20'), replaced: false },
      { campaignId: 'cmp_running', previousStatus: 'running', status: 'completed', endedAt: NOW, replaced: false },
      { campaignId: 'cmp_cancelled', previousStatus: 'cancelled', status: 'cancelled', endedAt: NOW, replaced: false },
    ]);
    expect((await outcomes(test.db)).rows).toEqual([
      { campaign_id: 'cmp_cancelled', sent: 50, delivered: 50, converted: 1, revenue: 300, holdout_size: 0, holdout_converted: 0 },
      { campaign_id: 'cmp_running', sent: 500, delivered: 490, converted: 9, revenue: 2700, holdout_size: 0, holdout_converted: 0 },
      { campaign_id: 'cmp_sent', sent: 2000, delivered: 1940, converted: 70, revenue: 21000.5, holdout_size: 200, holdout_converted: 2 },
    ]);
    const { rows: campaigns } = await test.db.query<{ id: string; status: string; ended_at: Date }>("SELECT id, status, ended_at FROM campaigns WHERE id LIKE 'cmp_%' ORDER BY id");
    expect(campaigns.map((row) => [row.id, row.status, row.ended_at?.toISOString() ?? null])).toEqual([
      ['cmp_cancelled', 'cancelled', NOW.toISOString()],
      ['cmp_pending', 'needs_approval', null],
      ['cmp_running', 'completed', NOW.toISOString()],
      ['cmp_sent', 'completed', '2026-02-20T00:00:00.000Z'],
    ]);
    const { rows: audit } = await test.db.query("SELECT actor, campaign_id, detail FROM audit_log WHERE action = 'outcome_recorded' ORDER BY id");
    expect(audit).toHaveLength(3);
    expect(audit[0]).toEqual({ actor: 'bob', campaign_id: 'cmp_sent', detail: { sent: 2000, delivered: 1940, converted: 70, revenue: 21000.5, holdoutSize: 200, holdoutConverted: 2, replaced: false } });
  });

  it('replaces earlier figures and keeps the recorded end time when the file gives none', async () => {
    const rows = parseOutcomeCsv(`${HEADER}\ncmp_sent,2000,1940,75,22000,200,3,\n`);
    const [recorded] = await recordOutcomes(test.db, rows, { actor: 'bob', now: new Date('2026-03-05T00:00:00Z') });
    expect(recorded).toMatchObject({ status: 'completed', replaced: true, endedAt: new Date('2026-02-20') });
    const { rows: stored } = await test.db.query("SELECT converted, holdout_converted FROM campaign_outcomes WHERE campaign_id = 'cmp_sent'");
    expect(stored).toEqual([{ converted: 75, holdout_converted: 3 }]);
  });
});

describe.runIf(memoryEnabledInTests)('recorded outcomes in campaign memory', () => {
  it('reach memory after a sync, and corrected figures replace the remembered ones', async () => {
    await syncCampaignMemory(test.db, embedder);
    const recall = () =>
      recallSimilarCampaigns(test.db, { embedding: embedOffline('Win back lapsed customers by SMS with 10% off'), embedder: embedder.id, limit: 10, withOutcomesOnly: true });
    const first = await recall();
    expect(first.map((campaign) => campaign.campaignId).sort()).toEqual(['cmp_cancelled', 'cmp_running', 'cmp_sent']);
    expect(first.find((campaign) => campaign.campaignId === 'cmp_sent')).toMatchObject({ sent: 2000, converted: 75, holdoutConverted: 3, endedAt: new Date('2026-02-20') });

    await recordOutcomes(test.db, parseOutcomeCsv(`${HEADER}\ncmp_sent,2000,1940,80,23000,200,3,2026-02-21\n`), { actor: 'bob', now: NOW });
    // Until the next sync, memory still holds the figures it had; the sync refreshes exactly that entry.
    expect((await recall()).find((campaign) => campaign.campaignId === 'cmp_sent')).toMatchObject({ converted: 75 });
    expect(await syncCampaignMemory(test.db, embedder)).toBe(1);
    expect((await recall()).find((campaign) => campaign.campaignId === 'cmp_sent')).toMatchObject({ converted: 80, endedAt: new Date('2026-02-21') });
  });
});
