// Settings only evals use, read from an environment the caller passes in (the CLI passes the
// process environment): the judge model, and LangSmith for uploading datasets and experiments.
// Without LANGSMITH_API_KEY nothing leaves the machine.

export interface JudgeSettings {
  /** Chat model name at the OpenAI-compatible endpoint of OPENAI_API_KEY / OPENAI_BASE_URL. */
  model: string;
}

export interface LangSmithSettings {
  apiKey: string;
  /** LANGSMITH_ENDPOINT, for self-hosted LangSmith; null for the default. */
  endpoint: string | null;
  /** Project the traces of eval runs go to. */
  project: string;
  /** Dataset names start with this, then the suite and its version. */
  datasetPrefix: string;
}

export interface EvalSettings {
  /** Null when EVAL_JUDGE_MODEL or OPENAI_API_KEY is missing: judge scores are skipped. */
  judge: JudgeSettings | null;
  /** Null without LANGSMITH_API_KEY: no upload, no tracing. */
  langsmith: LangSmithSettings | null;
}

export function readEvalSettings(env: Readonly<Record<string, string | undefined>>): EvalSettings {
  const value = (name: string) => env[name]?.trim() || null;
  const judgeModel = value('EVAL_JUDGE_MODEL');
  const langsmithKey = value('LANGSMITH_API_KEY');
  return {
    judge: judgeModel && value('OPENAI_API_KEY') ? { model: judgeModel } : null,
    langsmith: langsmithKey
      ? {
          apiKey: langsmithKey,
          endpoint: value('LANGSMITH_ENDPOINT'),
          project: value('LANGSMITH_PROJECT') ?? 'campaign-agent-evals',
          datasetPrefix: value('EVAL_LANGSMITH_DATASET_PREFIX') ?? 'campaign-agent',
        }
      : null,
  };
}

/** Why the judge is not running, for the skipped scores' reason. */
export function judgeUnavailableReason(env: Readonly<Record<string, string | undefined>>): string {
  if (!env.EVAL_JUDGE_MODEL?.trim()) return 'no judge model configured (set EVAL_JUDGE_MODEL and OPENAI_API_KEY)';
  return 'EVAL_JUDGE_MODEL is set but OPENAI_API_KEY is not';
}
