// Server-Sent Events for a thread: replays and follows its latest run, or, when this server has seen
// no run there (e.g. after a restart), sends the thread's current plan. Ends after `done`.
import type { Request, Response } from 'express';
import type { PlannerService } from '../../agents/planner/planner-service.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import type { RunEvent, ThreadRuns } from './thread-runs.ts';

const HEARTBEAT_MS = 15_000;

function openEventStream(response: Response): (event: RunEvent) => void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  return function writeEvent(event) {
    response.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
}

export interface StreamThreadOptions {
  planner: PlannerService;
  runs: ThreadRuns;
  threadId: string;
  runId?: string;
}

export async function streamThread(request: Request, response: Response, { planner, runs, threadId, runId }: StreamThreadOptions): Promise<void> {
  const latest = runs.latestRunId(threadId);
  if (latest === null || (runId !== undefined && runId !== latest)) {
    const plan = await planner.currentPlan(threadId);
    if (!plan) throw new CodedError(ErrorCode.NotFound, `thread ${threadId} has no messages yet; POST /api/threads/${threadId}/messages first`);
    const write = openEventStream(response);
    write({ type: 'plan', plan, seq: 1 });
    write({ type: 'done', runId: null, seq: 2 });
    response.end();
    return;
  }
  const afterSeq = Number(request.get('last-event-id') ?? 0) || 0;
  const write = openEventStream(response);
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  let stop: (() => void) | null = null;
  let ended = false;
  const finish = () => {
    ended = true;
    clearInterval(heartbeat);
    stop?.();
    if (!response.writableEnded) response.end();
  };
  response.on('close', finish);
  stop = runs.follow(
    threadId,
    (event) => {
      write(event);
      if (event.type === 'done') finish();
    },
    { afterSeq, runId: latest },
  );
  // A replay that already reached `done` finished before `stop` was known; a client that had seen
  // all of a finished run gets nothing more.
  if (ended) stop?.();
  else if (!runs.isRunning(threadId)) finish();
}
