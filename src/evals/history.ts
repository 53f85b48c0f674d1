// Metric history: one line per eval run appended to a JSON Lines file kept outside version control
// (test-artifacts/ by default), read back for the report's chart.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EvalRun, RunMode } from './eval-run.ts';

export interface HistoryEntry {
  startedAt: string;
  model: string;
  mode: RunMode;
  /** Per suite, per metric: the value of that run. */
  metrics: Record<string, Record<string, number>>;
}

export function historyEntry(run: EvalRun): HistoryEntry {
  return {
    startedAt: run.startedAt,
    model: run.model,
    mode: run.mode,
    metrics: Object.fromEntries(run.suites.map((suite) => [suite.name, Object.fromEntries(Object.entries(suite.metrics).map(([name, metric]) => [name, metric.value]))])),
  };
}

export function appendHistory(path: string, run: EvalRun): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(historyEntry(run))}\n`);
}

/** The latest `limit` runs of `model`, oldest first; unreadable lines are skipped. */
export function readHistory(path: string, { model, limit = 30 }: { model: string; limit?: number }): HistoryEntry[] {
  if (!existsSync(path)) return [];
  const entries: HistoryEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as HistoryEntry;
      if (entry.model === model && entry.metrics && typeof entry.startedAt === 'string') entries.push(entry);
    } catch {
      // A torn line from an interrupted run: ignore it.
    }
  }
  return entries.slice(-limit);
}
