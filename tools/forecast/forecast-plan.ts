// Forecasts a stored or edited plan (the JSON `plan --json` prints) against the current data: the
// plan is validated, its segment counted again as of now, and the draft forecast with its brief
// and schedule. An empty segment is refused with the audience.empty rule's explanation.
import { Plan, type Forecast, type SegmentSummary } from '../../src/domain/plan.ts';
import { CodedError, ErrorCode, describeIssues } from '../../src/errors.ts';
import type { PlannerToolContext } from '../planner-tool.ts';
import { queryAudienceFacts } from '../segments/audience-facts.ts';
import type { AudienceSnapshot } from '../segments/audience-snapshot.ts';
import { forecastDraft } from './tool.ts';

export const EMPTY_SEGMENT_MESSAGE =
  "the plan's segment matches no customers now (audience.empty): there is nothing to forecast; widen its conditions (for example the time window or the age range)";

/** Parses plan JSON; errors name the source and the field that is wrong. */
export function parsePlanJson(text: string, source: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CodedError(ErrorCode.InvalidInput, `${source} is not JSON: ${(error as Error).message}`);
  }
  const parsed = Plan.safeParse(json);
  if (!parsed.success) throw new CodedError(ErrorCode.InvalidInput, `${source} is not a valid plan: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export interface PlanForecast {
  forecast: Forecast;
  /** The plan's segment with its count and reach as of now. */
  segment: SegmentSummary;
  audience: AudienceSnapshot;
}

export async function forecastPlan(context: Omit<PlannerToolContext, 'draft'>, plan: Plan): Promise<PlanForecast> {
  const { brief } = plan;
  if (!brief) throw new CodedError(ErrorCode.InvalidInput, 'brief: the plan has no brief (it still needs clarification), so there is nothing to forecast');
  if (!plan.segment) throw new CodedError(ErrorCode.InvalidInput, 'segment: the plan has no segment, so there is nothing to forecast');
  const audience = await queryAudienceFacts(context.db, {
    definition: plan.segment.definition,
    asOf: context.asOf,
    channels: brief.channels,
    minimumAge: context.policy.minors.minimumAge,
    frequencyCap: context.policy.frequencyCap,
    sendAt: context.asOf,
  });
  if (audience.count === 0) throw new CodedError(ErrorCode.InvalidInput, EMPTY_SEGMENT_MESSAGE);
  const segment: SegmentSummary = { ...plan.segment, count: audience.count, reachable: audience.reachable };
  const forecast = await forecastDraft({ ...context, draft: {} }, { brief, segment, audience, schedule: plan.schedule });
  return { forecast, segment, audience };
}
