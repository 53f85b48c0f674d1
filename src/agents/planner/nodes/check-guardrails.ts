// Runs the deterministic guardrails on the completed draft. Fixes are applied to the draft (and
// the forecast refreshed when they change what it depends on); a block either goes back to the
// model for a bounded number of revisions or ends the request as blocked.
import { HumanMessage } from '@langchain/core/messages';
import { forecastDraft } from '../../../../tools/forecast/tool.ts';
import { instantSpan } from '../../../../tools/schedule/resolve-schedule.ts';
import type { GuardrailVerdict } from '../../../domain/plan.ts';
import { appendAudit } from '../../../data/campaigns.ts';
import { queryCategoryMargins } from '../../../guardrails/guardrail-facts.ts';
import { runGuardrails } from '../../../guardrails/run-guardrails.ts';
import { GUARDRAIL_FEEDBACK_NAME } from '../../../../tools/tool-names.ts';
import type { PlannerDeps } from '../deps.ts';
import type { PlannerStateType, PlannerUpdate } from '../state.ts';


const EMPTY_AUDIENCE_RULE = 'audience.empty';

function emptyAudienceVerdict(locale: 'en' | 'zh'): GuardrailVerdict {
  return {
    rule: EMPTY_AUDIENCE_RULE,
    status: 'blocked',
    detail:
      locale === 'zh'
        ? '该人群没有匹配到任何客户：请放宽条件（例如时间窗口或年龄范围）。'
        : 'The segment matches no customers: widen its conditions (for example the time window or the age range).',
  };
}

export function makeCheckGuardrails(deps: PlannerDeps) {
  const maxRevisions = deps.maxGuardrailRevisions ?? 2;
  return async function checkGuardrails(state: PlannerStateType, config: { configurable?: { thread_id?: string } }): Promise<PlannerUpdate> {
    const { brief, segment, audience, schedule } = state;
    if (!brief || !segment || !audience || !schedule) throw new Error('guardrails need a complete draft');

    const outcome =
      segment.count === 0
        ? { verdicts: [emptyAudienceVerdict(brief.locale)], draft: { brief, messages: state.copy, schedule }, exclusions: [], blocked: true }
        : runGuardrails({
            draft: { brief, messages: state.copy, schedule },
            audience,
            policy: deps.policy,
            referenceOrderValue: audience.averageOrderValue ?? 0,
            segment: segment.definition,
            categoryMargins: await queryCategoryMargins(deps.db, { currency: deps.policy.currency }),
            // A hard budget is checked against the cautious end of the forecast.
            expectedConverters: state.forecast?.conversions.p90,
          });

    const revised = outcome.draft;
    const movedSchedule =
      revised.schedule.localDateTime && revised.schedule.localDateTime !== schedule.localDateTime
        ? { ...revised.schedule, ...spanOf(revised.schedule.localDateTime, revised.schedule.recurrence?.occurrences.at(-1) ?? null, audience.timeZones) }
        : revised.schedule;
    const changedForForecast =
      JSON.stringify(revised.brief.offer) !== JSON.stringify(brief.offer) ||
      revised.brief.channels.join() !== brief.channels.join();
    const forecast =
      changedForForecast && !outcome.blocked
        ? await forecastDraft(
            { db: deps.db, policy: deps.policy, embedder: deps.embedder, asOf: new Date(state.asOf ?? Date.now()), draft: {} },
            { brief: revised.brief, segment, audience, schedule: movedSchedule },
          )
        : state.forecast;

    const update: PlannerUpdate = {
      brief: revised.brief,
      copy: revised.messages,
      schedule: movedSchedule,
      forecast,
      guardrails: outcome.verdicts,
      exclusions: outcome.exclusions,
    };
    if (!outcome.blocked) return { ...update, status: 'drafting' };
    const blockedRules = outcome.verdicts.filter((verdict) => verdict.status === 'blocked');
    await appendAudit(deps.db, {
      actor: 'guardrails',
      action: 'blocked',
      threadId: config.configurable?.thread_id ?? null,
      ruleIds: blockedRules.map((verdict) => verdict.rule),
      detail: { goal: brief.goal, verdicts: blockedRules },
    });
    if (state.revisionAttempts >= maxRevisions || segment.count === 0) return { ...update, status: 'blocked' };
    const feedback = new HumanMessage({
      name: GUARDRAIL_FEEDBACK_NAME,
      content:
        'Guardrails blocked the plan:\n' +
        blockedRules.map((verdict) => `- ${verdict.rule}: ${verdict.detail}`).join('\n') +
        '\nRevise the plan with the tools so that it complies, or explain to the marketer why it cannot be done.',
    });
    return { ...update, status: 'blocked', revisionAttempts: state.revisionAttempts + 1, messages: [feedback] };
  };
}

/** The first and last send instants over the zones; a recurring send ends at its last occurrence. */
function spanOf(localDateTime: string, lastOccurrence: string | null, zones: ReadonlyArray<{ timeZone: string }>) {
  const span = instantSpan(localDateTime, zones);
  const last = lastOccurrence ? instantSpan(lastOccurrence, zones) : span;
  return { firstSendUtc: span?.first ?? null, lastSendUtc: last?.last ?? null };
}
