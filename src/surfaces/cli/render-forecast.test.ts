import { describe, expect, it } from 'vitest';
import type { Forecast, PlanForecastVersusActual } from '../../domain/plan.ts';
import { formatDriverEffect, renderForecastLines, renderForecastVersusActualLines } from './render-forecast.ts';

const forecast: Forecast = {
  reach: 9700,
  conversions: { p10: 300, p50: 400, p90: 500 },
  incrementalConversions: { p10: 100, p50: 200, p90: 300 },
  revenue: { p10: 90000, p50: 120000, p90: 150000 },
  cost: { p10: 500, p50: 500, p90: 500 },
  roi: { p10: 1, p50: 2, p90: 3 },
  currency: 'CNY',
  basedOn: ['Spring win-back SMS'],
  pastCampaigns: [{ id: 'cmp_past', name: 'Spring win-back SMS', similarity: 0.91, conversionRate: 0.042, sent: 5000, converted: 210, liftPoints: 1.5, weight: 0.62 }],
  assumptions: [],
  drivers: [
    { factor: 'channel', label: 'SMS: 2% respond', effect: 1.25, unit: 'multiplier', direction: 'up' },
    { factor: 'segment', label: 'About 3% would buy anyway', effect: 3.1, unit: 'points', direction: 'up' },
  ],
};

const versusActual: PlanForecastVersusActual = {
  campaignId: 'cmp_1',
  endedAt: '2026-12-01T00:00:00.000Z',
  outcome: { sent: 9000, delivered: 8800, converted: 520, revenue: 100000, holdoutSize: 0, holdoutConverted: 0 },
  scale: { planned: 10000, actual: 9000, factor: 0.9, basis: 'sent' },
  comparisons: [
    { metric: 'conversions', forecast: { p10: 270, p50: 360, p90: 450 }, actual: 520, inside80: false, relativeError: (360 - 520) / 520 },
    { metric: 'conversionRate', forecast: { p10: 0.03, p50: 0.04, p90: 0.05 }, actual: 0.0578, inside80: false, relativeError: -0.31 },
    { metric: 'revenue', forecast: { p10: 81000, p50: 108000, p90: 135000 }, actual: 100000, inside80: true, relativeError: 0.08 },
  ],
  notes: ['No holdout was kept, so incremental conversions cannot be measured.'],
};

describe('renderForecastLines', () => {
  it('prints the ranges, the drivers with their effect and the past campaigns with their outcomes', () => {
    expect(renderForecastLines(forecast, 'en')).toEqual([
      'Forecast (p10 / p50 / p90)',
      '  Conversions: 300 / 400 / 500',
      '  Incremental conversions: 100 / 200 / 300',
      '  Revenue: 90,000 / 120,000 / 150,000 CNY',
      '  Cost: 500 / 500 / 500 CNY',
      '  ROI: 1 / 2 / 3',
      '  Why:',
      '    Channel       ×1.25  SMS: 2% respond',
      '    Audience  +3.10 pts  About 3% would buy anyway',
      '  Past campaigns it leaned on:',
      '    Spring win-back SMS: 210 of 5,000 converted, 4.20%, lift +1.50 pts vs holdout (similarity 0.91, weight 0.62)',
    ]);
  });

  it('says there is nothing to forecast when nobody would receive a message, instead of printing zeros', () => {
    const zero = { p10: 0, p50: 0, p90: 0 };
    const empty: Forecast = { ...forecast, reach: 0, conversions: zero, incrementalConversions: zero, revenue: zero, cost: zero, roi: zero, pastCampaigns: [], drivers: [] };
    expect(renderForecastLines(empty, 'en')).toEqual([
      'Forecast (p10 / p50 / p90)',
      '  Nobody would receive a message (no customer in the segment, or none reachable), so there is nothing to forecast.',
    ]);
  });

  it('speaks Chinese for a Chinese goal', () => {
    const lines = renderForecastLines(forecast, 'zh');
    expect(lines[0]).toBe('预测（p10 / p50 / p90）');
    expect(lines).toContain('  参考的历史活动:');
    expect(lines.at(-1)).toBe('    Spring win-back SMS: 发送 5,000，转化 210，转化率 4.20%，相对对照组提升 +1.50 个百分点 (相似度 0.91, 权重 0.62)');
  });
});

describe('renderForecastVersusActualLines', () => {
  it('marks each figure inside or outside its 80% range', () => {
    expect(renderForecastVersusActualLines(versusActual, 'CNY', 'en')).toEqual([
      'Forecast versus actual (80% range; campaign ended 2026-12-01)',
      '  Outcome: sent 9,000, delivered 8,800, converted 520, revenue 100,000 CNY; no holdout',
      '  ✗ Conversions: 270 – 450 (p50 360)            actual 520: OUTSIDE the range, p50 -31%',
      '  ✗ Conversion rate: 3.00% – 5.00% (p50 4.00%)  actual 5.78%: OUTSIDE the range, p50 -31%',
      '  ✓ Revenue: 81,000 – 135,000 (p50 108,000)     actual 100,000: inside the range, p50 +8%',
      '  No holdout was kept, so incremental conversions cannot be measured.',
    ]);
  });

  it('keeps a decimal on small scaled counts, so a range just under the actual value does not read as reaching it', () => {
    const small = { ...versusActual, comparisons: [{ metric: 'conversions' as const, forecast: { p10: 0, p50: 0.96, p90: 1.92 }, actual: 2, inside80: false, relativeError: -0.52 }], notes: [] };
    expect(renderForecastVersusActualLines(small, 'CNY', 'en').at(-1)).toBe('  ✗ Conversions: 0 – 1.9 (p50 1)  actual 2: OUTSIDE the range, p50 -52%');
  });
});

describe('formatDriverEffect', () => {
  it('rounds half up as the driver labels do', () => {
    expect(formatDriverEffect({ factor: 'evidence', label: '', effect: 1.265, unit: 'multiplier', direction: 'up' })).toBe('×1.27');
    expect(formatDriverEffect({ factor: 'segment', label: '', effect: 0.26, unit: 'points', direction: 'up' })).toBe('+0.26 pts');
  });
});
