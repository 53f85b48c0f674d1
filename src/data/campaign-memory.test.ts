// Campaign memory on pgvector: recall by similarity within one embedder; on a PostgreSQL server
// without pgvector, opening with memory on fails with an error that names the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOffline } from '../models/offline-embedder.ts';
import { createTestDatabase, memoryEnabledInTests, usingPostgres, type TestDatabase } from '../testing/test-database.ts';
import { recallSimilarCampaigns, rememberCampaign } from './campaign-memory.ts';
import { saveCampaign } from './campaigns.ts';
import { openDatabase } from './open-database.ts';
import pg from 'pg';

describe.runIf(memoryEnabledInTests)('campaign memory', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    const campaigns = [
      { id: 'c-winback', name: 'Spring win-back SMS 10% off', text: 'win back lapsed customers by SMS with 10% off' },
      { id: 'c-aov', name: '双11 美妆满300减50 推送', text: '双11 提升客单价 美妆 满300减50 推送' },
      { id: 'c-cart', name: 'Cart reminder push', text: 'remind cart abandoners two hours later by push' },
    ];
    for (const campaign of campaigns) {
      await saveCampaign(test.db, {
        id: campaign.id, threadId: null, name: campaign.name, status: 'completed', objective: 'winback', channels: ['sms'],
        brief: {}, segmentDefinition: {}, plan: null, createdBy: 'test',
      });
      await rememberCampaign(test.db, {
        campaignId: campaign.id, name: campaign.name, summary: campaign.text, objective: 'winback', channels: ['sms'],
        discountPercent: 10, audienceSize: 1000, sent: 1000, converted: 30, revenue: 6000, holdoutSize: 100, holdoutConverted: 1,
        endedAt: new Date('2026-05-01T00:00:00Z'), embedder: 'offline-hash-v1', embedding: embedOffline(campaign.text),
      });
    }
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('recalls the most similar campaign first, across languages through shared concepts', async () => {
    const english = await recallSimilarCampaigns(test.db, { embedding: embedOffline('re-engage lapsed customers, SMS, 15% off'), embedder: 'offline-hash-v1', limit: 3 });
    expect(english.map((c) => c.campaignId)[0]).toBe('c-winback');
    const chinese = await recallSimilarCampaigns(test.db, { embedding: embedOffline('双十一 提高客单价 推送'), embedder: 'offline-hash-v1', limit: 1 });
    expect(chinese).toHaveLength(1);
    expect(chinese[0]).toMatchObject({ campaignId: 'c-aov', converted: 30, holdoutSize: 100 });
    expect(chinese[0]!.similarity).toBeGreaterThan(0.3);
  });

  it('never compares vectors from another embedder', async () => {
    const recalled = await recallSimilarCampaigns(test.db, { embedding: embedOffline('win back'), embedder: 'some-other-model', limit: 5 });
    expect(recalled).toEqual([]);
  });
});

describe.runIf(usingPostgres)('a PostgreSQL server', () => {
  it('opens with memory on when it has pgvector, and otherwise refuses naming the fix', async () => {
    const server = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await server.connect();
    const { rows } = await server.query("SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'vector'");
    const name = `ca_vec_${process.pid}_${Date.now().toString(36)}`;
    await server.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const opening = openDatabase({ databaseUrl: url.toString(), dataDir: '', memory: true });
      if (rows[0].n === 1) {
        await (await opening).close();
      } else {
        await expect(opening).rejects.toMatchObject({
          code: 'PGVECTOR_MISSING',
          message: expect.stringMatching(/without pgvector.*install the extension.*CAMPAIGN_AGENT_MEMORY=off.*unset DATABASE_URL/),
        });
      }
    } finally {
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    }
  });
});
