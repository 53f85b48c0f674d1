import { describe, expect, it } from 'vitest';
import type { Forecast } from '../domain/plan.ts';
import { compareForecastWithOutcome } from './forecast-versus-actual.ts';

const forecast: Forecast = {
  reach: 9700,
  conversions: { p10: 300, p50: 400, p90: 500 },
  incrementalConversions: { p10: 100, p50: 200, p90: 300 },
  revenue: { p10: 90000, p50: 120000, p90: 150000 },
  cost: { p10: 500, p50: 500, p90: 500 },
  roi: { p10: 1, p50: 2, p90: 3 },
  currency: 'CNY',
  basedOn: [],
  pastCampaigns: [],
  assumptions: [],
  reachSteps: { segment: 12000, consented: 11000, recipients: 10000, delayedByQuietHours: 0 },
  conversionRate: { p10: 0.03, p50: 0.04, p90: 0.05 },
};

describe('compareForecastWithOutcome', () => {
  it('scales counts to the messages actually sent and says where each actual figure fell', () => {
    const result = compareForecastWithOutcome(forecast, { sent: 9000, delivered: 8800, converted: 450, revenue: 100000, holdoutSize: 1000, holdoutConverted: 20 });
    expect(result.scale).toEqual({ planned: 10000, actual: 9000, factor: 0.9, basis: 'sent' });
    expect(result.comparisons).toEqual([
      { metric: 'conversions', forecast: { p10: 270, p50: 360, p90: 450 }, actual: 450, inside80: true, relativeError: (360 - 450) / 450 },
      { metric: 'conversionRate', forecast: { p10: 0.03, p50: 0.04, p90: 0.05 }, actual: 0.05, inside80: true, relativeError: (0.04 - 0.05) / 0.05 },
      { metric: 'incrementalConversions', forecast: { p10: 90, p50: 180, p90: 270 }, actual: 450 - 9000 * 0.02, inside80: true, relativeError: (180 - 270) / 270 },
      { metric: 'revenue', forecast: { p10: 81000, p50: 108000, p90: 135000 }, actual: 100000, inside80: true, relativeError: 0.08 },
    ]);
    expect(result.notes).toEqual(['Counts and revenue are scaled from the 10,000 messages planned to the 9,000 actually sent.']);
  });

  it('says when there was no holdout, and compares older forecasts by delivered messages', () => {
    const { reachSteps: _steps, conversionRate: _rate, ...older } = forecast;
    const result = compareForecastWithOutcome(older, { sent: 10000, delivered: 9700, converted: 600, revenue: 160000, holdoutSize: 0, holdoutConverted: 0 });
    expect(result.scale).toEqual({ planned: 9700, actual: 9700, factor: 1, basis: 'delivered' });
    expect(result.comparisons.map((comparison) => [comparison.metric, comparison.inside80])).toEqual([
      ['conversions', false],
      ['conversionRate', false],
      ['revenue', false],
    ]);
    expect(result.notes).toEqual(['No holdout was kept, so incremental conversions cannot be measured.']);
  });
});
