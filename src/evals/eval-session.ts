// One `campaign-agent eval` from start to finish: the eval database, the model (live, recorded or
// replayed), the judge and LangSmith when configured, the run, the gate against the baseline, the
// history line and the HTML report. The CLI only parses flags and prints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.ts';
import { compareWithBaseline, gateExitCode, readBaseline, updatedBaseline, writeBaseline, type Comparison } from './baseline.ts';
import { openEvalApp, type SeedProgress } from './eval-environment.ts';
import type { EvalRun } from './eval-run.ts';
import { judgeUnavailableReason, readEvalSettings } from './eval-settings.ts';
import { appendHistory, readHistory } from './history.ts';
import { renderHtmlReport } from './html-report.ts';
import { langsmithPort, langsmithTracing, uploadRun, type LangSmithPort, type UploadReport } from './langsmith.ts';
import { EVALS_DIR, loadEvalEnvironment, loadSuites } from './load-suites.ts';
import { resolveEvalModel, runEvals } from './run-evals.ts';
import { configuredJudge } from './scorers/judge.ts';

export const DEFAULT_REPORT_PATH = join('test-artifacts', 'eval-report.html');

export interface EvalSessionOptions {
  /** Suites to run (default: all). */
  suites?: readonly string[];
  /** `offline` (default) or an OpenAI-compatible chat model name. */
  model?: string;
  mode?: 'live' | 'record' | 'replay';
  updateBaseline?: boolean;
  reportPath?: string;
  /** Metric history (JSON Lines); default beside the report, never under version control. */
  historyPath?: string;
  evalsDir?: string;
  /** The product configuration's model connection (key and endpoint of the OpenAI-compatible service). */
  connection: Config['model'];
  /** Environment for eval-only settings (EVAL_JUDGE_MODEL, LANGSMITH_*). */
  env: Readonly<Record<string, string | undefined>>;
  onSeedProgress?: SeedProgress;
  onCaseProgress?: (done: number, total: number, caseId: string) => void;
  /** Replaces the LangSmith API client (tests). */
  langsmith?: LangSmithPort;
}

export interface EvalSessionResult {
  run: EvalRun;
  comparison: Comparison;
  exitCode: 0 | 1 | 2;
  reportPath: string;
  baselineUpdated: boolean;
  upload: UploadReport | null;
  /** Problems that did not fail the run (a LangSmith upload that failed). */
  warnings: string[];
}

export async function runEvalSession(options: EvalSessionOptions): Promise<EvalSessionResult> {
  const evalsDir = options.evalsDir ?? EVALS_DIR;
  const environment = loadEvalEnvironment({ dir: evalsDir });
  const suites = loadSuites({ dir: evalsDir, names: options.suites ?? [] });
  const settings = readEvalSettings(options.env);
  const now = new Date(environment.now);
  const mode = options.mode ?? 'live';
  const model = await resolveEvalModel({ connection: options.connection, timeZone: environment.timeZone, model: options.model, mode, recordingsDir: join(evalsDir, 'recordings'), now: () => now });
  const judge = await configuredJudge({ judgeModel: settings.judge?.model ?? null, connection: options.connection, replay: mode === 'replay', unavailableReason: judgeUnavailableReason(options.env) });
  const tracing = settings.langsmith ? langsmithTracing(settings.langsmith) : null;

  const evalApp = await openEvalApp({ environment, onProgress: options.onSeedProgress });
  let run: EvalRun;
  try {
    run = await runEvals({ app: evalApp.app, environment, suites, model, judge, callbacks: tracing?.callbacks, onProgress: options.onCaseProgress });
  } finally {
    await evalApp.dispose();
  }

  const baselinePath = join(evalsDir, 'baseline.json');
  const baseline = readBaseline(baselinePath);
  const comparison = compareWithBaseline(run, baseline);
  let baselineUpdated = false;
  if (options.updateBaseline) {
    writeBaseline(baselinePath, updatedBaseline(baseline, run));
    baselineUpdated = true;
  }

  const reportPath = options.reportPath ?? DEFAULT_REPORT_PATH;
  const historyPath = options.historyPath ?? join(dirname(reportPath), 'eval-history.jsonl');
  appendHistory(historyPath, run);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, renderHtmlReport({ run, comparison, history: readHistory(historyPath, { model: run.model }) }));

  const warnings: string[] = [];
  if (tracing) await tracing.flush().catch((error: unknown) => warnings.push(`LangSmith tracing failed: ${(error as Error).message}`));
  let upload: UploadReport | null = null;
  if (settings.langsmith) {
    try {
      upload = await uploadRun(run, suites, options.langsmith ?? langsmithPort(settings.langsmith), { datasetPrefix: settings.langsmith.datasetPrefix });
    } catch (error) {
      warnings.push(`LangSmith upload failed: ${(error as Error).message}`);
    }
  }
  return { run, comparison, exitCode: baselineUpdated ? 0 : gateExitCode(run, comparison), reportPath, baselineUpdated, upload, warnings };
}
