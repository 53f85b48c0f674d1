// The Slack app over HTTP, without Slack: requests signed as Slack signs them are posted to Bolt's
// real receiver on the server, and a stand-in Web API records what the app posts. Covers signature
// checks, mentions and DMs starting threads, progress edits, the plan in Block Kit, and approval
// buttons that respect the approver list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../web/web-test-server.ts';
import { interactionBody, postSigned, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './fake-slack.ts';
import { APPROVE_ACTION } from './plan-blocks.ts';
import { createSlackApp, SLACK_EVENTS_PATH, type SlackSurface } from './slack-app.ts';
import { findSlackThread } from './slack-threads.ts';

const SECRET = 'test-signing-secret-0123456789';
const NOW = new Date('2026-11-23T08:00:00Z');
const GOAL = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";

let api: TestServer;
let fake: FakeSlackApi;
let slack: SlackSurface;
let events: string;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  api = await startTestServer({ now: () => NOW, seedCustomers: 600 });
  slack = createSlackApp({
    app: api.test.app,
    settings: { signingSecret: SECRET, botToken: 'xoxb-test-token', appToken: null, approvers: ['UAPPROVER'] },
    expressApp: api.web.express,
    clientOptions: { slackApiUrl: fake.apiUrl },
    progressIntervalMs: 0,
  });
  events = `${api.url}${SLACK_EVENTS_PATH}`;
});
afterAll(async () => {
  await slack?.stop();
  await api?.close();
  await fake?.close();
});

function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({ token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${event.ts}`, event_time: 1_800_000_000, event });
}

const hasApproveButton = (call: RecordedCall) => JSON.stringify(call.args.blocks ?? []).includes(APPROVE_ACTION);
const blocksText = (call: RecordedCall) => JSON.stringify(call.args.blocks);
/** The agent thread id carried by the plan's Approve button. */
const actionThreadId = (call: RecordedCall) =>
  (call.args.blocks as Array<{ type: string; elements?: Array<{ value?: string }> }>).find((block) => block.type === 'actions')!.elements![0]!.value!;

async function mention(ts: string, text: string, { threadTs, user = 'UMARKETER' }: { threadTs?: string; user?: string } = {}) {
  const started = Date.now();
  const response = await postSigned(events, eventBody({ type: 'app_mention', user, text: `<@UBOT> ${text}`, ts, channel: 'C1', event_ts: ts, ...(threadTs ? { thread_ts: threadTs } : {}) }), { secret: SECRET });
  return { response, elapsedMs: Date.now() - started };
}

describe('request verification', () => {
  it('answers Slack URL verification when signed', async () => {
    const response = await postSigned(events, JSON.stringify({ token: 'legacy', challenge: 'challenge-123', type: 'url_verification' }), { secret: SECRET });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'challenge-123' });
  });

  it.each([
    ['a forged signature', { secret: 'not-the-secret' }],
    ['a tampered signature', { secret: SECRET, signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['a request older than five minutes', { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('refuses %s with 401', async (_name, options) => {
    const before = fake.calls.length;
    const response = await postSigned(events, eventBody({ type: 'app_mention', user: 'UMARKETER', text: '<@UBOT> hi', ts: '1700000000.000001', channel: 'C1' }), options);
    expect(response.status).toBe(401);
    expect(fake.calls.length).toBe(before);
  });

  it('refuses a request without Slack headers', async () => {
    const response = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });
});

describe('conversations', () => {
  it('acknowledges a mention at once, edits the working message with progress, then posts the plan as Block Kit', async () => {
    const ts = '1700000100.000100';
    const { response, elapsedMs } = await mention(ts, GOAL);
    expect(response.status).toBe(200);
    expect(elapsedMs).toBeLessThan(3000);

    const working = await fake.waitFor((call) => call.method === 'chat.postMessage' && call.args.thread_ts === ts);
    expect(working.args).toMatchObject({ channel: 'C1', thread_ts: ts, text: 'Working on it…' });
    const messageTs = working.result.ts;
    const planned = await fake.waitFor((call) => call.method === 'chat.update' && call.args.ts === messageTs && hasApproveButton(call));
    expect(planned.args.channel).toBe('C1');
    const progress = fake.callsTo('chat.update').filter((call) => call.args.ts === messageTs && call.args.text === 'Working on it…');
    expect(progress.length).toBeGreaterThan(2);
    expect(blocksText(progress.at(-1)!)).toContain('Checking the guardrails');

    const text = blocksText(planned);
    for (const part of ['Plan waiting for approval', 'Audience', 'Reachable', 'Forecast', 'Conversions', 'Revenue', 'ROI', 'Copy', 'sms · A', '`discount.ceiling`', '`consent.channel`', 'Approve', 'Reject']) {
      expect(text).toContain(part);
    }
    expect(planned.args.text).toMatch(/^Plan waiting for approval · Size \d+$/);
  });

  it('continues the same agent thread for replies in the Slack thread, and maps the thread in the database', async () => {
    const ts = '1700000200.000100';
    await mention(ts, GOAL);
    const posted = await fake.waitFor((call) => call.method === 'chat.postMessage' && call.args.thread_ts === ts);
    const first = await fake.waitFor((call) => call.method === 'chat.update' && call.args.ts === posted.result.ts && hasApproveButton(call));
    expect(blocksText(first)).toContain('10% off');
    const threadId = actionThreadId(first);
    expect(await findSlackThread(api.test.app.db, threadId)).toMatchObject({ teamId: 'T1', channelId: 'C1', threadTs: ts, agentThreadId: threadId });

    await mention('1700000200.000300', 'lower the discount to 5%', { threadTs: ts });
    const revised = await fake.waitFor((call) => call.method === 'chat.update' && hasApproveButton(call) && blocksText(call).includes(threadId) && blocksText(call).includes('5% off'));
    expect(blocksText(revised)).not.toContain('10% off');
    expect(await api.test.app.planner.isAwaitingApproval(threadId)).toBe(true);
  });

  it('refuses approval from a user who is not an approver, then lets an approver approve', async () => {
    const ts = '1700000300.000100';
    await mention(ts, GOAL);
    const posted = await fake.waitFor((call) => call.method === 'chat.postMessage' && call.args.thread_ts === ts);
    const messageTs = String(posted.result.ts);
    const planned = await fake.waitFor((call) => call.method === 'chat.update' && call.args.ts === messageTs && hasApproveButton(call));
    const threadId = actionThreadId(planned);

    const press = (user: string) =>
      postSigned(
        events,
        interactionBody({
          type: 'block_actions',
          team: { id: 'T1', domain: 'test' },
          user: { id: user, username: user, team_id: 'T1' },
          api_app_id: 'A1',
          token: 'legacy',
          trigger_id: '1.2.3',
          container: { type: 'message', message_ts: messageTs, channel_id: 'C1', is_ephemeral: false },
          channel: { id: 'C1', name: 'marketing' },
          message: { type: 'message', ts: messageTs, text: 'Plan waiting for approval' },
          response_url: `${fake.apiUrl}response`,
          actions: [{ type: 'button', action_id: APPROVE_ACTION, block_id: 'plan_decision', value: threadId, action_ts: '1700000300.5', text: { type: 'plain_text', text: 'Approve' } }],
        }),
        { secret: SECRET },
      );

    const refusedStarted = Date.now();
    expect((await press('UMARKETER2')).status).toBe(200);
    expect(Date.now() - refusedStarted).toBeLessThan(3000);
    const ephemeral = await fake.waitFor((call) => call.method === 'chat.postEphemeral' && call.args.user === 'UMARKETER2');
    expect(ephemeral.args).toMatchObject({ channel: 'C1', text: 'approving needs the approver role; slack:UMARKETER2 is a marketer' });
    expect(await api.test.app.planner.isAwaitingApproval(threadId)).toBe(true);

    expect((await press('UAPPROVER')).status).toBe(200);
    const scheduled = await fake.waitFor((call) => call.method === 'chat.update' && call.args.ts === messageTs && blocksText(call).includes('Campaign scheduled'));
    expect(hasApproveButton(scheduled)).toBe(false);
    expect(blocksText(scheduled)).toContain('Approved by slack:UAPPROVER');
    expect((await api.test.app.planner.currentPlan(threadId))!.status).toBe('scheduled');
  });

  it('starts a thread from a direct message and answers in its thread', async () => {
    const ts = '1700000400.000100';
    const response = await postSigned(events, eventBody({ type: 'message', channel_type: 'im', user: 'UMARKETER', text: '召回90天未购买的高价值用户，短信，9折', ts, channel: 'D1', event_ts: ts }), { secret: SECRET });
    expect(response.status).toBe(200);
    const working = await fake.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'D1');
    expect(working.args).toMatchObject({ thread_ts: ts, text: '正在处理…' });
    const planned = await fake.waitFor((call) => call.method === 'chat.update' && call.args.channel === 'D1' && hasApproveButton(call));
    expect(blocksText(planned)).toContain('方案等待审批');
    expect(blocksText(planned)).toContain('批准');
  });

  it('ignores messages from bots and channel messages without a mention', async () => {
    const before = fake.calls.length;
    await postSigned(events, eventBody({ type: 'message', channel_type: 'im', bot_id: 'B2', user: 'UOTHER', text: 'hello', ts: '1700000500.000100', channel: 'D2' }), { secret: SECRET });
    await postSigned(events, eventBody({ type: 'message', channel_type: 'channel', user: 'UMARKETER', text: 'hello', ts: '1700000500.000200', channel: 'C2' }), { secret: SECRET });
    await slack.conversations.idle();
    expect(fake.calls.slice(before).filter((call) => call.method.startsWith('chat.'))).toEqual([]);
  });
});
