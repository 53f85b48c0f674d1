// Forecast versus actual for a campaign: the forecast stored with its plan against the outcome
// recorded for it. Counts and money are scaled to the messages actually sent (a holdout or late
// exclusions change how many went out); each figure says whether the actual value fell inside the
// 80% range and how far the median forecast was off.
import type { Database } from '../data/database.ts';
import { Forecast, type ComparedMetric, type ComparisonScale, type FigureComparison, type PlanForecastVersusActual, type Range, type RecordedOutcome } from '../domain/plan.ts';
import { CodedError, ErrorCode } from '../errors.ts';

/** The outcome's figures; the shape is the domain's `RecordedOutcome`. */
export type RecordedOutcomeFigures = RecordedOutcome;
export type { ComparedMetric, FigureComparison };

export interface ForecastVersusActual {
  campaignId: string;
  name: string;
  status: string;
  endedAt: Date | null;
  forecast: Forecast | null;
  outcome: RecordedOutcomeFigures | null;
  /** Messages the forecast planned and those actually sent; the factor counts were scaled by. */
  scale: ComparisonScale | null;
  comparisons: FigureComparison[];
  notes: string[];
}

interface CampaignWithOutcome {
  id: string;
  name: string;
  status: string;
  ended_at: Date | null;
  forecast: unknown;
  sent: number | null;
  delivered: number | null;
  converted: number | null;
  revenue: number | null;
  holdout_size: number | null;
  holdout_converted: number | null;
  [key: string]: unknown;
}

const scaleRange = (range: Range, factor: number): Range => ({ p10: range.p10 * factor, p50: range.p50 * factor, p90: range.p90 * factor });

function compare(metric: ComparedMetric, forecast: Range, actual: number): FigureComparison {
  return {
    metric,
    forecast,
    actual,
    inside80: forecast.p10 <= actual && actual <= forecast.p90,
    relativeError: actual !== 0 ? (forecast.p50 - actual) / actual : null,
  };
}

function scaleOf(forecast: Forecast, outcome: RecordedOutcomeFigures): ForecastVersusActual['scale'] {
  const plannedSent = forecast.reachSteps?.recipients ?? forecast.funnel?.reduce((sum, step) => sum + step.sent, 0);
  if (plannedSent) return { planned: plannedSent, actual: outcome.sent, factor: outcome.sent / plannedSent, basis: 'sent' };
  if (forecast.reach > 0) return { planned: forecast.reach, actual: outcome.delivered, factor: outcome.delivered / forecast.reach, basis: 'delivered' };
  return null;
}

export function compareForecastWithOutcome(forecast: Forecast, outcome: RecordedOutcomeFigures): Pick<ForecastVersusActual, 'scale' | 'comparisons' | 'notes'> {
  const scale = scaleOf(forecast, outcome);
  if (!scale || scale.actual === 0) {
    return { scale, comparisons: [], notes: ['The forecast expected nobody to be reached, or nothing was sent: there is nothing to compare.'] };
  }
  const notes: string[] = [];
  if (Math.abs(scale.factor - 1) > 0.005) {
    notes.push(`Counts and revenue are scaled from the ${scale.planned.toLocaleString('en-US')} messages planned to the ${scale.actual.toLocaleString('en-US')} actually ${scale.basis === 'sent' ? 'sent' : 'delivered'}.`);
  }
  const plannedRate = forecast.conversionRate ?? scaleRange(forecast.conversions, 1 / scale.planned);
  const comparisons = [
    compare('conversions', scaleRange(forecast.conversions, scale.factor), outcome.converted),
    // Per message sent; per message delivered for older forecasts that planned only deliveries.
    compare('conversionRate', plannedRate, outcome.converted / scale.actual),
  ];
  if (outcome.holdoutSize > 0) {
    const holdoutRate = outcome.holdoutConverted / outcome.holdoutSize;
    comparisons.push(compare('incrementalConversions', scaleRange(forecast.incrementalConversions, scale.factor), outcome.converted - outcome.sent * holdoutRate));
  } else {
    notes.push('No holdout was kept, so incremental conversions cannot be measured.');
  }
  comparisons.push(compare('revenue', scaleRange(forecast.revenue, scale.factor), outcome.revenue));
  return { scale, comparisons, notes };
}

export async function forecastVersusActual(db: Database, campaignId: string): Promise<ForecastVersusActual> {
  const { rows } = await db.query<CampaignWithOutcome>(
    `SELECT c.id, c.name, c.status, c.ended_at, c.plan -> 'forecast' AS forecast,
            o.sent, o.delivered, o.converted, o.revenue, o.holdout_size, o.holdout_converted
       FROM campaigns c LEFT JOIN campaign_outcomes o ON o.campaign_id = c.id
      WHERE c.id = $1`,
    [campaignId],
  );
  const row = rows[0];
  if (!row) throw new CodedError(ErrorCode.NotFound, `there is no campaign ${campaignId}`);
  const parsed = row.forecast === null || row.forecast === undefined ? null : Forecast.safeParse(row.forecast);
  const forecast = parsed?.success ? parsed.data : null;
  const outcome: RecordedOutcomeFigures | null =
    row.sent === null
      ? null
      : {
          sent: Number(row.sent),
          delivered: Number(row.delivered),
          converted: Number(row.converted),
          revenue: Number(row.revenue),
          holdoutSize: Number(row.holdout_size),
          holdoutConverted: Number(row.holdout_converted),
        };
  const base = { campaignId: row.id, name: row.name, status: row.status, endedAt: row.ended_at, forecast, outcome };
  const notes: string[] = [];
  if (!forecast) notes.push(parsed ? 'The forecast stored with this campaign could not be read.' : 'No forecast was stored with this campaign (campaigns from the demo history have none).');
  if (!outcome) notes.push(`No outcome is recorded yet: import one with campaign-agent outcomes import FILE.csv.`);
  if (!forecast || !outcome) return { ...base, scale: null, comparisons: [], notes };
  return { ...base, ...compareForecastWithOutcome(forecast, outcome) };
}

/**
 * The comparison a plan shows for its campaign: null until an outcome is recorded (or when the
 * campaign is gone), so plans of campaigns still running look as they did.
 */
export async function planForecastVersusActual(db: Database, campaignId: string): Promise<PlanForecastVersusActual | null> {
  const result = await forecastVersusActual(db, campaignId).catch((error: unknown) => {
    if (error instanceof CodedError && error.code === ErrorCode.NotFound) return null;
    throw error;
  });
  if (!result?.outcome) return null;
  const endedAt = result.endedAt ? new Date(result.endedAt).toISOString() : null;
  return { campaignId: result.campaignId, endedAt, outcome: result.outcome, scale: result.scale, comparisons: result.comparisons, notes: result.notes };
}
