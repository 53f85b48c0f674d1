// Backtests the forecast on the Hillstrom e-mail experiment. The seed shuffles the customer slices
// into folds; each fold is held out in turn and both of its e-mail campaigns are forecast from the
// campaigns of the other folds alone (evidence, priors and similarity never see held-out data).
// Reports how often actual visit and conversion rates fall in the 80% range, the median relative
// error of the median visit rate, whether the forecast gets the sign of significant lifts right,
// and the calibration at several levels.
import type { Range } from '../domain/plan.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { forecastRates } from '../../tools/forecast/forecast-rates.ts';
import { createSeededRandom } from '../../tools/forecast/seeded-random.ts';
import { CALIBRATION_LEVELS, insideCentralInterval, median, probabilityIntegralTransform, share, twoProportionTest } from './backtest-metrics.ts';
import { EMAIL_VERSIONS, buildSlices, type CustomerSlice, type EmailVersion, type SliceCampaign, type SliceFeatures } from './hillstrom-campaigns.ts';
import { HILLSTROM_SOURCE, type HillstromCustomer } from './hillstrom-data.ts';
import { evidenceFrom, outcomeCount, trainingPriors, type BacktestOutcome } from './slice-evidence.ts';

export const BACKTEST_OUTCOMES: readonly BacktestOutcome[] = ['visit', 'conversion'];

export interface BacktestOptions {
  seed?: number;
  /** Number of folds the slices are split into; default 5. */
  folds?: number;
  /** Monte Carlo draws per forecast; default 2000. */
  draws?: number;
  /** Fewest customers per group (Mens, Womens, No E-Mail) for a slice to be used; default 100. */
  minPerGroup?: number;
  /** Use only this many most similar training campaigns as evidence; default 0: all of them. */
  recall?: number;
}

export interface OutcomeCheck {
  actualRate: number;
  forecastRate: Range;
  inside80: boolean;
  /** |p50 − actual| ÷ actual; null when the actual rate is zero. */
  relativeError: number | null;
  /** Treated rate minus the slice's No E-Mail rate. */
  actualLift: number;
  liftSignificant: boolean;
  forecastLift: Range;
  /** Whether the forecast lift's median has the sign of a significant actual lift; null when not significant. */
  liftSignRight: boolean | null;
  /** The calibration levels whose central interval holds the actual rate. */
  insideLevels: number[];
  /** Where the actual rate fell among the forecast draws (0 to 1; ties count half). */
  pit: number;
}

export interface HeldOutCampaign {
  id: string;
  name: string;
  version: EmailVersion;
  features: SliceFeatures;
  fold: number;
  recipients: number;
  controlGroup: number;
  visit: OutcomeCheck;
  conversion: OutcomeCheck;
}

export interface CalibrationRow {
  /** Nominal coverage of the central interval. */
  level: number;
  visit: number;
  conversion: number;
  overall: number;
}

export interface BacktestReport {
  dataset: { name: string; source: string; customers: number; customersInSlices: number; customerSlices: number };
  seed: number;
  folds: number;
  /** Most similar training campaigns used as evidence; null: all of them. */
  recall: number | null;
  /** Every campaign, each forecast once while its fold was held out. */
  slices: HeldOutCampaign[];
  /** Share of actual visit and conversion rates inside [p10, p90]. */
  coverage80: number;
  coverage80ByOutcome: Record<BacktestOutcome, number>;
  /** Median relative error of the p50 visit rate. */
  medianRelError: number;
  medianRelErrorByOutcome: Record<BacktestOutcome, number | null>;
  /** Share of significant held-out lifts (z-test, 5%) whose sign the forecast got right. */
  liftSignAccuracy: number | null;
  significantLifts: number;
  calibration: CalibrationRow[];
}

/** Assigns each slice to a fold: a seeded shuffle, then round-robin. */
function assignFolds(slices: readonly CustomerSlice[], folds: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const order = slices.map((_, index) => ({ index, key: random.uniform() })).sort((a, b) => a.key - b.key);
  const fold = new Array<number>(slices.length).fill(0);
  order.forEach((entry, position) => (fold[entry.index] = position % folds));
  return fold;
}

function checkOutcome(campaign: SliceCampaign, control: CustomerSlice['control'], outcome: BacktestOutcome, forecast: ReturnType<typeof forecastRates>): OutcomeCheck {
  const actualRate = outcomeCount(campaign.treated, outcome) / campaign.treated.customers;
  const test = twoProportionTest(
    { successes: outcomeCount(campaign.treated, outcome), trials: campaign.treated.customers },
    { successes: outcomeCount(control, outcome), trials: control.customers },
  );
  return {
    actualRate,
    forecastRate: forecast.treatedRate,
    inside80: insideCentralInterval(forecast.treatedRateDraws, actualRate, 0.8),
    relativeError: actualRate > 0 ? Math.abs(forecast.treatedRate.p50 - actualRate) / actualRate : null,
    actualLift: test.lift,
    liftSignificant: test.significant,
    forecastLift: forecast.lift,
    liftSignRight: test.significant ? Math.sign(forecast.lift.p50) === Math.sign(test.lift) : null,
    insideLevels: CALIBRATION_LEVELS.filter((level) => insideCentralInterval(forecast.treatedRateDraws, actualRate, level)),
    pit: probabilityIntegralTransform(forecast.treatedRateDraws, actualRate),
  };
}

function validateOptions(options: BacktestOptions): Required<BacktestOptions> {
  const resolved = { seed: options.seed ?? 1, folds: options.folds ?? 5, draws: options.draws ?? 2000, minPerGroup: options.minPerGroup ?? 100, recall: options.recall ?? 0 };
  const checks = [['seed', resolved.seed, 0], ['folds', resolved.folds, 2], ['draws', resolved.draws, 100], ['minPerGroup', resolved.minPerGroup, 1], ['recall', resolved.recall, 0]] as const;
  for (const [name, value, min] of checks) {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new CodedError(ErrorCode.InvalidInput, `${name} must be a whole number of at least ${min}, got ${value}`);
    }
  }
  return resolved;
}

function summarise(checks: HeldOutCampaign[], outcome: BacktestOutcome | null, pick: (check: OutcomeCheck) => boolean): number {
  const outcomes = outcome ? [outcome] : BACKTEST_OUTCOMES;
  return share(checks.flatMap((campaign) => outcomes.map((name) => pick(campaign[name])))) ?? 0;
}

export function runHillstromBacktest(customers: readonly HillstromCustomer[], options: BacktestOptions = {}): BacktestReport {
  const { seed, folds, draws, minPerGroup, recall } = validateOptions(options);
  const slices = buildSlices(customers, { seed, minPerGroup });
  if (slices.length < folds * 2) {
    throw new CodedError(ErrorCode.InvalidInput, `only ${slices.length} slices have ${minPerGroup} customers in every group: too few to hold out ${folds} folds`);
  }
  const foldOf = assignFolds(slices, folds, seed);
  const heldOut: HeldOutCampaign[] = [];
  let forecastIndex = 0;
  for (let fold = 0; fold < folds; fold++) {
    const training = slices.filter((_, index) => foldOf[index] !== fold).flatMap((slice) => EMAIL_VERSIONS.map((version) => slice.campaigns[version]));
    slices.forEach((slice, index) => {
      if (foldOf[index] !== fold) return;
      for (const version of EMAIL_VERSIONS) {
        const campaign = slice.campaigns[version];
        const checks = Object.fromEntries(
          BACKTEST_OUTCOMES.map((outcome) => {
            forecastIndex += 1;
            const forecast = forecastRates(
              {
                channel: 'email',
                objective: 'conversion',
                discountPercent: 0,
                recipients: campaign.treated.customers,
                pastCampaigns: evidenceFrom(training, campaign, outcome, { recall: recall > 0 ? recall : undefined }),
                priors: trainingPriors(training, outcome),
              },
              { draws, seed: seed * 100_000 + forecastIndex },
            );
            return [outcome, checkOutcome(campaign, slice.control, outcome, forecast)];
          }),
        ) as Record<BacktestOutcome, OutcomeCheck>;
        heldOut.push({
          id: campaign.id,
          name: campaign.name,
          version,
          features: campaign.features,
          fold,
          recipients: campaign.treated.customers,
          controlGroup: slice.control.customers,
          ...checks,
        });
      }
    });
  }
  heldOut.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const significant = heldOut.flatMap((campaign) => BACKTEST_OUTCOMES.map((outcome) => campaign[outcome].liftSignRight)).filter((right): right is boolean => right !== null);
  const relativeErrors = (outcome: BacktestOutcome) =>
    heldOut.map((campaign) => campaign[outcome].relativeError).filter((error): error is number => error !== null);
  return {
    dataset: {
      name: 'Hillstrom MineThatData e-mail experiment',
      source: HILLSTROM_SOURCE,
      customers: customers.length,
      customersInSlices: slices.reduce((sum, slice) => sum + slice.control.customers + slice.campaigns.mens.treated.customers + slice.campaigns.womens.treated.customers, 0),
      customerSlices: slices.length,
    },
    seed,
    folds,
    recall: recall > 0 ? recall : null,
    slices: heldOut,
    coverage80: summarise(heldOut, null, (check) => check.inside80),
    coverage80ByOutcome: { visit: summarise(heldOut, 'visit', (check) => check.inside80), conversion: summarise(heldOut, 'conversion', (check) => check.inside80) },
    medianRelError: median(relativeErrors('visit')) ?? 0,
    medianRelErrorByOutcome: { visit: median(relativeErrors('visit')), conversion: median(relativeErrors('conversion')) },
    liftSignAccuracy: share(significant),
    significantLifts: significant.length,
    calibration: CALIBRATION_LEVELS.map((level) => {
      const inside = (check: OutcomeCheck): boolean => check.insideLevels.includes(level);
      return { level, visit: summarise(heldOut, 'visit', inside), conversion: summarise(heldOut, 'conversion', inside), overall: summarise(heldOut, null, inside) };
    }),
  };
}
