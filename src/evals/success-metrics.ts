// The product's success metrics, computed over the campaigns stored in a database: how many plans
// the agent produced were approved unchanged (submitted for approval once, then approved), how long
// it took from the goal to approval and to the first send, and how often what happened fell inside
// the forecast's p10–p90 range.
import type { Database } from '../data/database.ts';

export interface CampaignFact {
  id: string;
  /** Planned by the agent (it has a conversation thread), as opposed to imported or seeded. */
  byAgent: boolean;
  status: string;
  /** How many times a plan for this campaign was submitted for approval (revisions resubmit). */
  submissions: number;
  createdAt: Date;
  approvedAt: Date | null;
  firstSentAt: Date | null;
  forecast: { conversions: { p10: number; p90: number }; revenue: { p10: number; p90: number } } | null;
  outcome: { converted: number; revenue: number } | null;
}

export interface DurationSummary {
  campaigns: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface SuccessMetrics {
  agentPlans: {
    /** Agent plans a person decided on (approved or rejected). */
    decided: number;
    approvedUnchanged: number;
    approvedAfterChanges: number;
    rejected: number;
    awaitingApproval: number;
    /** Scheduled without approval because the policy did not ask for it: not counted in the share. */
    scheduledWithoutApproval: number;
    /** approvedUnchanged / decided; null when nothing was decided. */
    approvedUnchangedShare: number | null;
  };
  goalToApproval: DurationSummary;
  goalToFirstSend: DurationSummary;
  forecastVsActual: {
    campaigns: number;
    conversionsWithinRange: number;
    revenueWithinRange: number;
    conversionsShare: number | null;
    revenueShare: number | null;
  };
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function durations(pairs: ReadonlyArray<[Date, Date | null]>): DurationSummary {
  const minutes = pairs
    .filter((pair): pair is [Date, Date] => pair[1] !== null)
    .map(([from, to]) => Math.round(((to.getTime() - from.getTime()) / 60_000) * 10) / 10)
    .sort((a, b) => a - b);
  return { campaigns: minutes.length, medianMinutes: quantile(minutes, 0.5), p90Minutes: quantile(minutes, 0.9) };
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const within = (value: number, range: { p10: number; p90: number }) => value >= range.p10 && value <= range.p90;

export function successMetrics(facts: readonly CampaignFact[]): SuccessMetrics {
  const agent = facts.filter((fact) => fact.byAgent);
  const approved = agent.filter((fact) => fact.approvedAt !== null && fact.submissions > 0);
  const approvedUnchanged = approved.filter((fact) => fact.submissions === 1).length;
  const rejected = agent.filter((fact) => fact.status === 'rejected').length;
  const decided = approved.length + rejected;
  const compared = facts.filter((fact) => fact.forecast && fact.outcome);
  const conversionsWithinRange = compared.filter((fact) => within(fact.outcome!.converted, fact.forecast!.conversions)).length;
  const revenueWithinRange = compared.filter((fact) => within(fact.outcome!.revenue, fact.forecast!.revenue)).length;
  return {
    agentPlans: {
      decided,
      approvedUnchanged,
      approvedAfterChanges: approved.length - approvedUnchanged,
      rejected,
      awaitingApproval: agent.filter((fact) => fact.status === 'needs_approval').length,
      scheduledWithoutApproval: agent.filter((fact) => fact.submissions === 0 && fact.approvedAt === null && fact.status !== 'rejected' && fact.status !== 'blocked').length,
      approvedUnchangedShare: share(approvedUnchanged, decided),
    },
    goalToApproval: durations(agent.map((fact) => [fact.createdAt, fact.approvedAt])),
    goalToFirstSend: durations(agent.map((fact) => [fact.createdAt, fact.firstSentAt])),
    forecastVsActual: {
      campaigns: compared.length,
      conversionsWithinRange,
      revenueWithinRange,
      conversionsShare: share(conversionsWithinRange, compared.length),
      revenueShare: share(revenueWithinRange, compared.length),
    },
  };
}

type FactRow = {
  id: string;
  thread_id: string | null;
  status: string;
  submissions: string | number;
  created_at: Date;
  approved_at: Date | null;
  first_sent_at: Date | null;
  forecast: { conversions?: { p10: number; p90: number }; revenue?: { p10: number; p90: number } } | null;
  converted: number | null;
  revenue: string | number | null;
};

export async function readCampaignFacts(db: Database): Promise<CampaignFact[]> {
  const { rows } = await db.query<FactRow>(
    `SELECT c.id, c.thread_id, c.status, c.created_at, c.approved_at,
            (SELECT count(*) FROM audit_log a WHERE a.campaign_id = c.id AND a.action = 'submitted_for_approval') AS submissions,
            (SELECT min(s.sent_at) FROM sends s WHERE s.campaign_id = c.id) AS first_sent_at,
            c.plan -> 'forecast' AS forecast, o.converted, o.revenue
       FROM campaigns c LEFT JOIN campaign_outcomes o ON o.campaign_id = c.id
      ORDER BY c.created_at, c.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    byAgent: row.thread_id !== null,
    status: row.status,
    submissions: Number(row.submissions),
    createdAt: new Date(row.created_at),
    approvedAt: row.approved_at ? new Date(row.approved_at) : null,
    firstSentAt: row.first_sent_at ? new Date(row.first_sent_at) : null,
    forecast: row.forecast?.conversions && row.forecast.revenue ? { conversions: row.forecast.conversions, revenue: row.forecast.revenue } : null,
    outcome: row.converted === null || row.revenue === null ? null : { converted: Number(row.converted), revenue: Number(row.revenue) },
  }));
}

export async function computeSuccessMetrics(db: Database): Promise<SuccessMetrics> {
  return successMetrics(await readCampaignFacts(db));
}

export function formatSuccessMetrics(metrics: SuccessMetrics): string {
  const { agentPlans: plans, goalToApproval, goalToFirstSend, forecastVsActual: forecast } = metrics;
  const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const time = (summary: DurationSummary) =>
    summary.campaigns === 0 ? 'n/a (no campaigns yet)' : `median ${summary.medianMinutes} min, p90 ${summary.p90Minutes} min over ${summary.campaigns} campaigns`;
  return [
    `Plans approved unchanged: ${pct(plans.approvedUnchangedShare)} (${plans.approvedUnchanged} of ${plans.decided} decided; ${plans.approvedAfterChanges} approved after changes, ${plans.rejected} rejected, ${plans.awaitingApproval} awaiting approval, ${plans.scheduledWithoutApproval} needed no approval)`,
    `Goal to approval: ${time(goalToApproval)}`,
    `Goal to first send: ${time(goalToFirstSend)}`,
    forecast.campaigns === 0
      ? 'Forecast vs actual: n/a (no campaign has both a forecast and an outcome yet)'
      : `Forecast vs actual: conversions inside p10-p90 in ${pct(forecast.conversionsShare)}, revenue in ${pct(forecast.revenueShare)} of ${forecast.campaigns} campaigns`,
  ].join('\n');
}
