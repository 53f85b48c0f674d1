// Tool-call trajectory match with agentevals: the planner's tool calls, model turn by model turn,
// against the expected ones (by default query_segment, then forecast_impact + generate_copy +
// schedule_send together). `strict` wants exactly those turns in that order (the calls within a
// turn in any order); `superset` only wants every expected call to have been made somewhere.
import { createTrajectoryMatchEvaluator } from 'agentevals';
import { PLAN_COMPLETION_TOOLS, ToolName } from '../../../tools/tool-names.ts';
import type { ToolCallRecord } from '../case-output.ts';
import type { EvalCase } from '../suite-schema.ts';
import { failed, passed, type Score } from './score.ts';

type AssistantTurn = { role: 'assistant'; content: string; tool_calls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> };

function asAssistantTurns(steps: ReadonlyArray<ReadonlyArray<{ name: string; args?: unknown }>>): AssistantTurn[] {
  return steps.map((calls, turn) => ({
    role: 'assistant',
    content: '',
    tool_calls: calls.map((call, index) => ({ id: `call_${turn}_${index}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.args ?? {}) } })),
  }));
}

/**
 * The tool turns a case expects: its own; none when it expects a clarifying question; one plan
 * (query_segment, then the three completion tools) per marketer turn when it expects a plan; and
 * null (not checked) when either answer would do, as for most injection attempts.
 */
export function expectedTrajectory(evalCase: EvalCase): string[][] | null {
  const expect = evalCase.expect;
  if (expect.trajectory) return expect.trajectory;
  const statuses = expect.status === undefined ? [] : [expect.status].flat();
  const clarifies = statuses.includes('needs_clarification');
  if (clarifies && statuses.length === 1) return [];
  const expectsPlan = statuses.length > 0 ? !clarifies : Boolean(expect.brief || expect.segment || expect.guardrails || expect.copy);
  if (!expectsPlan) return null;
  const plan: string[][] = [[ToolName.querySegment], [...PLAN_COMPLETION_TOOLS]];
  return (evalCase.turns ?? []).flatMap(() => plan);
}

const describe = (steps: ReadonlyArray<ReadonlyArray<{ name: string }>>) =>
  steps.length ? steps.map((calls) => calls.map((call) => call.name).join('+')).join(' -> ') : 'no tool calls';

const strictMatch = createTrajectoryMatchEvaluator({ trajectoryMatchMode: 'strict', toolArgsMatchMode: 'ignore' });
const supersetMatch = createTrajectoryMatchEvaluator({ trajectoryMatchMode: 'superset', toolArgsMatchMode: 'ignore' });

export async function trajectoryScores(actual: readonly ToolCallRecord[][], expected: readonly string[][]): Promise<Score[]> {
  const outputs = asAssistantTurns(actual);
  const referenceOutputs = asAssistantTurns(expected.map((names) => names.map((name) => ({ name }))));
  const got = describe(actual);
  const want = describe(expected.map((names) => names.map((name) => ({ name }))));
  const results: Score[] = [];
  for (const [key, evaluate] of [['trajectory.strict', strictMatch], ['trajectory.superset', supersetMatch]] as const) {
    const result = await evaluate({ outputs, referenceOutputs });
    results.push(result.score === true ? passed(key, got) : failed(key, `${got}, expected ${want}`));
  }
  return results;
}
