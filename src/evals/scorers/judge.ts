// LLM-as-judge (openevals) for what rules cannot check: does the copy meet the case's rubric? Runs
// only when a judge model is configured; otherwise, and during a replay (which never calls a
// model), the score is reported as skipped, never as passed. Judge scores are advisory: they are
// metrics in the report and the baseline, but a case passes or fails on its deterministic checks.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createLLMAsJudge } from 'openevals';
import type { Config } from '../../config.ts';
import { loadModels } from '../../models/load-models.ts';
import type { Plan } from '../../domain/plan.ts';
import type { EvalCase } from '../suite-schema.ts';
import { skipped, type Score } from './score.ts';

export const COPY_RUBRIC_KEY = 'judge.copy_rubric';

/** How good a judge score must be to count as passing. */
export const JUDGE_PASS_THRESHOLD = 0.7;

const COPY_RUBRIC_PROMPT = `You are reviewing marketing copy written by a campaign planner for a marketer's goal.

<goal>
{inputs}
</goal>

<copy>
{outputs}
</copy>

<rubric>
{rubric}
</rubric>

Grade how well the copy meets every point of the rubric, from 0 (not at all) to 1 (fully). Judge the copy only; the goal tells you what was asked for.`;

export type Judge = (evalCase: EvalCase, plan: Plan) => Promise<Score | null>;

/** A judge that reports every rubric as skipped, saying why. */
export function skippingJudge(reason: string): Judge {
  return async (evalCase) => (evalCase.expect.copy?.rubric ? { ...skipped(COPY_RUBRIC_KEY, `skipped: ${reason}`), advisory: true } : null);
}

export function modelJudge(model: BaseChatModel, modelName: string): Judge {
  const evaluate = createLLMAsJudge({ prompt: COPY_RUBRIC_PROMPT, judge: model, feedbackKey: COPY_RUBRIC_KEY, continuous: true });
  return async (evalCase, plan) => {
    const rubric = evalCase.expect.copy?.rubric;
    if (!rubric) return null;
    if (plan.messages.length === 0) return { key: COPY_RUBRIC_KEY, score: 0, pass: false, reason: `no copy to judge (status ${plan.status})`, advisory: true };
    const copy = plan.messages.map((message) => `[${message.channel}/${message.variant}] ${message.title ? `${message.title}\n` : ''}${message.text}`).join('\n\n');
    const result = await evaluate({ inputs: (evalCase.turns ?? []).join('\n'), outputs: copy, rubric });
    const score = typeof result.score === 'number' ? result.score : result.score ? 1 : 0;
    return {
      key: COPY_RUBRIC_KEY,
      score,
      pass: score >= JUDGE_PASS_THRESHOLD,
      reason: `${modelName}: ${typeof result.comment === 'string' && result.comment ? result.comment : `score ${score}`}`,
      advisory: true,
    };
  };
}

export interface ConfiguredJudgeOptions {
  /** The judge model name, or null when none is configured. */
  judgeModel: string | null;
  /** Endpoint and key of the OpenAI-compatible service. */
  connection: Config['model'];
  /** A replay never calls a model, the judge included. */
  replay: boolean;
  /** Why there is no judge, when judgeModel is null. */
  unavailableReason: string;
}

export async function configuredJudge({ judgeModel, connection, replay, unavailableReason }: ConfiguredJudgeOptions): Promise<Judge> {
  if (replay) return skippingJudge('a replay never calls a model, the judge included');
  if (!judgeModel || !connection.apiKey) return skippingJudge(unavailableReason);
  const { chatModel } = await loadModels({ model: { ...connection, mode: 'openai', chatModel: judgeModel }, timeZone: 'UTC' });
  return modelJudge(chatModel, judgeModel);
}
