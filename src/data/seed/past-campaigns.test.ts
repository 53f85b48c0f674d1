import { describe, expect, it } from 'vitest';
import { Brief, Objective } from '../../domain/brief.ts';
import { SegmentDefinition } from '../../domain/segment.ts';
import { CHANNELS } from '../../domain/vocabulary.ts';
import { generatePastCampaignDetails, generatePastCampaigns, pastCampaignsForSeed } from './past-campaigns.ts';
import { RESPONSE_MODEL, expectedDeliveryRate, expectedIncrementalRate } from './response-model.ts';

const asOf = new Date('2026-11-20T15:00:00Z');
const DAY = 86_400_000;
const HAN = /\p{Script=Han}/u;

describe('generatePastCampaigns', () => {
  const campaigns = generatePastCampaigns({ asOf });

  it('makes 160 campaigns by default over the two years before as-of, oldest first, with unique ids and names', () => {
    expect(campaigns).toHaveLength(160);
    expect(generatePastCampaigns({ asOf, count: 150 })).toHaveLength(150);
    for (const campaign of campaigns) {
      expect(campaign.endedAt.getTime()).toBeLessThan(asOf.getTime());
      expect(campaign.endedAt.getTime()).toBeGreaterThan(asOf.getTime() - 730 * DAY);
    }
    const ends = campaigns.map((campaign) => campaign.endedAt.getTime());
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(campaigns[0]!.id).toBe('demo-campaign-001');
    expect(new Set(campaigns.map((campaign) => campaign.id)).size).toBe(160);
    expect(new Set(campaigns.map((campaign) => campaign.name)).size).toBe(160);
  });

  it('is deterministic in seed and as-of, and the seed changes it', () => {
    expect(generatePastCampaigns({ asOf })).toEqual(campaigns);
    expect(pastCampaignsForSeed({ seed: 42, asOf: asOf.toISOString() })).toEqual(campaigns);
    const other = generatePastCampaigns({ asOf, seed: 7 });
    expect(other.map((campaign) => campaign.name)).not.toEqual(campaigns.map((campaign) => campaign.name));
  });

  it('speaks both languages: names and summaries in the campaign locale', () => {
    const zh = campaigns.filter((campaign) => campaign.locale === 'zh');
    const en = campaigns.filter((campaign) => campaign.locale === 'en');
    expect(zh.length).toBeGreaterThan(80);
    expect(en.length).toBeGreaterThan(30);
    for (const campaign of zh) {
      expect(campaign.name).toMatch(HAN);
      expect(campaign.summary).toMatch(/^[^.]*。$/u);
    }
    for (const campaign of en) {
      expect(campaign.name).not.toMatch(HAN);
      expect(campaign.summary).toMatch(/^[A-Z][^。]*\.$/u);
    }
    expect(campaigns.some((campaign) => /^双11 .*(满\d+减\d+|折|包邮)/u.test(campaign.name))).toBe(true);
    expect(campaigns.some((campaign) => /(Spring|Summer|Autumn|Winter) win-back (SMS|email).* \d+% off$/.test(campaign.name))).toBe(true);
  });

  it('covers every objective and channel, with audiences of 500-50,000 and a 5-10% holdout', () => {
    expect(new Set(campaigns.map((campaign) => campaign.objective))).toEqual(new Set(Objective.options));
    expect(new Set(campaigns.flatMap((campaign) => campaign.channels))).toEqual(new Set(CHANNELS));
    for (const campaign of campaigns) {
      expect(campaign.audienceSize).toBeGreaterThanOrEqual(500);
      expect(campaign.audienceSize).toBeLessThanOrEqual(50_000);
      const holdoutShare = campaign.holdoutSize / campaign.audienceSize;
      expect(holdoutShare).toBeGreaterThanOrEqual(0.049);
      expect(holdoutShare).toBeLessThanOrEqual(0.101);
      expect(campaign.sent).toBeLessThanOrEqual(campaign.audienceSize - campaign.holdoutSize);
      expect(campaign.delivered).toBeLessThanOrEqual(campaign.sent);
      expect(campaign.converted).toBeLessThanOrEqual(campaign.sent);
      expect(campaign.holdoutConverted).toBeLessThanOrEqual(campaign.holdoutSize);
      expect(campaign.discountPercent).toBeGreaterThanOrEqual(0);
      expect(campaign.discountPercent).toBeLessThanOrEqual(30);
    }
  });

  it('draws outcomes from the response model, with campaigns differing like real ones', () => {
    const ratios = campaigns.map((campaign) => {
      const incremental = expectedIncrementalRate(campaign);
      const expected = RESPONSE_MODEL.organicRate + expectedDeliveryRate(campaign.channels) * incremental;
      return campaign.converted / campaign.sent / expected;
    });
    const logRatios = ratios.filter((ratio) => ratio > 0).map(Math.log);
    const mean = logRatios.reduce((a, b) => a + b, 0) / logRatios.length;
    const sd = Math.sqrt(logRatios.reduce((a, b) => a + (b - mean) ** 2, 0) / logRatios.length);
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(sd).toBeGreaterThan(0.2);
    expect(sd).toBeLessThan(0.6);
    const holdoutRate =
      campaigns.reduce((sum, campaign) => sum + campaign.holdoutConverted, 0) / campaigns.reduce((sum, campaign) => sum + campaign.holdoutSize, 0);
    expect(holdoutRate).toBeCloseTo(RESPONSE_MODEL.organicRate, 2);
    const rate = (objective: string): number => {
      const chosen = campaigns.filter((campaign) => campaign.objective === objective);
      return chosen.reduce((sum, campaign) => sum + campaign.converted, 0) / chosen.reduce((sum, campaign) => sum + campaign.sent, 0);
    };
    expect(rate('cart_recovery')).toBeGreaterThan(2 * rate('awareness'));
  });
});

describe('generatePastCampaignDetails', () => {
  it('gives each campaign a brief and an audience that the domain schemas accept, matching the record', () => {
    for (const { record, brief, segment, createdAt, approvedAt, startsAt } of generatePastCampaignDetails({ asOf, count: 160 })) {
      expect(Brief.parse(brief)).toEqual(brief);
      expect(SegmentDefinition.parse(segment)).toEqual(segment);
      expect(brief.objective).toBe(record.objective);
      expect(brief.channels).toEqual(record.channels);
      expect(brief.locale).toBe(record.locale);
      expect(brief.goal).toBe(record.summary);
      expect(createdAt.getTime()).toBeLessThan(approvedAt.getTime());
      expect(approvedAt.getTime()).toBeLessThan(startsAt.getTime());
      expect(startsAt.getTime()).toBeLessThan(record.endedAt.getTime());
      if (record.objective === 'cart_recovery') {
        expect(brief.timing).toEqual({ kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' });
      }
    }
  });
});
