// /api/threads: start a thread, send messages (planned in the background and streamed), read the
// plan, approve / reject / ask for a change. The planner enforces who may approve.
import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import type { PlannerService } from '../../agents/planner/planner-service.ts';
import { streamPlannerMessage } from '../../agents/planner/stream-planner.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import { CreateThreadBody, DecisionBody, MessageBody, StreamQuery, ThreadId } from './api-schemas.ts';
import { callerOf } from './auth.ts';
import { streamThread } from './event-stream.ts';
import { parseWith } from './http-errors.ts';
import type { RunKind, ThreadRuns } from './thread-runs.ts';
import type { Identity } from './api-tokens.ts';

export interface ThreadRouteDeps {
  planner: PlannerService;
  runs: ThreadRuns;
}

function threadIdOf(request: Request): string {
  return parseWith(ThreadId, request.params.id, 'path');
}

export function threadRoutes({ planner, runs }: ThreadRouteDeps): Router {
  const router = Router();

  function startMessage(threadId: string, text: string, caller: Identity, kind: RunKind) {
    return runs.start(threadId, kind, (emit) => streamPlannerMessage(planner, threadId, text, { by: caller.name, role: caller.role }, { onEvent: emit }));
  }

  async function requireThread(threadId: string) {
    const plan = await planner.currentPlan(threadId);
    if (!plan) throw new CodedError(ErrorCode.NotFound, `thread ${threadId} has no messages yet; POST /api/threads/${threadId}/messages first`);
    return plan;
  }

  router.post('/threads', (request, response) => {
    const body = parseWith(CreateThreadBody, request.body, 'body');
    const threadId = randomUUID();
    const run = body.text ? startMessage(threadId, body.text, callerOf(response), 'message') : null;
    response.status(201).json({ threadId, runId: run?.runId ?? null });
  });

  async function acceptMessage(request: Request, threadId: string, kind: RunKind, caller: Identity) {
    const body = parseWith(MessageBody, request.body, 'body');
    const run = startMessage(threadId, body.text, caller, kind);
    if (body.wait) return { status: 200, payload: await run.finished };
    return { status: 202, payload: { threadId, runId: run.runId, stream: `/api/threads/${threadId}/stream?run=${run.runId}` } };
  }

  router.post('/threads/:id/messages', async (request, response) => {
    const { status, payload } = await acceptMessage(request, threadIdOf(request), 'message', callerOf(response));
    response.status(status).json(payload);
  });

  router.post('/threads/:id/edit', async (request, response) => {
    const threadId = threadIdOf(request);
    await requireThread(threadId);
    if (!(await planner.isAwaitingApproval(threadId))) {
      throw new CodedError(ErrorCode.Conflict, `no plan is waiting for approval in thread ${threadId}; send a message to /api/threads/${threadId}/messages instead`);
    }
    const { status, payload } = await acceptMessage(request, threadId, 'edit', callerOf(response));
    response.status(status).json(payload);
  });

  router.get('/threads/:id/stream', async (request, response) => {
    const threadId = threadIdOf(request);
    const { run } = parseWith(StreamQuery, request.query, 'query');
    await streamThread(request, response, { planner, runs, threadId, runId: run });
  });

  router.get('/threads/:id/plan', async (request, response) => {
    const threadId = threadIdOf(request);
    const plan = await requireThread(threadId);
    response.json({ plan, awaitingApproval: await planner.isAwaitingApproval(threadId), running: runs.isRunning(threadId) });
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/threads/:id/${decision}`, async (request, response) => {
      const threadId = threadIdOf(request);
      const { comment } = parseWith(DecisionBody, request.body, 'body');
      const caller = callerOf(response);
      await requireThread(threadId);
      const run = runs.start(threadId, decision, () => planner.decide(threadId, { decision, by: caller.name, role: caller.role, comment }));
      response.json(await run.finished);
    });
  }

  return router;
}
