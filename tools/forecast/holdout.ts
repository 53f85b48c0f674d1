// Holdout sizing: how many customers to keep back so the campaign's lift can be measured, from
// the classic two-proportion sample size with equal groups.
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { standardNormalQuantile } from './distributions.ts';

export interface HoldoutInput {
  audience: number;
  /** Conversion rate without the campaign (the holdout's expected rate). */
  baselineRate: number;
  /** Expected absolute rate difference the campaign makes (0.005 = half a point). */
  expectedLift: number;
}

export interface HoldoutOptions {
  /** Chance of detecting the lift if it is real; default 0.8. */
  power?: number;
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
}

export interface HoldoutRecommendation {
  /** Share of the audience to hold out, in whole percent. */
  share: number;
  size: number;
  measurable: boolean;
  statement: string;
}

/** The smallest holdout worth keeping: even an unmeasurable one feeds future forecasts. */
export const MIN_HOLDOUT_SHARE = 0.05;

/** Customers needed in each group to detect `lift` over `baselineRate` (two-sided, equal groups). */
export function customersPerGroup(baselineRate: number, lift: number, options: Required<HoldoutOptions>): number {
  const zAlpha = standardNormalQuantile(1 - options.alpha / 2);
  const zPower = standardNormalQuantile(options.power);
  const treatedRate = baselineRate + lift;
  const pooled = (baselineRate + treatedRate) / 2;
  const numerator =
    zAlpha * Math.sqrt(2 * pooled * (1 - pooled)) +
    zPower * Math.sqrt(baselineRate * (1 - baselineRate) + treatedRate * (1 - treatedRate));
  return Math.ceil((numerator * numerator) / (lift * lift));
}

const formatCount = (count: number): string => Math.round(count).toLocaleString('en-US');
const customers = (count: number): string => `${formatCount(count)} customer${Math.round(count) === 1 ? '' : 's'}`;
const formatPoints = (rate: number): string => String(Number((rate * 100).toFixed(2)));

/** Rounds to two significant figures, for "about" figures. */
function roughly(count: number): number {
  if (count < 100) return count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(count)) - 1);
  return Math.round(count / magnitude) * magnitude;
}

function requireRate(value: number, field: string, { open }: { open: boolean }): void {
  const inside = open ? value > 0 && value < 1 : value >= 0 && value < 1;
  if (!Number.isFinite(value) || !inside) {
    throw new CodedError(ErrorCode.InvalidInput, `${field} must be a rate ${open ? 'between 0 and 1' : 'from 0 up to 1'}, got ${value}`);
  }
}

export function recommendHoldout(input: HoldoutInput, options: HoldoutOptions = {}): HoldoutRecommendation {
  const settings = { power: options.power ?? 0.8, alpha: options.alpha ?? 0.05 };
  if (!Number.isInteger(input.audience) || input.audience < 0) {
    throw new CodedError(ErrorCode.InvalidInput, `audience must be a whole number of customers, got ${input.audience}`);
  }
  requireRate(input.baselineRate, 'baselineRate', { open: false });
  requireRate(settings.power, 'power', { open: true });
  requireRate(settings.alpha, 'alpha', { open: true });
  if (!Number.isFinite(input.expectedLift) || input.baselineRate + input.expectedLift >= 1) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `expectedLift must keep the rate below 1: ${input.baselineRate} + ${input.expectedLift} is not a rate`,
    );
  }
  const minimumSize = Math.round(MIN_HOLDOUT_SHARE * input.audience);
  const keepSmallest = `A ${MIN_HOLDOUT_SHARE * 100}% holdout (${customers(minimumSize)}) still adds to what future forecasts learn from.`;
  if (input.expectedLift <= 0) {
    return {
      share: MIN_HOLDOUT_SHARE,
      size: minimumSize,
      measurable: false,
      statement: `No lift is expected, so there is nothing for a holdout to measure. ${keepSmallest}`,
    };
  }
  const perGroup = customersPerGroup(input.baselineRate, input.expectedLift, settings);
  const lift = `a lift of ${formatPoints(input.expectedLift)} points over a ${formatPoints(input.baselineRate)}% baseline`;
  if (perGroup > input.audience / 2) {
    return {
      share: MIN_HOLDOUT_SHARE,
      size: minimumSize,
      measurable: false,
      statement: `The audience of ${formatCount(input.audience)} is too small to measure ${lift}: about ${formatCount(roughly(perGroup))} per group would be needed. ${keepSmallest}`,
    };
  }
  const share = Math.max(MIN_HOLDOUT_SHARE, Math.ceil((perGroup / input.audience) * 100) / 100);
  const size = Math.round(share * input.audience);
  return {
    share,
    size,
    measurable: true,
    statement: `Hold out ${Math.round(share * 100)}% of the audience (${customers(size)}) to measure ${lift} with ${Math.round(settings.power * 100)}% power at ${Number((settings.alpha * 100).toFixed(2))}% significance (${formatCount(perGroup)} per group needed).`,
  };
}
