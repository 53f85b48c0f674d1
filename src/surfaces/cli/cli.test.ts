// The command line as a user runs it: real processes on a real data directory. Covers the plan
// contract, one-line errors with exit code 1, the data-dir lock, and a thread that survives kill -9.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../../testing/test-database.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
let dataDir: string;

function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CAMPAIGN_AGENT_DATA_DIR: dataDir, CAMPAIGN_AGENT_DEMO_CUSTOMERS: '800', LOG_LEVEL: 'silent', ...extra };
  delete env.OPENAI_API_KEY;
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL; // these tests own an embedded directory
  return env;
}

function runCli(args: string[], extra: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: baseEnv(extra), encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `chat` and resolves once its output matches `pattern`. */
function startChat(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'chat', ...args], { env: baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        if (pattern.test(output)) {
          clearInterval(timer);
          resolve(output);
        } else if (Date.now() - started > timeoutMs || child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`chat output never matched ${pattern}:\n${output}`));
        }
      }, 50);
    });
  return { child, waitFor, output: () => output };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(usingPostgres)('campaign-agent CLI on the embedded database', () => {
  it('plan --json seeds a first run and prints one JSON object with the stable fields', () => {
    const { code, stdout } = runCli(['plan', "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am", '--json']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(Object.keys(plan)).toEqual(expect.arrayContaining(['status', 'brief', 'segment', 'forecast', 'messages', 'schedule', 'guardrails']));
    expect(plan.status).toBe('needs_approval');
    expect(plan.brief).toMatchObject({ objective: 'winback', channels: ['sms'], offer: { type: 'percent_off', percent: 10 }, locale: 'en' });
    expect(plan.segment.count).toBeGreaterThan(0);
    expect(Object.keys(plan.forecast.conversions)).toEqual(['p10', 'p50', 'p90']);
    expect(plan.guardrails.every((v: { rule: string; status: string }) => v.rule && ['pass', 'fixed', 'blocked'].includes(v.status))).toBe(true);
  });

  it('prints a readable plan in the goal language', () => {
    const { code, stdout } = runCli(['plan', '召回90天未购买的高价值用户，短信，9折']);
    expect(code).toBe(0);
    expect(stdout).toContain('等待审批');
    expect(stdout).toContain('人群');
  });

  it('--policy FILE plans under another policy, and a broken policy file is refused in one line', () => {
    const shipped = readFileSync(join(import.meta.dirname, '..', '..', '..', 'policies', 'default.yaml'), 'utf8');
    const strict = join(dataDir, 'strict-policy.yaml');
    writeFileSync(strict, shipped.replace(/ceilingPercent: \d+/, 'ceilingPercent: 5'));
    const { code, stdout } = runCli(['plan', 'Win back customers who have not bought in 90 days with 10% off by email', '--json', '--policy', strict]);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.brief.offer).toEqual({ type: 'percent_off', percent: 5 });
    expect(plan.guardrails.find((v: { rule: string }) => v.rule === 'discount.ceiling')).toMatchObject({ status: 'fixed' });

    const broken = join(dataDir, 'broken-policy.yaml');
    writeFileSync(broken, shipped.replace(/ceilingPercent: \d+/, 'ceilingPercent: 150'));
    const refused = runCli(['plan', 'Win back customers by email', '--policy', broken]);
    expect(refused.code).toBe(1);
    // One line per problem in the file, each naming its path and line; never a stack trace.
    expect(refused.stderr).toMatch(/^campaign-agent: Policy file .*broken-policy\.yaml has 1 problem:\n\s+discount\.ceilingPercent: expected a number <= 100 \(line \d+\)\n$/);
  });

  it.each([
    [['plan', '   '], /^campaign-agent: the goal is empty/],
    [['plan', 'win back customers', '--colour', 'red'], /^campaign-agent: unknown option '--colour'/],
    [['plan', 'Win back customers who have not bought in 90 days by fax'], /^campaign-agent: could not plan this goal: .*fax/],
    [['seed', '--customers', 'many'], /^campaign-agent: .*--customers must be a whole number/],
  ])('bad input %j gives a one-line error and exit code 1', (args, message) => {
    const { code, stderr } = runCli(args as string[]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toMatch(message);
  });

  it.each([
    ['not a url', /DATABASE_URL is not a valid URL/],
    ['mysql://localhost/db', /must start with postgres:\/\//],
    ['postgres://nobody@127.0.0.1:1/none', /cannot reach PostgreSQL at 127\.0\.0\.1:1/],
  ])('DATABASE_URL=%s is refused in one line', (url, message) => {
    const { code, stderr } = runCli(['plan', 'Win back customers by SMS'], { DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('refuses a data directory another process holds, then resumes its thread after kill -9', async () => {
    const chat = startChat([]);
    await chat.waitFor(/^Thread ([0-9a-f-]{36})/m);
    const threadId = /^Thread ([0-9a-f-]{36})/m.exec(chat.output())![1]!;
    chat.child.stdin.write('Win back customers who have not bought in 90 days, 10% off by push tomorrow 10am\n');
    await chat.waitFor(/Waiting for approval/);

    const locked = runCli(['plan', 'Win back customers by SMS']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/is in use by another campaign-agent process/);

    chat.child.kill('SIGKILL');
    await new Promise((resolve) => chat.child.once('exit', resolve));

    const resumed = startChat(['--thread', threadId]);
    await resumed.waitFor(/Waiting for approval/);
    resumed.child.stdin.write('approve\n');
    await resumed.waitFor(/Scheduled/);
    resumed.child.stdin.end('exit\n');
    await new Promise((resolve) => resumed.child.once('exit', resolve));
    expect(resumed.child.exitCode).toBe(0);
  });
});
