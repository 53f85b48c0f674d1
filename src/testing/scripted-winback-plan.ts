// A win-back plan as an OpenAI-compatible model would script it, for tests of the model path: the
// brief and segment the model proposes, and the two planning turns (query_segment, then forecast,
// copy and schedule together) that draft a complete plan.
import type { ScriptedAnswer } from './mock-openai-server.ts';

export const WINBACK_GOAL = 'Win back lapsed customers by email with 10% off';

/** The brief the scripted model proposes, sent at `localDateTime` in each recipient's zone. */
export function winbackBrief(localDateTime: string) {
  return {
    goal: WINBACK_GOAL,
    objective: 'winback',
    channels: ['email'],
    offer: { type: 'percent_off', percent: 10 },
    timing: { kind: 'at', localDateTime },
    locale: 'en',
    category: null,
    budget: null,
  };
}

/** Customers without an order in the last 90 days. */
export const LAPSED_90_DAYS = { version: 1, root: { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 90 }, max: 0 } };

/** The model's two planning turns for a brief: the segment, then forecast, copy and schedule at once. */
export function scriptedWinbackTurns(brief: ReturnType<typeof winbackBrief>): ScriptedAnswer[] {
  return [
    { toolCalls: [{ name: 'query_segment', arguments: { brief, definition: LAPSED_90_DAYS, assumptions: [] } }] },
    { toolCalls: [{ name: 'forecast_impact', arguments: {} }, { name: 'generate_copy', arguments: {} }, { name: 'schedule_send', arguments: {} }] },
  ];
}
