import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHillstromBacktest, type BacktestReport } from './backtest-hillstrom.ts';
import { syntheticCustomers } from './backtest-test-data.ts';
import { BACKTEST_TARGETS, formatBacktestReport } from './format-backtest.ts';
import { loadHillstrom } from './hillstrom-data.ts';
import { sliceFeaturesOf } from './hillstrom-campaigns.ts';

const HILLSTROM_FILE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'hillstrom', 'hillstrom.csv');

describe('runHillstromBacktest on synthetic customers', () => {
  const customers = syntheticCustomers({ perCell: 25 });
  const options = { seed: 4, draws: 300, minPerGroup: 20 };
  let report: BacktestReport;
  beforeAll(() => {
    report = runHillstromBacktest(customers, options);
  });

  it('forecasts every campaign once, from the other folds only, and the same way for the same seed', () => {
    expect(report.slices).toHaveLength(2 * 216);
    expect(new Set(report.slices.map((campaign) => campaign.fold))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(runHillstromBacktest(customers, options)).toEqual(report);
  });

  it('never lets a held-out campaign see its own outcomes', () => {
    const target = report.slices[0]!;
    const isTargetSlice = (customer: (typeof customers)[number]) => JSON.stringify(sliceFeaturesOf(customer)) === JSON.stringify(target.features);
    const changed = customers.map((customer) => (isTargetSlice(customer) ? { ...customer, visit: true, conversion: true } : customer));
    const rerun = runHillstromBacktest(changed, options);
    const byId = new Map(rerun.slices.map((campaign) => [campaign.id, campaign]));
    for (const campaign of report.slices) {
      const again = byId.get(campaign.id)!;
      if (campaign.fold === target.fold) expect(again.visit.forecastRate).toEqual(campaign.visit.forecastRate);
    }
    expect(byId.get(target.id)!.visit.actualRate).toBe(1);
    const otherFold = report.slices.find((campaign) => campaign.fold !== target.fold)!;
    expect(byId.get(otherFold.id)!.visit.forecastRate).not.toEqual(otherFold.visit.forecastRate);
  });

  it('summarises coverage, errors, lift signs and calibration consistently', () => {
    const checks = report.slices.flatMap((campaign) => [campaign.visit, campaign.conversion]);
    expect(report.coverage80).toBeCloseTo(checks.filter((check) => check.inside80).length / checks.length, 12);
    expect(report.calibration.map((row) => row.level)).toEqual([0.5, 0.8, 0.9, 0.95]);
    expect(report.calibration[1]!.overall).toBeCloseTo(report.coverage80, 12);
    for (let index = 1; index < report.calibration.length; index++) {
      expect(report.calibration[index]!.overall).toBeGreaterThanOrEqual(report.calibration[index - 1]!.overall);
    }
    expect(report.significantLifts).toBe(checks.filter((check) => check.liftSignificant).length);
    expect(report.coverage80).toBeGreaterThan(0.6);
    expect(report.coverage80).toBeLessThan(0.97);
  });
});

describe.runIf(existsSync(HILLSTROM_FILE))('runHillstromBacktest on the Hillstrom experiment', () => {
  let report: BacktestReport;
  beforeAll(async () => {
    report = runHillstromBacktest(await loadHillstrom(HILLSTROM_FILE), { seed: 1 });
  });

  it('meets the coverage, error and lift-sign targets', () => {
    expect(report.coverage80).toBeGreaterThanOrEqual(BACKTEST_TARGETS.coverage80.min);
    expect(report.coverage80).toBeLessThanOrEqual(BACKTEST_TARGETS.coverage80.max);
    expect(report.medianRelError).toBeLessThan(BACKTEST_TARGETS.medianRelError.max);
    expect(report.liftSignAccuracy).toBeGreaterThanOrEqual(BACKTEST_TARGETS.liftSignAccuracy.min);
    expect(report.significantLifts).toBeGreaterThan(30);
  });

  it('uses most of the experiment and cites it', () => {
    expect(report.dataset.customers).toBe(64000);
    expect(report.dataset.customersInSlices).toBeGreaterThan(40000);
    expect(report.slices.length).toBe(2 * report.dataset.customerSlices);
    const table = formatBacktestReport(report);
    expect(table).toContain('Source: Kevin Hillstrom, "MineThatData E-Mail Analytics And Data Mining Challenge" (2008)');
    expect(table).toMatch(/coverage80 +\d+\.\d% .*meets target/);
  });
});
