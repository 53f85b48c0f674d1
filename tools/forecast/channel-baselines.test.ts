import { describe, expect, it } from 'vitest';
import { BASELINE_RESPONSE_RATE, campaignEvidenceCap, discountMultiplier, priorResponseRate, repeatedResponseRate } from './channel-baselines.ts';

describe('channel baselines', () => {
  it('raises response with discount depth, with diminishing returns', () => {
    expect(discountMultiplier(0)).toBe(1);
    expect(discountMultiplier(10)).toBeCloseTo(1 + 0.04 * Math.pow(10, 0.7), 10);
    const firstTen = discountMultiplier(10) - discountMultiplier(0);
    const nextTen = discountMultiplier(20) - discountMultiplier(10);
    expect(nextTen).toBeGreaterThan(0);
    expect(nextTen).toBeLessThan(firstTen);
  });

  it('combines channel, objective and discount into a prior rate', () => {
    expect(priorResponseRate({ channels: ['sms'], objective: 'retention', discountPercent: 0 })).toBe(BASELINE_RESPONSE_RATE.sms);
    expect(priorResponseRate({ channels: ['sms', 'email'], objective: 'retention', discountPercent: 0 })).toBeCloseTo(0.0115, 10);
    const cart = priorResponseRate({ channels: ['email'], objective: 'cart_recovery', discountPercent: 0 });
    const awareness = priorResponseRate({ channels: ['email'], objective: 'awareness', discountPercent: 0 });
    const winback = priorResponseRate({ channels: ['email'], objective: 'winback', discountPercent: 0 });
    expect(cart).toBeGreaterThan(BASELINE_RESPONSE_RATE.email);
    expect(winback).toBeLessThan(BASELINE_RESPONSE_RATE.email);
    expect(awareness).toBeLessThan(winback);
  });

  it('caps what one campaign can teach, less so for rarer outcomes', () => {
    expect(campaignEvidenceCap(0.04)).toBeCloseTo(0.96 / (0.04 * 0.35 * 0.35), 6);
    expect(campaignEvidenceCap(0.015)).toBeGreaterThan(campaignEvidenceCap(0.05));
  });
});

describe('repeatedResponseRate', () => {
  it('is the rate itself for one send and the chance of answering any of several fading ones', () => {
    expect(repeatedResponseRate(0.1, 1)).toBeCloseTo(0.1, 12);
    expect(repeatedResponseRate(0.1, 2)).toBeCloseTo(1 - 0.9 * (1 - 0.06), 12);
    expect(repeatedResponseRate(0.1, 4, 1)).toBeCloseTo(1 - 0.9 ** 4, 12);
    expect(repeatedResponseRate(0.1, 52)).toBeLessThan(0.1 / (1 - 0.6));
  });
});
