// The HTTP API over a real server on a seeded database: plans streamed over SSE, approval by role,
// campaigns and their sends, validation and error bodies, health and security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan.ts';
import type { ArmsReport } from '../../outcomes/compare-arms.ts';
import { compareForecastWithOutcome } from '../../outcomes/forecast-versus-actual.ts';
import { recordOutcomes } from '../../outcomes/record-outcomes.ts';
import { CampaignDetail, ThreadPlan } from './api-schemas.ts';
import { readEvents, startTestServer, type TestServer } from './web-test-server.ts';

const NOW = new Date('2026-11-23T08:00:00Z'); // a Monday
const GOAL = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ now: () => NOW, seedCustomers: 800 });
});
afterAll(async () => {
  await api?.close();
});

async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function planned(token: 'marketer' | 'approver' | 'admin' = 'marketer'): Promise<Plan> {
  const created = await json<{ threadId: string }>(await api.request('/api/threads', { method: 'POST', body: {}, token }));
  const response = await api.request(`/api/threads/${created.threadId}/messages`, { method: 'POST', body: { text: GOAL, wait: true }, token });
  expect(response.status).toBe(200);
  return json<Plan>(response);
}

describe('health and headers', () => {
  it('reports database, model and queue without a token', async () => {
    const response = await api.request('/health', { token: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { kind: api.test.app.db.kind, location: api.test.app.db.location, memory: api.test.app.db.memoryEnabled },
      model: { mode: 'offline', description: api.test.app.models.description },
      queue: { state: 'not running', detail: 'no delivery worker is attached to this server' },
      slack: 'off',
    });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the chat page at /', async () => {
    const response = await api.request('/', { token: null });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script type="module" src="/app.js"></script>');
  });
});

describe('who is calling', () => {
  it.each([
    ['marketer', { name: 'mia', role: 'marketer', canApprove: false }],
    ['approver', { name: 'alex', role: 'approver', canApprove: true }],
    ['admin', { name: 'admin-1', role: 'admin', canApprove: true }],
  ] as const)('/api/me for the %s token', async (token, expected) => {
    expect(await json(await api.request('/api/me', { token }))).toEqual(expected);
  });
});

describe('planning, streaming and approval', () => {
  it('streams node progress and the plan, then approval by an approver schedules the campaign', async () => {
    const created = await api.request('/api/threads', { method: 'POST', body: { text: GOAL }, token: 'marketer' });
    expect(created.status).toBe(201);
    const { threadId, runId } = await json<{ threadId: string; runId: string }>(created);

    const stream = await api.request(`/api/threads/${threadId}/stream?run=${runId}`, { token: 'marketer' });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readEvents(stream);
    expect(events[0]).toEqual({ type: 'started', runId, kind: 'message', seq: 1 });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const started = events.filter((event) => event.type === 'node_started').map((event) => event.node);
    expect(started).toEqual(['beginRequest', 'callModel', 'runTools', 'callModel', 'runTools', 'checkGuardrails', 'decideApproval', 'awaitApproval']);
    expect(events.slice(-3).map((event) => event.type)).toEqual(['awaiting_approval', 'plan', 'done']);
    const plan = events.at(-2)!.plan as Plan;
    expect(plan).toMatchObject({ status: 'needs_approval', threadId, brief: { channels: ['sms'], offer: { type: 'percent_off', percent: 10 } } });

    expect(await json(await api.request(`/api/threads/${threadId}/plan`, { token: 'marketer' }))).toEqual({ plan, awaitingApproval: true, running: false });
    // A client reconnecting with Last-Event-ID gets only what it missed.
    const resumed = await readEvents(await api.request(`/api/threads/${threadId}/stream?run=${runId}`, { token: 'marketer', headers: { 'last-event-id': String(events.length - 2) } }));
    expect(resumed.map((event) => event.type)).toEqual(['plan', 'done']);

    const refused = await api.request(`/api/threads/${threadId}/approve`, { method: 'POST', body: {}, token: 'marketer' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ code: 'FORBIDDEN', message: 'approving needs the approver role; mia is a marketer' });
    expect(await json(await api.request(`/api/threads/${threadId}/plan`, { token: 'approver' }))).toMatchObject({ awaitingApproval: true });

    const approved = await api.request(`/api/threads/${threadId}/approve`, { method: 'POST', body: { comment: 'looks good' }, token: 'approver' });
    expect(approved.status).toBe(200);
    const scheduled = await json<Plan>(approved);
    expect(scheduled).toMatchObject({ status: 'scheduled', approval: { decision: 'approved', decidedBy: 'alex', comment: 'looks good' }, campaignId: plan.campaignId });

    const { campaigns } = await json<{ campaigns: Array<{ id: string; status: string; sends: Record<string, number> }> }>(await api.request('/api/campaigns', { token: 'marketer' }));
    const campaign = campaigns.find((entry) => entry.id === plan.campaignId);
    expect(campaign).toMatchObject({ status: 'scheduled', sends: { sent: 0, failed: 0, suppressed: 0, cancelled: 0 } });
    expect(campaign!.sends.queued).toBeGreaterThan(0);

    // Without a run id the stream replays the thread's latest run: the approval.
    const replay = await readEvents(await api.request(`/api/threads/${threadId}/stream`, { token: 'approver' }));
    expect(replay.map((event) => event.type)).toEqual(['started', 'plan', 'done']);
    expect(replay[0]).toMatchObject({ kind: 'approve' });
  });

  it('answers 200 with the plan when asked to wait; a rejection ends the plan', async () => {
    const plan = await planned();
    expect(plan.status).toBe('needs_approval');
    const rejected = await api.request(`/api/threads/${plan.threadId}/reject`, { method: 'POST', body: { comment: 'not this week' }, token: 'approver' });
    expect(await json(rejected)).toMatchObject({ status: 'rejected', approval: { decision: 'rejected', decidedBy: 'alex', comment: 'not this week' } });
  });

  it('edits a pending plan with a change request, and refuses an edit when nothing is pending', async () => {
    const plan = await planned();
    const edited = await api.request(`/api/threads/${plan.threadId}/edit`, { method: 'POST', body: { text: 'lower the discount to 5%', wait: true }, token: 'marketer' });
    expect(edited.status).toBe(200);
    expect(await json(edited)).toMatchObject({ status: 'needs_approval', brief: { offer: { type: 'percent_off', percent: 5 } }, campaignId: plan.campaignId });

    await api.request(`/api/threads/${plan.threadId}/reject`, { method: 'POST', body: {}, token: 'approver' });
    const refused = await api.request(`/api/threads/${plan.threadId}/edit`, { method: 'POST', body: { text: 'make it push only' }, token: 'marketer' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a second message while the thread is still working (409)', async () => {
    let release: (plan: Plan) => void = () => undefined;
    const busy = api.web.runs.start('busy-thread', 'message', () => new Promise<Plan>((resolve) => (release = resolve)));
    const second = await api.request('/api/threads/busy-thread/messages', { method: 'POST', body: { text: 'make it push only' }, token: 'marketer' });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      code: 'CONFLICT',
      message: 'thread busy-thread is still working on the previous message; wait for it to finish (GET /api/threads/busy-thread/stream)',
    });
    const plan = await planned();
    release(plan);
    await busy.finished;
  });
});

describe('finished campaigns', () => {
  it('shows forecast versus actual in the thread plan and the campaign once an outcome is recorded', async () => {
    const pending = await planned();
    const scheduled = await json<Plan>(await api.request(`/api/threads/${pending.threadId}/approve`, { method: 'POST', body: {}, token: 'approver' }));
    const id = scheduled.campaignId!;
    const before = await json<{ plan: Plan }>(await api.request(`/api/campaigns/${id}`, { token: 'marketer' }));
    expect(before).toMatchObject({ campaign: { id, status: 'scheduled', outcomeRecorded: false }, plan: { status: 'scheduled', campaignId: id } });
    expect(before.plan).not.toHaveProperty('forecastVersusActual');

    const forecast = scheduled.forecast!;
    const outcome = { sent: forecast.reachSteps!.recipients, delivered: forecast.reachSteps!.recipients, converted: Math.round(forecast.conversions.p50), revenue: 1234.5, holdoutSize: 0, holdoutConverted: 0 };
    await recordOutcomes(api.test.app.db, [{ line: 2, campaignId: id, ...outcome, endedAt: new Date('2026-12-01T00:00:00Z') }], { actor: 'olga', now: NOW });
    const expected = { campaignId: id, endedAt: '2026-12-01T00:00:00.000Z', outcome, ...compareForecastWithOutcome(forecast, outcome) };
    expect(expected.comparisons.map((comparison) => [comparison.metric, comparison.inside80])).toEqual([
      ['conversions', true],
      ['conversionRate', true],
      ['revenue', expected.comparisons[2]!.forecast.p10 <= 1234.5 && 1234.5 <= expected.comparisons[2]!.forecast.p90],
    ]);

    // Both answers follow their documented schemas; their content is compared as sent.
    const viewed = await json<{ plan: Plan }>(await api.request(`/api/threads/${pending.threadId}/plan`, { token: 'marketer' }));
    expect(ThreadPlan.safeParse(viewed).success).toBe(true);
    expect(viewed.plan).toEqual({ ...scheduled, forecastVersusActual: expected });
    const detail = await json<{ campaign: Record<string, unknown>; plan: Plan }>(await api.request(`/api/campaigns/${id}`, { token: 'marketer' }));
    expect(CampaignDetail.safeParse(detail).success).toBe(true);
    expect(detail.campaign).toMatchObject({ id, status: 'completed', outcomeRecorded: true });
    expect(detail.plan.forecastVersusActual).toEqual(expected);
    expect(detail.plan.forecast).toEqual(forecast);
    // The A/B arms: every customer with a send row, in the arm the scheduler put them in.
    const { rows: armRows } = await api.test.app.db.query<{ variant: string; customers: number }>(
      'SELECT variant, count(DISTINCT customer_id)::int AS customers FROM sends WHERE campaign_id = $1 GROUP BY variant', [id]);
    const arms = (detail as unknown as { arms: ArmsReport }).arms;
    expect(Object.fromEntries(arms.arms.map((arm) => [arm.arm, arm.customers]))).toEqual(Object.fromEntries(armRows.map((row) => [row.variant, Number(row.customers)])));
    expect(arms.arms.length).toBeGreaterThan(0);

    const missing = await api.request('/api/campaigns/cmp_missing', { token: 'marketer' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'NOT_FOUND', message: 'there is no campaign cmp_missing' });
  });
});

describe('bad requests', () => {
  it.each([
    ['an empty message', '/api/threads/t-1/messages', { text: '   ' }, 400, 'INVALID_INPUT', /^body is invalid: text: the text is empty/],
    ['a missing text', '/api/threads/t-1/messages', { wait: true }, 400, 'INVALID_INPUT', /^body is invalid: text:/],
    ['a wrong type', '/api/threads/t-1/messages', { text: 'x', wait: 'yes' }, 400, 'INVALID_INPUT', /^body is invalid: wait:/],
    ['a bad thread id', '/api/threads/not%20valid/messages', { text: 'x' }, 400, 'INVALID_INPUT', /^path is invalid: .*thread id/],
    ['a decision on an unknown thread', '/api/threads/unknown-thread/approve', {}, 404, 'NOT_FOUND', /unknown-thread has no messages yet/],
    ['an unknown route', '/api/nothing-here', {}, 404, 'NOT_FOUND', /no API route POST \/api\/nothing-here/],
  ])('%s', async (_name, path, body, status, code, message) => {
    const response = await api.request(path, { method: 'POST', body });
    expect(response.status).toBe(status);
    const error = await json<{ code: string; message: string }>(response);
    expect(Object.keys(error)).toEqual(['code', 'message']);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses malformed JSON (400) and bodies over the limit (413)', async () => {
    const malformed = await api.request('/api/threads', { method: 'POST', body: '{"text": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ code: 'INVALID_INPUT', message: 'the request body is not valid JSON' });
    const large = await api.request('/api/threads', { method: 'POST', body: { text: 'x'.repeat(120_000) } });
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'the request body is larger than 100kb; send less text' });
  });

  it('answers 404 for the plan or stream of a thread without messages', async () => {
    for (const path of ['/api/threads/empty-thread/plan', '/api/threads/empty-thread/stream']) {
      const response = await api.request(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
