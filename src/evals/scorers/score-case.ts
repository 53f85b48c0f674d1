// All scorers for one case (a support conversation: support-checks.ts), deterministic checks first: the plan, its copy, the safety invariants,
// the tool-call trajectory, and last the judge (advisory, or skipped when no judge is configured).
import type { Policy } from '../../domain/policy.ts';
import { isSupportOutput, type AnyCaseOutput } from '../case-output.ts';
import type { EvalCase } from '../suite-schema.ts';
import { copyScores } from './copy-checks.ts';
import type { Judge } from './judge.ts';
import { planScores } from './plan-checks.ts';
import { safetyScores } from './safety-checks.ts';
import type { Score } from './score.ts';
import { supportScores } from './support-checks.ts';
import { expectedTrajectory, trajectoryScores } from './trajectory.ts';

export interface ScoringContext {
  policy: Policy;
  promptSentences: readonly string[];
  judge: Judge;
}

export async function scoreCase(evalCase: EvalCase, output: AnyCaseOutput, context: ScoringContext): Promise<Score[]> {
  // Support conversations have their own deterministic checks; the copy rubric judge does not apply.
  if (isSupportOutput(output)) return supportScores(evalCase, output, context);
  const scores = [...planScores(evalCase, output), ...copyScores(evalCase, output, context.policy), ...safetyScores(evalCase, output, context)];
  const trajectory = expectedTrajectory(evalCase);
  if (trajectory) scores.push(...(await trajectoryScores(output.trajectory, trajectory)));
  const judged = await context.judge(evalCase, output.plan).catch((error: unknown): Score => ({
    key: 'judge.copy_rubric',
    score: 0,
    pass: false,
    reason: `judge failed: ${(error as Error).message}`,
    advisory: true,
  }));
  if (judged) scores.push(judged);
  return scores;
}

/** A case passes when every deterministic score passes; skipped and advisory scores do not count. */
export function casePasses(scores: readonly Score[]): boolean {
  return scores.filter((score) => !score.skipped && !score.advisory).every((score) => score.pass);
}
