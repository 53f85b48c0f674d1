import { describe, expect, it } from 'vitest';
import type { PastCampaignEvidence } from './forecast-input.ts';
import { forecastRates } from './forecast-rates.ts';

function visitCampaign(index: number, overrides: Partial<PastCampaignEvidence> = {}): PastCampaignEvidence {
  return {
    id: `v${index}`,
    name: `Visit campaign ${index}`,
    similarity: 0.8,
    ageDays: 0,
    channels: ['email'],
    objective: 'conversion',
    discountPercent: 0,
    sent: 2000,
    converted: 360, // 18 % visited
    revenue: 0,
    holdoutSize: 1000,
    holdoutConverted: 105, // 10.5 % without the e-mail
    ...overrides,
  };
}

const input = {
  channel: 'email' as const,
  objective: 'conversion' as const,
  discountPercent: 0,
  recipients: 400,
  pastCampaigns: Array.from({ length: 10 }, (_, index) => visitCampaign(index)),
  priors: { organic: { mean: 0.1, strength: 10 }, response: { mean: 0.07, strength: 40 } },
};

describe('forecastRates', () => {
  it('forecasts the treated rate and the lift around what similar campaigns did', () => {
    const forecast = forecastRates(input, { draws: 2000, seed: 3 });
    expect(forecast.organicRate).toBeCloseTo(0.105, 2);
    expect(forecast.treatedRate.p50).toBeGreaterThan(0.15);
    expect(forecast.treatedRate.p50).toBeLessThan(0.21);
    expect(forecast.treatedRate.p10).toBeLessThan(0.18);
    expect(forecast.treatedRate.p90).toBeGreaterThan(0.18);
    expect(forecast.lift.p50).toBeGreaterThan(0.04);
    expect(forecast.lift.p50).toBeLessThan(0.11);
    expect(forecast.treatedRateDraws).toHaveLength(2000);
    expect([...forecast.treatedRateDraws]).toEqual([...forecast.treatedRateDraws].sort((a, b) => a - b));
    expect(forecastRates(input, { draws: 2000, seed: 3 })).toEqual(forecast);
  });

  it('is wider for fewer recipients, and follows its priors without evidence', () => {
    const width = (recipients: number) => {
      const { treatedRate } = forecastRates({ ...input, recipients }, { draws: 2000, seed: 3 });
      return treatedRate.p90 - treatedRate.p10;
    };
    expect(width(50)).toBeGreaterThan(1.3 * width(5000));
    const priorOnly = forecastRates({ ...input, pastCampaigns: [] }, { draws: 2000, seed: 3 });
    expect(priorOnly.organicRate).toBeCloseTo(0.1, 10);
  });

  it('rejects impossible input naming it', () => {
    expect(() => forecastRates({ ...input, recipients: 0 })).toThrow(/recipients must be a whole number/);
    expect(() => forecastRates({ ...input, pastCampaigns: [visitCampaign(1, { converted: 3000 })] })).toThrow(/pastCampaigns\.0/);
  });
});
