// LangSmith, only when LANGSMITH_API_KEY is set: each suite becomes a dataset (named by the suite's
// content hash, so an edited suite is a new dataset version), each run an experiment on it whose
// runs carry the outputs and scores the local run produced (nothing is planned twice), and the
// planner's runs are traced. Without the key none of this is constructed and nothing leaves the machine.
import { isSupportOutput } from './case-output.ts';
import type { Callbacks } from '@langchain/core/callbacks/manager';
import { LangChainTracer } from '@langchain/core/tracers/tracer_langchain';
import { Client } from 'langsmith';
import { evaluate } from 'langsmith/evaluation';
import type { EvalRun } from './eval-run.ts';
import type { LangSmithSettings } from './eval-settings.ts';
import type { LoadedSuite } from './suite-schema.ts';

export interface DatasetExample {
  inputs: Record<string, unknown>;
  referenceOutputs: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface ExperimentUpload {
  datasetName: string;
  experimentPrefix: string;
  metadata: Record<string, unknown>;
  /** Per case id: what the run produced and how it scored. */
  outputs: ReadonlyMap<string, Record<string, unknown>>;
  scores: ReadonlyMap<string, Array<{ key: string; score: number; comment: string }>>;
}

/** What the upload needs from LangSmith; the real one talks to the API, tests pass their own. */
export interface LangSmithPort {
  ensureDataset(name: string, description: string, examples: readonly DatasetExample[]): Promise<void>;
  runExperiment(upload: ExperimentUpload): Promise<string>;
  flush(): Promise<void>;
}

function clientFor(settings: LangSmithSettings): Client {
  return new Client({ apiKey: settings.apiKey, ...(settings.endpoint ? { apiUrl: settings.endpoint } : {}) });
}

export function langsmithPort(settings: LangSmithSettings, client: Client = clientFor(settings)): LangSmithPort {
  return {
    async ensureDataset(name, description, examples) {
      if (await client.hasDataset({ datasetName: name })) return;
      const dataset = await client.createDataset(name, { description });
      await client.createExamples(
        examples.map((example) => ({ dataset_id: dataset.id, inputs: example.inputs, reference_outputs: example.referenceOutputs, metadata: example.metadata })),
      );
    },
    async runExperiment(upload) {
      const results = await evaluate(
        (inputs: Record<string, unknown>) => upload.outputs.get(String(inputs.caseId)) ?? { status: 'not run' },
        {
          data: upload.datasetName,
          client,
          experimentPrefix: upload.experimentPrefix,
          metadata: upload.metadata,
          maxConcurrency: 4,
          evaluators: [({ inputs }: { inputs: Record<string, unknown> }) => ({ results: upload.scores.get(String(inputs.caseId)) ?? [] })],
        },
      );
      return results.experimentName;
    },
    flush: () => client.awaitPendingTraceBatches(),
  };
}

export interface Tracing {
  callbacks: Callbacks;
  /** Waits until every trace has been sent. */
  flush(): Promise<void>;
}

/** Callbacks that trace every planner run of the eval to the LangSmith project. */
export function langsmithTracing(settings: LangSmithSettings, client: Client = clientFor(settings)): Tracing {
  return { callbacks: [new LangChainTracer({ projectName: settings.project, client })], flush: () => client.awaitPendingTraceBatches() };
}

export function datasetNameFor(prefix: string, suite: LoadedSuite): string {
  return `${prefix}-${suite.name}-${suite.sha256.slice(0, 8)}`;
}

export interface UploadReport {
  datasets: string[];
  experiments: string[];
}

export async function uploadRun(run: EvalRun, suites: readonly LoadedSuite[], port: LangSmithPort, { datasetPrefix }: { datasetPrefix: string }): Promise<UploadReport> {
  const report: UploadReport = { datasets: [], experiments: [] };
  for (const suite of suites) {
    const runnable = suite.cases.filter((evalCase) => !evalCase.pending);
    if (runnable.length === 0) continue;
    const datasetName = datasetNameFor(datasetPrefix, suite);
    await port.ensureDataset(
      datasetName,
      `${suite.description} (evals/suites/${suite.name}.yaml, sha256 ${suite.sha256.slice(0, 12)})`,
      runnable.map((evalCase) => ({
        inputs: { caseId: evalCase.id, suite: suite.name, locale: evalCase.locale, turns: evalCase.turns ?? evalCase.conversation?.map((turn) => turn.customer) ?? [] },
        referenceOutputs: evalCase.expect as Record<string, unknown>,
        metadata: { caseId: evalCase.id, ...(evalCase.source ? { source: evalCase.source } : {}) },
      })),
    );
    report.datasets.push(datasetName);
    const results = run.cases.filter((result) => result.suite === suite.name && result.status !== 'pending');
    const experiment = await port.runExperiment({
      datasetName,
      experimentPrefix: `${suite.name}-${run.model}`,
      metadata: { model: run.model, mode: run.mode, prompts: run.prompts, environment: run.environment },
      outputs: new Map(results.map((result) => [result.id, { status: result.status, ...(isSupportOutput(result.output) ? { conversation: result.output.turns } : { plan: result.output?.plan ?? null }), detail: result.detail }])),
      scores: new Map(
        results.map((result) => [
          result.id,
          [
            { key: 'case_passed', score: result.status === 'passed' ? 1 : 0, comment: result.status },
            ...result.scores.filter((score) => !score.skipped).map((score) => ({ key: score.key, score: score.score, comment: score.reason })),
          ],
        ]),
      ),
    });
    report.experiments.push(experiment);
  }
  await port.flush();
  return report;
}
