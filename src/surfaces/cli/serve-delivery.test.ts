// `serve` on the embedded database delivers approved campaigns itself: a plan approved over the API
// reaches the demo file sink without any other process (none could open the data directory), and
// /health says the worker runs; --no-worker leaves the sends queued and says so.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callServer, startServeProcess, type ServeProcess } from '../../testing/serve-process.ts';
import { usingPostgres } from '../../testing/test-database.ts';

// As soon as possible, so some recipients are outside quiet hours whatever the time of day.
const GOAL = 'Win back customers who have not bought in 90 days by SMS and email';
/** One data directory: the first start seeds it, the second reuses it. */
const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-serve-'));
let running: ServeProcess | null = null;

afterAll(() => {
  running?.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function serve(args: string[] = []): Promise<ServeProcess> {
  running = await startServeProcess({ dataDir, args });
  return running;
}

async function stop(server: ServeProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  running = null;
}

async function approvedPlan(url: string): Promise<Record<string, unknown>> {
  const threadId = (await callServer(url, '/api/threads', {})).body.threadId as string;
  const planned = await callServer(url, `/api/threads/${threadId}/messages`, { text: GOAL, wait: true });
  if (planned.body.status !== 'needs_approval') return planned.body;
  return (await callServer(url, `/api/threads/${threadId}/approve`, {})).body;
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { campaignId: string }) : []);

describe.skipIf(usingPostgres)('serve on the embedded database', () => {
  it('delivers an approved campaign from the server process', async () => {
    const server = await serve();
    await expect.poll(() => server.output()).toMatch(/delivery: in this process \(sms: file .*sms\.jsonl/);
    const plan = await approvedPlan(server.url);
    expect(plan.status).toBe('scheduled');
    const outbox = join(dataDir, 'outbox');
    const delivered = () => [...lines(join(outbox, 'sms.jsonl')), ...lines(join(outbox, 'email.jsonl'))].filter((entry) => entry.campaignId === plan.campaignId);
    await expect.poll(delivered, { timeout: 45_000, interval: 500 }).not.toHaveLength(0);
    expect((await callServer(server.url, '/health')).body.queue).toEqual({ state: 'running', detail: 'approved campaigns are delivered by this server process' });
    // What the sink received is what the campaign counts as sent, once the worker has caught up.
    const sent = async () => ((await callServer(server.url, `/api/campaigns/${plan.campaignId as string}`)).body.campaign as { sends: { sent: number } }).sends.sent;
    await expect.poll(async () => (await sent()) === delivered().length && delivered().length > 0, { timeout: 20_000, interval: 500 }).toBe(true);
    await stop(server);
  });

  it('leaves delivery to a worker with --no-worker', async () => {
    const server = await serve(['--no-worker']);
    await expect.poll(() => server.output()).toContain('delivery: not from this process; run `campaign-agent worker`');
    expect((await callServer(server.url, '/health')).body.queue).toEqual({ state: 'not running', detail: 'this server does not deliver: run `campaign-agent worker`' });
    await stop(server);
  });
});
