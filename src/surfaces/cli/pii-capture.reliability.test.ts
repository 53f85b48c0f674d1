// Personal data stays out of prompts and logs: the CLI plans a campaign and holds a support
// conversation (in which the customer types their own e-mail address, phone number and order) on an
// OpenAI-compatible mock model that records every request, with debug logging on. Neither the
// recorded prompts nor any log line may contain a customer's raw e-mail address or phone number.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../data/open-database.ts';
import { startMockOpenAiServer, type MockOpenAiServer, type ScriptedAnswer } from '../../testing/mock-openai-server.ts';
import { scriptedWinbackTurns, WINBACK_GOAL, winbackBrief } from '../../testing/scripted-winback-plan.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
const GOAL = WINBACK_GOAL;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

let server: MockOpenAiServer;
let dataDir: string;
let plannerQueue: ScriptedAnswer[] = [];

function roleOf(body: Record<string, unknown>): 'copy' | 'support' | 'planner' {
  const system = String((body.messages as Array<{ content?: unknown }> | undefined)?.[0]?.content ?? '');
  if (system.includes('You are the copywriter')) return 'copy';
  if (system.includes('DECIDED CONTENT:')) return 'support';
  return 'planner';
}

beforeAll(async () => {
  server = await startMockOpenAiServer({
    answers: (body) => {
      const role = roleOf(body);
      if (role === 'copy') return { content: 'no copy' }; // unusable: the copy tool falls back to its templates
      if (role === 'support') return { content: 'Thanks for your message, we are on it.' };
      return plannerQueue.shift() ?? { content: 'Anything else?' };
    },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-pii-'));
  const seeded = await runCli(['seed', '--customers', '400']);
  expect(seeded.code, seeded.stderr).toBe(0);
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function runCli(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CAMPAIGN_AGENT_DATA_DIR: dataDir,
    CAMPAIGN_AGENT_DEMO_CUSTOMERS: '400',
    CAMPAIGN_AGENT_TIME_ZONE: 'Asia/Shanghai',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: server.baseUrl,
    CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0',
    LOG_LEVEL: 'debug',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

async function someCustomerWithAnOrder(): Promise<{ email: string; phone: string; orderId: string }> {
  const db = await openDatabase(loadConfig({ CAMPAIGN_AGENT_DATA_DIR: dataDir }));
  try {
    const { rows } = await db.query<{ email: string; phone: string; order_id: string }>(
      `SELECT c.email, c.phone, o.id AS order_id FROM customers c JOIN orders o ON o.customer_id = c.id
        WHERE c.email IS NOT NULL AND c.phone IS NOT NULL ORDER BY o.id LIMIT 1`,
    );
    return { email: rows[0]!.email, phone: rows[0]!.phone, orderId: rows[0]!.order_id };
  } finally {
    await db.close();
  }
}

async function allContacts(): Promise<string[]> {
  const db = await openDatabase(loadConfig({ CAMPAIGN_AGENT_DATA_DIR: dataDir }));
  try {
    const { rows } = await db.query<{ contact: string }>(
      `SELECT email AS contact FROM customers WHERE email IS NOT NULL UNION SELECT phone FROM customers WHERE phone IS NOT NULL`,
    );
    return rows.map((row) => row.contact);
  } finally {
    await db.close();
  }
}

/** Every prompt the mock model received and every log line written, for the checks below. */
const prompts: string[] = [];
const logs: string[] = [];

function leakedContacts(contacts: readonly string[]): string[] {
  return contacts.filter((contact) => prompts.some((prompt) => prompt.includes(contact)) || logs.some((log) => log.includes(contact)));
}

describe('personal data in prompts and logs', () => {
  it('planning on a model: the model and the logs see no raw e-mail address or phone number', async () => {
    plannerQueue = scriptedWinbackTurns(winbackBrief('2026-12-01T10:00'));
    const before = server.requests.length;
    const planned = await runCli(['plan', GOAL, '--json']);
    expect(planned.code, planned.stderr).toBe(0);
    expect(JSON.parse(planned.stdout).status).toBe('needs_approval');
    const requests = server.requests.slice(before).filter((request) => request.path.endsWith('/chat/completions'));
    expect([...new Set(requests.map((request) => roleOf(request.body)))].sort()).toEqual(['copy', 'planner']);
    prompts.push(...requests.map((request) => JSON.stringify(request.body)));
    logs.push(planned.stderr);
    expect(planned.stderr).toMatch(/"level":\d+/); // debug logging was on: there are log lines to check
    expect(leakedContacts(await allContacts())).toEqual([]);
    expect(prompts.filter((prompt) => EMAIL.test(prompt))).toEqual([]);
  });

  it("support on a model: the customer's own e-mail address and phone number are masked before the model and in the logs", async () => {
    const customer = await someCustomerWithAnOrder();
    const conversation = [
      `Hi, where is my order ${customer.orderId}? My email is ${customer.email}`,
      `You can also call me on ${customer.phone}, the parcel is late`,
    ].join('\n');
    const before = server.requests.length;
    const supported = await runCli(['support'], `${conversation}\nexit\n`);
    expect(supported.code, supported.stderr).toBe(0);
    expect(supported.stdout).toMatch(/bot: /);
    const requests = server.requests.slice(before).filter((request) => request.path.endsWith('/chat/completions'));
    expect(requests.map((request) => roleOf(request.body))).toContain('support');
    prompts.push(...requests.map((request) => JSON.stringify(request.body)));
    logs.push(supported.stderr);
    const contacts = await allContacts();
    expect(contacts).toEqual(expect.arrayContaining([customer.email, customer.phone]));
    expect(leakedContacts(contacts)).toEqual([]);
    expect(prompts.filter((prompt) => EMAIL.test(prompt))).toEqual([]);
    expect(logs.join('\n')).not.toMatch(EMAIL);
  });
});
