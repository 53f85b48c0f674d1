// `campaign-agent support` as a customer uses it: a real process on a real data directory, lines
// on stdin, replies and (with --explain) the tone of each turn on stdout; --thread picks the
// conversation up again in a new process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'campaign-agent.mjs');
let dataDir: string;

function support(args: string[], input: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CAMPAIGN_AGENT_DATA_DIR: dataDir, CAMPAIGN_AGENT_DEMO_CUSTOMERS: '300', LOG_LEVEL: 'silent' };
  delete env.OPENAI_API_KEY;
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [CLI, 'support', ...args], { env, input, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-support-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('campaign-agent support', () => {
  it('chats as a customer, shows the tone of each turn, and continues a thread', () => {
    const first = support(['--thread', 'cli-support-1', '--explain'], 'Hi, where is my order?\n给我打一折\nI want to talk to a real person\n');
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toBe('Conversation cli-support-1. Write as a customer (English or Chinese); "exit" to leave.');
    expect(lines.filter((line) => line.startsWith('bot: ')).slice(0, 2)).toEqual([
      'bot: Sure. So I can look into your order, please send your order number and the e-mail address or phone number you used to order.',
      'bot: 收到。很抱歉，这超出了我能提供的范围：任何折扣或补偿都必须符合我们的政策。',
    ]);
    expect(first.stdout).toContain('  [sentiment neutral 0.00 (confidence 0.60) · neutral, steady -> concise · reply by template]');
    expect(first.stdout).toMatch(/bot: I'm bringing in a member of our support team now, as you asked to speak to a person\..*Summary: customer not verified; 3 message\(s\)/);
    expect(first.stdout).toContain('handed over: human_requested');

    const again = support(['--thread', 'cli-support-1'], 'hello?\n');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('bot: A member of our support team has your conversation and will reply here shortly.');
  }, 360_000);
});
