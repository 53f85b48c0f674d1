// The work going on in each thread: at most one run at a time per thread, its events kept so that a
// stream opened late (or reopened) replays them before following the rest live.
import { randomUUID } from 'node:crypto';
import type { Plan } from '../../domain/plan.ts';
import type { PlannerProgressEvent } from '../../agents/planner/stream-planner.ts';
import { asCodedError, CodedError, ErrorCode } from '../../errors.ts';

export type RunEventBody =
  | { type: 'started'; runId: string; kind: RunKind }
  | PlannerProgressEvent
  | { type: 'plan'; plan: Plan }
  | { type: 'error'; code: string; message: string }
  | { type: 'done'; runId: string | null };

export type RunEvent = RunEventBody & { seq: number };
export type RunKind = 'message' | 'edit' | 'approve' | 'reject';

interface Run {
  id: string;
  threadId: string;
  events: RunEvent[];
  done: boolean;
  listeners: Set<(event: RunEvent) => void>;
}

export interface StartedRun {
  runId: string;
  /** Settles with the plan, or rejects with the run's error. */
  finished: Promise<Plan>;
}

export interface ThreadRunsOptions {
  /** Finished runs kept for replay (oldest dropped first). */
  keepFinished?: number;
}

export class ThreadRuns {
  readonly #latest = new Map<string, Run>();
  readonly #keepFinished: number;

  constructor({ keepFinished = 500 }: ThreadRunsOptions = {}) {
    this.#keepFinished = keepFinished;
  }

  isRunning(threadId: string): boolean {
    return this.#latest.get(threadId)?.done === false;
  }

  /** The id of the thread's latest run since the server started, if any. */
  latestRunId(threadId: string): string | null {
    return this.#latest.get(threadId)?.id ?? null;
  }

  /** Starts `work` on a thread; refuses while another run is going on there. */
  start(threadId: string, kind: RunKind, work: (emit: (event: PlannerProgressEvent) => void) => Promise<Plan>): StartedRun {
    if (this.isRunning(threadId)) {
      throw new CodedError(ErrorCode.Conflict, `thread ${threadId} is still working on the previous message; wait for it to finish (GET /api/threads/${threadId}/stream)`);
    }
    const run: Run = { id: randomUUID(), threadId, events: [], done: false, listeners: new Set() };
    this.#latest.delete(threadId);
    this.#latest.set(threadId, run);
    this.#prune();
    this.#emit(run, { type: 'started', runId: run.id, kind });
    const finished = (async () => {
      try {
        const plan = await work((event) => this.#emit(run, event));
        this.#emit(run, { type: 'plan', plan });
        return plan;
      } catch (error) {
        const coded = asCodedError(error);
        this.#emit(run, { type: 'error', code: coded.code, message: coded.message });
        throw coded;
      } finally {
        run.done = true;
        this.#emit(run, { type: 'done', runId: run.id });
        run.listeners.clear();
      }
    })();
    finished.catch(() => undefined); // the caller may not wait; the error is in the events
    return { runId: run.id, finished };
  }

  /**
   * Replays the latest run of a thread (events after `afterSeq`) and follows it until it is done.
   * Returns null when the thread has no run here (none since the server started, or `runId` is
   * not the latest); otherwise a function that stops following.
   */
  follow(threadId: string, listener: (event: RunEvent) => void, { afterSeq = 0, runId }: { afterSeq?: number; runId?: string } = {}): (() => void) | null {
    const run = this.#latest.get(threadId);
    if (!run || (runId !== undefined && run.id !== runId)) return null;
    for (const event of run.events) if (event.seq > afterSeq) listener(event);
    if (run.done) return () => undefined;
    run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  /** Resolves once no run is going on in any thread (for shutdown and tests). */
  async idle(): Promise<void> {
    const running = [...this.#latest.values()].filter((run) => !run.done);
    await Promise.all(running.map((run) => new Promise<void>((resolve) => run.listeners.add((event) => event.type === 'done' && resolve()))));
  }

  #emit(run: Run, body: RunEventBody): void {
    const event = { ...body, seq: run.events.length + 1 } as RunEvent;
    run.events.push(event);
    for (const listener of run.listeners) listener(event);
  }

  #prune(): void {
    for (const [threadId, run] of this.#latest) {
      if (this.#latest.size <= this.#keepFinished) return;
      if (run.done) this.#latest.delete(threadId);
    }
  }
}
