import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { RESPONSE_MODEL, drawCampaignOutcome, expectedDeliveryRate, expectedIncrementalRate } from './response-model.ts';

describe('RESPONSE_MODEL', () => {
  it('raises response with discount depth, with diminishing returns', () => {
    const effect = RESPONSE_MODEL.discountEffect;
    expect(effect(0)).toBe(1);
    expect(effect(10)).toBeGreaterThan(1.2);
    expect(effect(20)).toBeGreaterThan(effect(10));
    expect(effect(20) - effect(10)).toBeLessThan(effect(10) - effect(0));
    expect(effect(150)).toBe(effect(100));
  });

  it('combines channel, objective and discount into an incremental rate', () => {
    const rate = expectedIncrementalRate({ channels: ['sms'], objective: 'cart_recovery', discountPercent: 10 });
    expect(rate).toBeCloseTo(0.018 * 2.8 * RESPONSE_MODEL.discountEffect(10), 10);
    const mixed = expectedIncrementalRate({ channels: ['sms', 'email'], objective: 'retention', discountPercent: 0 });
    expect(mixed).toBeCloseTo((0.018 + 0.009) / 2, 10);
    expect(expectedDeliveryRate(['push', 'wecom'])).toBeCloseTo((0.86 + 0.96) / 2, 10);
  });
});

describe('drawCampaignOutcome', () => {
  const input = {
    channels: ['sms' as const],
    objective: 'winback' as const,
    discountPercent: 15,
    audienceSize: 20_000,
    holdoutShare: 0.08,
    averageOrderValue: 300,
  };

  it('keeps the counts consistent with one another', () => {
    const outcome = drawCampaignOutcome(input, createRandom(1));
    expect(outcome.holdoutSize).toBe(1600);
    expect(outcome.sent).toBeLessThanOrEqual(20_000 - 1600);
    expect(outcome.sent).toBeGreaterThan(0.95 * (20_000 - 1600));
    expect(outcome.delivered).toBeLessThanOrEqual(outcome.sent);
    expect(outcome.converted).toBeLessThanOrEqual(outcome.sent);
    expect(outcome.holdoutConverted).toBeLessThanOrEqual(outcome.holdoutSize);
    expect(outcome.revenue).toBeGreaterThan(0);
  });

  it('is deterministic for a given random stream', () => {
    expect(drawCampaignOutcome(input, createRandom(3))).toEqual(drawCampaignOutcome(input, createRandom(3)));
  });

  it('draws around the model: treated convert at organic + incremental, the holdout at organic', () => {
    const random = createRandom(7);
    const runs = Array.from({ length: 400 }, () => drawCampaignOutcome(input, random));
    const sum = (pick: (o: (typeof runs)[number]) => number): number => runs.reduce((total, run) => total + pick(run), 0);
    const incremental = expectedIncrementalRate(input);
    const delivery = expectedDeliveryRate(input.channels);
    // The campaign factor is log-normal with median 1, so its mean is exp(sd²/2).
    const meanFactor = Math.exp(RESPONSE_MODEL.campaignSpread ** 2 / 2);
    const expectedRate = RESPONSE_MODEL.organicRate + delivery * incremental * meanFactor;
    expect(sum((o) => o.converted) / sum((o) => o.sent)).toBeCloseTo(expectedRate, 3);
    expect(sum((o) => o.holdoutConverted) / sum((o) => o.holdoutSize)).toBeCloseTo(RESPONSE_MODEL.organicRate, 3);
    expect(sum((o) => o.delivered) / sum((o) => o.sent)).toBeCloseTo(delivery, 2);
  });

  it('varies campaigns by a log-normal factor with the documented spread', () => {
    const random = createRandom(8);
    const logs = Array.from({ length: 2000 }, () => Math.log(drawCampaignOutcome(input, random).campaignFactor));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(RESPONSE_MODEL.campaignSpread, 1);
  });
});
