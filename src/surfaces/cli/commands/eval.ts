// `campaign-agent eval [suite...]`: runs the eval suites on a throwaway database seeded with the
// eval data, prints a summary per suite and metric, writes the HTML report and fails (exit 1) on a
// regression against evals/baseline.json, or exits 2 when recordings were stale or missing.
// `campaign-agent eval metrics`: the success metrics over the campaigns in your own database.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../../config.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { DEFAULT_REPORT_PATH, runEvalSession } from '../../../evals/eval-session.ts';
import { computeSuccessMetrics, formatSuccessMetrics } from '../../../evals/success-metrics.ts';
import { formatSummary } from '../../../evals/summary-table.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';

interface EvalOptions {
  model?: string;
  record?: boolean;
  replay?: boolean;
  json?: boolean;
  updateBaseline?: boolean;
  report: string;
}

function progressBar(format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({ format, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
}

async function runEvalCommand(suites: string[], options: EvalOptions, command: Command): Promise<void> {
  if (options.record && options.replay) throw new CodedError(ErrorCode.InvalidInput, 'choose one of --record and --replay');
  const globals = command.optsWithGlobals<GlobalOptions>();
  const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
  // Without a LangSmith key nothing may be traced, whatever tracing variables the shell has set.
  if (!process.env.LANGSMITH_API_KEY?.trim()) {
    process.env.LANGSMITH_TRACING = 'false';
    process.env.LANGCHAIN_TRACING_V2 = 'false';
  }
  const seeding = progressBar('preparing eval data [{bar}] {percentage}% {stage}');
  const cases = progressBar('evals [{bar}] {value}/{total} {caseId}');
  let seedStarted = false;
  let casesStarted = false;
  try {
    const result = await runEvalSession({
      suites,
      model: options.model,
      mode: options.record ? 'record' : options.replay ? 'replay' : 'live',
      updateBaseline: options.updateBaseline,
      reportPath: options.report,
      connection: config.model,
      env: process.env,
      onSeedProgress(done, total, stage) {
        if (!seedStarted) seeding.start(total, 0, { stage });
        seedStarted = true;
        seeding.setTotal(total);
        seeding.update(done, { stage });
      },
      onCaseProgress(done, total, caseId) {
        if (seedStarted) seeding.stop();
        if (!casesStarted) cases.start(total, 0, { caseId });
        casesStarted = true;
        cases.update(done, { caseId });
      },
    });
    cases.stop();
    const { run, comparison, exitCode, reportPath, baselineUpdated, upload, warnings } = result;
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ exitCode, reportPath, baselineUpdated, upload, warnings, comparison, run }, null, 2)}\n`);
    } else {
      process.stdout.write(`${formatSummary(run, comparison, { baselineUpdated })}\n\nReport: ${reportPath}\n`);
      if (baselineUpdated) process.stdout.write('Baseline updated: evals/baseline.json\n');
      if (upload) process.stdout.write(`LangSmith: datasets ${upload.datasets.join(', ')}; experiments ${upload.experiments.join(', ')}\n`);
    }
    for (const warning of warnings) process.stderr.write(`campaign-agent: ${warning}\n`);
    process.exitCode = exitCode;
  } finally {
    seeding.stop();
    cases.stop();
  }
}

export function registerEvalCommand(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('Run the eval suites (planning, copy, adversarial, support) and fail on a regression against evals/baseline.json')
    .argument('[suites...]', 'suites to run (default: all)')
    .option('--model <name>', 'offline (the built-in model, default) or an OpenAI-compatible chat model name')
    .option('--record', 'call the model and record its answers in evals/recordings/')
    .option('--replay', 'answer only from evals/recordings/; never calls a model')
    .option('--json', 'print the run and the comparison with the baseline as one JSON object')
    .option('--update-baseline', 'accept this run as the new baseline for the model')
    .option('--report <file>', 'where to write the HTML report', DEFAULT_REPORT_PATH)
    .action(runEvalCommand);
  evalCommand
    .command('metrics')
    .description('Success metrics over the stored campaigns: plans approved unchanged, time to approval and first send, forecast vs actual')
    .option('--json', 'print the metrics as one JSON object')
    .action(async function runMetricsCommand(_options: { json?: boolean }, command: Command) {
      // --json may be read by `eval` itself when it follows `metrics`: take it from either.
      const options = command.optsWithGlobals<GlobalOptions & { json?: boolean }>();
      const app = await openCliApp(options);
      try {
        const metrics = await computeSuccessMetrics(app.db);
        process.stdout.write(options.json ? `${JSON.stringify(metrics, null, 2)}\n` : `${formatSuccessMetrics(metrics)}\n`);
      } finally {
        await app.close();
      }
    });
  for (const command of evalCommand.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
}
