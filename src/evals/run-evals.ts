// The eval runner: every case of the chosen suites through the planner on the eval data, scored,
// summarised per suite. The CLI and the offline-suites test both call runEvals.
import type { Callbacks } from '@langchain/core/callbacks/manager';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { App } from '../app/open-app.ts';
import type { Config } from '../config.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { loadModels } from '../models/load-models.ts';
import { loadPrompt, type LoadedPrompt } from '../prompts/load-prompt.ts';
import { SUPPORT_PROMPT } from '../agents/support/replies/model-reply.ts';
import type { CaseResult, EvalRun, RunMode } from './eval-run.ts';
import { summariseSuite } from './eval-run.ts';
import { RecordingChatModel } from './recording-chat-model.ts';
import { RecordingStore, RecordingUnavailableError } from './recordings.ts';
import { runCase } from './run-case.ts';
import { skippingJudge, type Judge } from './scorers/judge.ts';
import { promptSentences } from './scorers/safety-checks.ts';
import { casePasses, scoreCase } from './scorers/score-case.ts';
import type { EvalCase, EvalEnvironment, LoadedSuite, SuiteName } from './suite-schema.ts';

export const OFFLINE_MODEL = 'offline';

/** The prompt files the planner uses; recordings and the leak check are keyed on them. */
export function plannerPrompts(): LoadedPrompt[] {
  return [loadPrompt('planner')];
}

/** Every prompt an eval run may send: the planner's and the support bot's reply prompt (leak check, run record). */
export function evalPrompts(): LoadedPrompt[] {
  return [...plannerPrompts(), loadPrompt(SUPPORT_PROMPT)];
}

export interface EvalModel {
  name: string;
  mode: RunMode;
  chatModel: BaseChatModel;
  /** Where model answers are recorded or replayed from (named models with --record/--replay). */
  store: RecordingStore | null;
}

export interface ResolveEvalModelOptions {
  /** Endpoint and key of the OpenAI-compatible service (the product configuration's `model`). */
  connection: Config['model'];
  /** The marketer's zone, for the offline model's relative dates. */
  timeZone: string;
  /** `offline` (default) or the name of an OpenAI-compatible chat model. */
  model?: string;
  /** For a named model: call it (live), call it and record (record), or only replay recordings. */
  mode?: 'live' | 'record' | 'replay';
  recordingsDir: string;
  /** Fixed clock for the offline model's relative dates. */
  now: () => Date;
  prompts?: readonly LoadedPrompt[];
}

export async function resolveEvalModel({ connection, timeZone, model = OFFLINE_MODEL, mode = 'live', recordingsDir, now, prompts = plannerPrompts() }: ResolveEvalModelOptions): Promise<EvalModel> {
  if (model === OFFLINE_MODEL) {
    const offline = await loadModels({ model: { ...connection, mode: 'offline', apiKey: null }, timeZone }, { now });
    return { name: OFFLINE_MODEL, mode: 'offline', chatModel: offline.chatModel, store: null };
  }
  const real = async () => {
    if (!connection.apiKey) {
      throw new CodedError(ErrorCode.InvalidInput, `--model ${model} needs OPENAI_API_KEY (and OPENAI_BASE_URL for a non-OpenAI endpoint), or --replay to use recorded answers`);
    }
    return (await loadModels({ model: { ...connection, mode: 'openai', chatModel: model }, timeZone })).chatModel;
  };
  if (mode === 'live') return { name: model, mode, chatModel: await real(), store: null };
  const store = new RecordingStore({ dir: recordingsDir });
  const inner = mode === 'record' ? await real() : undefined;
  return { name: model, mode, chatModel: new RecordingChatModel({ store, mode, modelName: model, prompts, inner }), store };
}

export interface RunEvalsOptions {
  app: App;
  environment: EvalEnvironment;
  suites: readonly LoadedSuite[];
  model: EvalModel;
  /** The LLM judge; by default every rubric is reported as skipped. */
  judge?: Judge;
  callbacks?: Callbacks;
  onProgress?: (done: number, total: number, caseId: string) => void;
}

function unavailable(error: unknown): RecordingUnavailableError | null {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof RecordingUnavailableError) return current;
  }
  return null;
}

function baseResult(suite: SuiteName, evalCase: EvalCase): Omit<CaseResult, 'status' | 'scores' | 'output' | 'detail' | 'durationMs'> {
  return { suite, id: evalCase.id, locale: evalCase.locale, description: evalCase.description ?? null, turns: evalCase.turns ?? evalCase.conversation?.map((turn) => turn.customer) ?? [], source: evalCase.source ?? null };
}

export async function runEvals({ app, environment, suites, model, judge, callbacks, onProgress }: RunEvalsOptions): Promise<EvalRun> {
  const startedAt = new Date();
  const started = performance.now();
  const prompts = evalPrompts();
  const now = new Date(environment.now);
  const context = {
    policy: app.policy,
    promptSentences: prompts.flatMap((prompt) => promptSentences(prompt.text)),
    judge: judge ?? skippingJudge('no judge model configured (set EVAL_JUDGE_MODEL and OPENAI_API_KEY)'),
  };
  const total = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  let done = 0;
  const cases: CaseResult[] = [];
  for (const suite of suites) {
    for (const evalCase of suite.cases) {
      const caseStarted = performance.now();
      const base = baseResult(suite.name, evalCase);
      const finish = (result: Pick<CaseResult, 'status' | 'scores' | 'output' | 'detail'>) => {
        cases.push({ ...base, ...result, durationMs: Math.round(performance.now() - caseStarted) });
        onProgress?.(++done, total, `${suite.name}/${evalCase.id}`);
      };
      if (evalCase.pending) {
        finish({ status: 'pending', scores: [], output: null, detail: evalCase.pending });
        continue;
      }
      model.store?.beginCase(`${suite.name}/${evalCase.id}`);
      try {
        const output = await runCase(suite.name, evalCase, { db: app.db, policy: app.policy, chatModel: model.chatModel, embedder: app.models.embedder, now: () => now, callbacks, supportReplyModel: model.mode === 'offline' ? null : model.chatModel, crossSell: app.config.crossSell });
        const scores = await scoreCase(evalCase, output, context);
        finish({ status: casePasses(scores) ? 'passed' : 'failed', scores, output, detail: null });
      } catch (error) {
        const missing = unavailable(error);
        finish({ status: missing ? missing.status : 'error', scores: [], output: null, detail: (error as Error).message });
      }
    }
  }
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    model: model.name,
    mode: model.mode,
    environment,
    prompts: prompts.map(({ name, sha256 }) => ({ name, sha256 })),
    suites: suites.map((suite) => summariseSuite(suite.name, suite.description, suite.sha256, cases.filter((result) => result.suite === suite.name))),
    cases,
  };
}
