import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Forecast } from '../../src/domain/plan.ts';
import type { Range } from '../../src/domain/plan.ts';
import { CodedError } from '../../src/errors.ts';
import { discountMultiplier } from './channel-baselines.ts';
import { forecastImpact } from './forecast-impact.ts';
import type { ForecastInput, PastCampaignEvidence } from './forecast-impact.ts';

function pastCampaign(index: number, overrides: Partial<PastCampaignEvidence> = {}): PastCampaignEvidence {
  return {
    id: `c${index}`,
    name: `Retention SMS ${index}`,
    similarity: 0.9,
    ageDays: 30 * index,
    channels: ['sms'],
    objective: 'retention',
    discountPercent: 10,
    sent: 20000,
    converted: 700,
    revenue: 210000,
    holdoutSize: 2000,
    holdoutConverted: 40,
    ...overrides,
  };
}

const baseInput: ForecastInput = {
  objective: 'retention',
  channels: ['sms'],
  discountPercent: 10,
  reachByChannel: { sms: 20000 },
  segment: { customers: 22000, purchasedLast30Days: 900, averageOrderValue: 300, orderValueStdDev: 240 },
  pastCampaigns: [],
  costPerMessage: { sms: 0.05 },
  currency: 'CNY',
};

const relativeWidth = (range: Range): number => (range.p90 - range.p10) / range.p50;
const ranges = (forecast: Forecast): Range[] => [
  forecast.conversions,
  forecast.incrementalConversions,
  forecast.revenue,
  forecast.cost,
  forecast.roi,
  forecast.conversionRate!,
  forecast.incrementalRevenue!,
  forecast.costBreakdown!.discount,
  forecast.costBreakdown!.discountOnOrganic,
  ...forecast.funnel!.flatMap((step) => [step.delivered, step.converted, ...(step.opened ? [step.opened] : []), ...(step.clicked ? [step.clicked] : [])]),
];

describe('forecastImpact', () => {
  it('returns a valid forecast and the same one for the same seed', () => {
    const input = { ...baseInput, pastCampaigns: [pastCampaign(1)] };
    const first = forecastImpact(input, { seed: 5 });
    expect(Forecast.parse(first)).toEqual(first);
    expect(forecastImpact(input, { seed: 5 })).toEqual(first);
    expect(forecastImpact(input, { seed: 6 }).conversions).not.toEqual(first.conversions);
    expect(first.reach).toBe(Math.round(20000 * 0.97));
  });

  it('narrows the range as evidence accumulates', () => {
    const widths = [0, 1, 5].map((count) => {
      const pastCampaigns = Array.from({ length: count }, (_, index) => pastCampaign(index + 1));
      return relativeWidth(forecastImpact({ ...baseInput, pastCampaigns }).incrementalConversions);
    });
    expect(widths[1]).toBeLessThan(widths[0] as number);
    expect(widths[2]).toBeLessThan(widths[1] as number);
  });

  it('pulls p50 toward a strongly similar campaign’s rate', () => {
    const delivered = Math.round(20000 * 0.97);
    const withoutEvidence = forecastImpact(baseInput).conversions.p50 / delivered;
    const strong = pastCampaign(1, { similarity: 0.98, ageDays: 10, converted: 1400 }); // 7 %
    const withEvidence = forecastImpact({ ...baseInput, pastCampaigns: [strong] }).conversions.p50 / delivered;
    expect(withEvidence).toBeGreaterThan(withoutEvidence + 0.5 * (0.07 - withoutEvidence));
    expect(withEvidence).toBeLessThan(0.07);
    const weak = pastCampaign(1, { similarity: 0.3, ageDays: 500, converted: 1400 });
    const withWeakEvidence = forecastImpact({ ...baseInput, pastCampaigns: [weak] }).conversions.p50 / delivered;
    expect(withWeakEvidence).toBeLessThan(withEvidence);
  });

  it('gives small audiences much wider ranges relative to p50 than large ones', () => {
    const forAudience = (audience: number): Forecast =>
      forecastImpact({
        ...baseInput,
        reachByChannel: { sms: audience },
        segment: { ...baseInput.segment, customers: audience, purchasedLast30Days: Math.round(audience * 0.04) },
        pastCampaigns: [1, 2, 3].map((index) => pastCampaign(index)),
      });
    const small = forAudience(50);
    const large = forAudience(50000);
    expect(relativeWidth(small.conversions)).toBeGreaterThan(2 * relativeWidth(large.conversions));
    expect(small.conversions.p10).toBeLessThan(small.conversions.p90);
  });

  it('keeps p10 <= p50 <= p90 for every figure and any input', () => {
    const channel = fc.constantFrom('sms' as const, 'email' as const, 'push' as const, 'wecom' as const);
    const campaign = fc.record({
      similarity: fc.double({ min: 0, max: 1, noNaN: true }),
      ageDays: fc.integer({ min: 0, max: 1000 }),
      channel,
      sent: fc.integer({ min: 0, max: 100000 }),
      conversionShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
      holdoutSize: fc.integer({ min: 0, max: 5000 }),
      holdoutShare: fc.double({ min: 0, max: 0.2, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.record({
          channel,
          reach: fc.integer({ min: 0, max: 200000 }),
          buyers: fc.double({ min: 0, max: 1, noNaN: true }),
          discount: fc.integer({ min: 0, max: 80 }),
          orderValue: fc.option(fc.double({ min: 1, max: 5000, noNaN: true })),
          cost: fc.double({ min: 0, max: 1, noNaN: true }),
          campaigns: fc.array(campaign, { maxLength: 4 }),
        }),
        (drawn) => {
          const forecast = forecastImpact(
            {
              ...baseInput,
              channels: [drawn.channel],
              discountPercent: drawn.discount,
              reachByChannel: { [drawn.channel]: drawn.reach },
              segment: {
                customers: drawn.reach,
                purchasedLast30Days: Math.floor(drawn.reach * drawn.buyers),
                averageOrderValue: drawn.orderValue,
                orderValueStdDev: null,
              },
              costPerMessage: { [drawn.channel]: drawn.cost },
              pastCampaigns: drawn.campaigns.map((c, index) =>
                pastCampaign(index, {
                  similarity: c.similarity,
                  ageDays: c.ageDays,
                  channels: [c.channel],
                  sent: c.sent,
                  converted: Math.floor(c.sent * c.conversionShare),
                  holdoutSize: c.holdoutSize,
                  holdoutConverted: Math.floor(c.holdoutSize * c.holdoutShare),
                }),
              ),
            },
            { draws: 300 },
          );
          const parsed = Forecast.safeParse(forecast);
          expect(parsed.error?.issues ?? [], JSON.stringify(forecast)).toEqual([]);
          for (const range of ranges(forecast)) {
            expect(range.p10).toBeLessThanOrEqual(range.p50);
            expect(range.p50).toBeLessThanOrEqual(range.p90);
          }
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it('returns zeros and says so when nobody can be reached', () => {
    const forecast = forecastImpact({ ...baseInput, reachByChannel: { sms: 0 }, pastCampaigns: [pastCampaign(1)] });
    const zero = { p10: 0, p50: 0, p90: 0 };
    expect(forecast).toEqual({
      reach: 0,
      conversions: zero,
      incrementalConversions: zero,
      revenue: zero,
      cost: zero,
      roi: zero,
      currency: 'CNY',
      basedOn: [],
      pastCampaigns: [],
      assumptions: [expect.stringContaining('Nobody can be reached')],
      reachSteps: { segment: 22000, consented: 0, recipients: 0, delayedByQuietHours: null },
      funnel: [],
      conversionRate: zero,
      incrementalRevenue: zero,
      costBreakdown: { messages: zero, discount: zero, discountOnOrganic: zero },
      holdout: { share: 0, size: 0, measurable: false, statement: 'Nobody can be reached, so there is nothing to hold out.' },
      drivers: [],
    });
  });

  it('counts message cost exactly and states the fallback order value and missing evidence', () => {
    const forecast = forecastImpact({
      ...baseInput,
      discountPercent: 0,
      segment: { ...baseInput.segment, averageOrderValue: null, orderValueStdDev: null },
    });
    expect(forecast.cost).toEqual({ p10: 1000, p50: 1000, p90: 1000 });
    expect(forecast.basedOn).toEqual([]);
    expect(forecast.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringContaining('No similar past campaigns were found'),
        'No order history for this segment: an average order of 200 CNY is assumed.',
        expect.stringContaining('within 14 days'),
      ]),
    );
  });

  it('pays for every send of a recurring campaign and counts each buyer once, with fading returns', () => {
    const once = forecastImpact({ ...baseInput, discountPercent: 0, pastCampaigns: [pastCampaign(1)] });
    const fourTimes = forecastImpact({ ...baseInput, discountPercent: 0, pastCampaigns: [pastCampaign(1)], sendsPerRecipient: 4, campaignDays: 35 });
    expect(once.cost).toEqual({ p10: 1000, p50: 1000, p90: 1000 });
    expect(fourTimes.cost).toEqual({ p10: 4000, p50: 4000, p90: 4000 });
    const extra = (forecast: Forecast) => forecast.incrementalConversions.p50;
    // Four sends at 1, 0.6, 0.36 and 0.216 times the first one's pull: about 2.2 times the responders, never 4.
    expect(extra(fourTimes) / extra(once)).toBeGreaterThan(1.8);
    expect(extra(fourTimes) / extra(once)).toBeLessThan(2.6);
    expect(fourTimes.funnel![0]!.sent).toBe(20000);
    expect(fourTimes.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Each recipient gets 4 messages: all are paid for; each later one is assumed to move 60%'),
        expect.stringContaining('from the first message to 14 days after the last (35 days)'),
      ]),
    );
  });

  it('charges the discount on every conversion, including those that would have happened anyway', () => {
    const forecast = forecastImpact({ ...baseInput, discountPercent: 20, costPerMessage: {} });
    expect(forecast.cost.p50).toBeCloseTo(forecast.revenue.p50 * 0.2, -1);
    expect(forecast.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringContaining('including those who would have bought anyway'),
        'No per-message cost was given for sms: sending on it is counted as free.',
      ]),
    );
  });

  it('cites the five weightiest past campaigns, strongest first, with their rates', () => {
    const pastCampaigns = [
      pastCampaign(1, { similarity: 0.5 }),
      pastCampaign(2, { similarity: 0.99, ageDays: 0 }),
      pastCampaign(3, { similarity: 0.1 }), // too faint to cite
      pastCampaign(4),
      pastCampaign(5),
      pastCampaign(6),
      pastCampaign(7),
    ];
    const forecast = forecastImpact({ ...baseInput, pastCampaigns });
    expect(forecast.basedOn).toEqual(['Retention SMS 2', 'Retention SMS 4', 'Retention SMS 5', 'Retention SMS 6', 'Retention SMS 7']);
    expect(forecast.pastCampaigns[0]).toEqual({
      id: 'c2',
      name: 'Retention SMS 2',
      similarity: 0.99,
      conversionRate: 0.035,
      sent: 20000,
      converted: 700,
      liftPoints: 1.5, // 3.5 % against a 2 % holdout
      weight: 0.98,
    });
  });

  it('rejects impossible counts with a message naming the field', () => {
    const broken = { ...baseInput, pastCampaigns: [pastCampaign(1, { converted: 30000 })] };
    expect(() => forecastImpact(broken)).toThrow(CodedError);
    expect(() => forecastImpact(broken)).toThrow(/pastCampaigns\.0\.converted/);
    expect(() => forecastImpact({ ...baseInput, reachByChannel: { sms: -5 } })).toThrow(/reachByChannel\.sms/);
    expect(() => forecastImpact(baseInput, { draws: 0 })).toThrow(/options\.draws/);
  });

  it('gives each channel its funnel: delivered, then opens and clicks where the channel has them, then conversions', () => {
    const forecast = forecastImpact({
      ...baseInput,
      channels: ['email', 'sms', 'push', 'wecom'],
      reachByChannel: { email: 8000, sms: 6000, push: 4000, wecom: 2000 },
      costPerMessage: { email: 0.001, sms: 0.05, push: 0.0005, wecom: 0.01 },
    });
    const funnel = forecast.funnel!;
    expect(funnel.map((step) => [step.channel, step.sent, step.opened !== null, step.clicked !== null])).toEqual([
      ['email', 8000, true, true],
      ['sms', 6000, false, true],
      ['push', 4000, true, false],
      ['wecom', 2000, false, true],
    ]);
    for (const step of funnel) {
      expect(step.delivered.p90).toBeLessThanOrEqual(step.sent);
      const engaged = step.clicked ?? step.opened!;
      expect(engaged.p50).toBeLessThanOrEqual(step.delivered.p50);
      if (step.opened && step.clicked) expect(step.clicked.p90).toBeLessThan(step.opened.p10);
    }
    const email = funnel[0]!;
    expect(email.delivered.p50).toBeCloseTo(8000 * 0.95, -1);
    expect(email.opened!.p50 / email.delivered.p50).toBeCloseTo(0.2, 1);
    const summedConversions = funnel.reduce((sum, step) => sum + step.converted.p50, 0);
    expect(Math.abs(summedConversions - forecast.conversions.p50)).toBeLessThan(0.1 * forecast.conversions.p50);
    expect(forecast.conversionRate!.p50).toBeCloseTo(forecast.conversions.p50 / 20000, 3);
  });

  it('reports reach steps, revenue beyond what would happen anyway, and where the cost goes', () => {
    const forecast = forecastImpact({
      ...baseInput,
      audienceSteps: { consented: 21000, delayedByQuietHours: 3500 },
      pastCampaigns: [pastCampaign(1)],
    });
    expect(forecast.reachSteps).toEqual({ segment: 22000, consented: 21000, recipients: 20000, delayedByQuietHours: 3500 });
    expect(forecast.assumptions).toContain("3,500 sends fall in the recipients' quiet hours and go out when they end; none are dropped.");
    expect(forecast.incrementalRevenue!.p50).toBeGreaterThan(0);
    expect(forecast.incrementalRevenue!.p50).toBeLessThan(forecast.revenue.p50);
    const costs = forecast.costBreakdown!;
    expect(costs.messages).toEqual({ p10: 1000, p50: 1000, p90: 1000 });
    expect(costs.discountOnOrganic.p50).toBeGreaterThan(0);
    expect(costs.discountOnOrganic.p50).toBeLessThan(costs.discount.p50);
    expect(costs.messages.p50 + costs.discount.p50).toBeCloseTo(forecast.cost.p50, -2);
    expect(() => forecastImpact({ ...baseInput, audienceSteps: { consented: 100, delayedByQuietHours: null } })).toThrow(/audienceSteps\.consented/);
  });

  it('recommends a holdout that can measure the lift in a large audience, and says when it cannot', () => {
    const large = forecastImpact({ ...baseInput, pastCampaigns: [1, 2, 3].map((index) => pastCampaign(index)) });
    expect(large.holdout).toMatchObject({ measurable: true });
    expect(large.holdout!.size).toBe(Math.round(large.holdout!.share * 20000));
    const small = forecastImpact({
      ...baseInput,
      reachByChannel: { sms: 300 },
      segment: { ...baseInput.segment, customers: 320, purchasedLast30Days: 13 },
    });
    expect(small.holdout).toMatchObject({ measurable: false, share: 0.05, size: 15 });
    expect(small.holdout!.statement).toMatch(/too small to measure/);
  });

  it('names its drivers with their effect on the response rate, in a fixed order', () => {
    const forecast = forecastImpact({
      ...baseInput,
      sendDate: '2025-11-11',
      pastCampaigns: [pastCampaign(1, { similarity: 0.98, ageDays: 10, converted: 1400 })],
    });
    const drivers = forecast.drivers!;
    expect(drivers.map((driver) => driver.factor)).toEqual(['channel', 'objective', 'offer', 'evidence', 'segment', 'season']);
    const byFactor = Object.fromEntries(drivers.map((driver) => [driver.factor, driver]));
    expect(byFactor.channel).toMatchObject({ unit: 'multiplier', direction: 'up', effect: Math.round((0.015 / 0.01225) * 1000) / 1000 });
    expect(byFactor.objective).toMatchObject({ effect: 1, direction: 'neutral' });
    expect(byFactor.offer).toMatchObject({ effect: Math.round(discountMultiplier(10) * 1000) / 1000, direction: 'up', label: 'A 10% discount lifts response ×1.20' });
    expect(byFactor.evidence!.effect).toBeGreaterThan(1.5); // a 7 % campaign against a ~1.8 % baseline
    expect(byFactor.evidence!.label).toMatch(/^1 similar past campaign: response ×/);
    expect(byFactor.segment).toMatchObject({ unit: 'points', direction: 'up' });
    expect(byFactor.segment!.effect).toBeGreaterThan(1);
    expect(byFactor.season).toMatchObject({ effect: 1, direction: 'neutral' });
    expect(byFactor.season!.label).toMatch(/^Sending in November: no seasonal effect/);
  });
});
