// Coverage on the demo data: the demo's campaign history is drawn from a known response model
// (src/data/seed/response-model.ts). New campaigns drawn from the same model, forecast from that
// history the way the planner does (the eight most similar campaigns by embedding, weighted by
// similarity and age), should land inside [p10, p90] about 80% of the time; small audiences
// should get wide ranges.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Range } from '../../src/domain/plan.ts';
import { generatePastCampaigns, type PastCampaignRecord } from '../../src/data/seed/past-campaigns.ts';
import { RESPONSE_MODEL } from '../../src/data/seed/response-model.ts';
import { embedOffline } from '../../src/models/offline-embedder.ts';
import { scaleThirtyDayRate } from './beta-evidence.ts';
import { forecastImpact, type PastCampaignEvidence } from './forecast-impact.ts';
import { createSeededRandom, sampleBinomial } from './seeded-random.ts';
import type { Forecast } from '../../src/domain/plan.ts';

const AS_OF = new Date('2026-01-15T00:00:00Z');
const DAY_MS = 86_400_000;
const RECALL_LIMIT = 8;
const CAMPAIGN_DAYS = 14;

const cosine = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

interface Trial {
  target: PastCampaignRecord;
  forecast: Forecast;
  actualIncremental: number;
}

type History = ReadonlyArray<{ record: PastCampaignRecord; embedding: number[] }>;

function forecastFromHistory(target: PastCampaignRecord, history: History, seed: number): Forecast {
  const embedding = embedOffline(target.summary);
  const recalled = history
    .map((entry) => ({ entry, similarity: cosine(embedding, entry.embedding) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, RECALL_LIMIT);
  const pastCampaigns: PastCampaignEvidence[] = recalled.map(({ entry: { record }, similarity }) => ({
    id: record.id,
    name: record.name,
    similarity,
    ageDays: (AS_OF.getTime() - record.endedAt.getTime()) / DAY_MS,
    channels: record.channels,
    objective: record.objective,
    discountPercent: record.discountPercent,
    sent: record.sent,
    converted: record.converted,
    revenue: record.revenue,
    holdoutSize: record.holdoutSize,
    holdoutConverted: record.holdoutConverted,
  }));
  // Each recipient on one of the campaign's channels, split evenly.
  const reachByChannel: Partial<Record<PastCampaignRecord['channels'][number], number>> = {};
  target.channels.forEach((channel, index) => {
    reachByChannel[channel] = Math.floor(target.sent / target.channels.length) + (index === 0 ? target.sent % target.channels.length : 0);
  });
  // The audience's last 30 days, bought at the model's organic rate.
  const random = createSeededRandom(seed);
  const lastThirtyDays = 1 - Math.pow(1 - RESPONSE_MODEL.organicRate, 30 / CAMPAIGN_DAYS);
  const purchasedLast30Days = sampleBinomial(random, target.audienceSize, lastThirtyDays);
  expect(scaleThirtyDayRate(lastThirtyDays, CAMPAIGN_DAYS)).toBeCloseTo(RESPONSE_MODEL.organicRate, 10);
  return forecastImpact(
    {
      objective: target.objective,
      channels: target.channels,
      discountPercent: target.discountPercent,
      reachByChannel,
      segment: { customers: target.audienceSize, purchasedLast30Days, averageOrderValue: 400, orderValueStdDev: 300 },
      pastCampaigns,
      costPerMessage: {},
      currency: 'CNY',
      campaignDays: CAMPAIGN_DAYS,
    },
    { draws: 1000, seed },
  );
}

describe('forecasts on the demo data cover what the known response model does', () => {
  let trials: Trial[] = [];
  let history: History = [];
  beforeAll(() => {
    history = generatePastCampaigns({ seed: 42, asOf: AS_OF }).map((record) => ({ record, embedding: embedOffline(record.summary) }));
    // New campaigns from the same generator and response model, with another seed.
    const targets = [7, 8].flatMap((seed) => generatePastCampaigns({ seed, asOf: AS_OF, count: 100 }));
    trials = targets.map((target, index) => ({
      target,
      forecast: forecastFromHistory(target, history, index + 1),
      actualIncremental: target.converted - target.sent * RESPONSE_MODEL.organicRate,
    }));
  });
  const inside = (range: Range, actual: number): boolean => range.p10 - 0.5 <= actual && actual <= range.p90 + 0.5;
  const coverage = (pick: (trial: Trial) => boolean): number => trials.filter(pick).length / trials.length;

  it('puts about 80% of actual conversions inside [p10, p90]', () => {
    const covered = coverage(({ target, forecast }) => inside(forecast.conversions, target.converted));
    expect(covered).toBeGreaterThanOrEqual(0.7);
    expect(covered).toBeLessThanOrEqual(0.92);
  });

  it('puts about 80% of actual incremental conversions inside [p10, p90]', () => {
    const covered = coverage(({ actualIncremental, forecast }) => inside(forecast.incrementalConversions, actualIncremental));
    expect(covered).toBeGreaterThanOrEqual(0.7);
    expect(covered).toBeLessThanOrEqual(0.92);
  });

  it('gives small audiences wide ranges, not false precision', () => {
    const relativeWidth = ({ forecast }: Trial): number => (forecast.conversions.p90 - forecast.conversions.p10) / Math.max(1, forecast.conversions.p50);
    const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const small = trials.filter((trial) => trial.target.sent < 1000).map(relativeWidth);
    const large = trials.filter((trial) => trial.target.sent > 15000).map(relativeWidth);
    expect(small.length).toBeGreaterThan(10);
    expect(large.length).toBeGreaterThan(10);
    expect(median(small)).toBeGreaterThan(1.3 * median(large));
    // The same campaign sent to 150 customers instead of 15,000: binomial noise dominates.
    const target = trials.find((trial) => trial.target.channels.length === 1 && trial.target.objective === 'winback')!.target;
    const resized = (sent: number) => forecastFromHistory({ ...target, sent, audienceSize: Math.round(sent * 1.1) }, history, 99);
    const tiny = resized(150);
    const big = resized(15000);
    expect(relativeWidth({ forecast: tiny } as Trial)).toBeGreaterThan(2 * relativeWidth({ forecast: big } as Trial));
    expect(tiny.conversions.p10).toBeLessThan(tiny.conversions.p90);
    expect(tiny.holdout).toMatchObject({ measurable: false });
    expect(tiny.holdout!.statement).toMatch(/too small to measure/);
  });
});
