// Runs per thread: one at a time, events numbered, replayed to late followers, errors reported.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import { ThreadRuns, type RunEvent } from './thread-runs.ts';

const PLAN = { status: 'needs_clarification', threadId: 't1', summary: 'Which channel?' } as unknown as Plan;

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('ThreadRuns', () => {
  it('replays a run to a late follower and follows it live until done', async () => {
    const runs = new ThreadRuns();
    const gate = deferred<Plan>();
    const run = runs.start('t1', 'message', async (emit) => {
      emit({ type: 'node_started', node: 'beginRequest' });
      return gate.promise;
    });
    expect(runs.isRunning('t1')).toBe(true);
    expect(() => runs.start('t1', 'message', async () => PLAN)).toThrow(new CodedError(ErrorCode.Conflict, 'thread t1 is still working on the previous message; wait for it to finish (GET /api/threads/t1/stream)'));

    const seen: RunEvent[] = [];
    const stop = runs.follow('t1', (event) => seen.push(event));
    expect(stop).not.toBeNull();
    gate.resolve(PLAN);
    await run.finished;
    expect(seen).toEqual([
      { type: 'started', runId: run.runId, kind: 'message', seq: 1 },
      { type: 'node_started', node: 'beginRequest', seq: 2 },
      { type: 'plan', plan: PLAN, seq: 3 },
      { type: 'done', runId: run.runId, seq: 4 },
    ]);
    const replayed: RunEvent[] = [];
    runs.follow('t1', (event) => replayed.push(event), { afterSeq: 2 });
    expect(replayed.map((event) => event.type)).toEqual(['plan', 'done']);
    expect(runs.isRunning('t1')).toBe(false);
  });

  it('reports a failed run as an error event and rejects its promise', async () => {
    const runs = new ThreadRuns();
    const run = runs.start('t2', 'approve', async () => {
      throw new CodedError(ErrorCode.Forbidden, 'approving needs the approver role');
    });
    await expect(run.finished).rejects.toThrow('approving needs the approver role');
    const events: RunEvent[] = [];
    runs.follow('t2', (event) => events.push(event));
    expect(events.slice(1)).toEqual([
      { type: 'error', code: 'FORBIDDEN', message: 'approving needs the approver role', seq: 2 },
      { type: 'done', runId: run.runId, seq: 3 },
    ]);
  });

  it('knows nothing of threads it has not run, or of a run id that is not the latest', async () => {
    const runs = new ThreadRuns();
    expect(runs.follow('never', () => undefined)).toBeNull();
    await runs.start('t3', 'message', async () => PLAN).finished;
    expect(runs.follow('t3', () => undefined, { runId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
  });

  it('keeps a bounded number of finished runs', async () => {
    const runs = new ThreadRuns({ keepFinished: 2 });
    for (const thread of ['a', 'b', 'c']) await runs.start(thread, 'message', async () => PLAN).finished;
    await runs.start('d', 'message', async () => PLAN).finished;
    expect(['a', 'b', 'c', 'd'].map((thread) => runs.latestRunId(thread) !== null)).toEqual([false, false, true, true]);
  });
});
