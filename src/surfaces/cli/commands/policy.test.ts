// `campaign-agent policy check` and `policy show`, run as a user runs them: the real CLI in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_POLICY_PATH, loadPolicy } from '../../../guardrails/policy-file.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'campaign-agent.mjs');
const directory = mkdtempSync(join(tmpdir(), 'policy-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  if (!('CAMPAIGN_AGENT_POLICY' in env)) delete childEnv.CAMPAIGN_AGENT_POLICY;
  const result = spawnSync(process.execPath, [CLI, ...args], { env: childEnv, encoding: 'utf8', timeout: 60_000, cwd: directory });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const shipped = readFileSync(DEFAULT_POLICY_PATH, 'utf8');

function writePolicy(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

const lineOf = (source: string, text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('campaign-agent policy check', () => {
  it('prints ok for a good file, YAML or JSON, and exits 0', () => {
    expect(runCli(['policy', 'check', DEFAULT_POLICY_PATH])).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
    writePolicy('good.json', JSON.stringify(parse(shipped)));
    expect(runCli(['policy', 'check', 'good.json'])).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
  });

  it('prints every problem of a bad file with its path and line, and exits 1', () => {
    const broken = shipped
      .replace('ceilingPercent: 30', 'ceilingPercent: 130')
      .replace('maxMessages: 3', 'maxMessages: 2.5')
      .replace('  emoji: allowed', '  emoji: sometimes');
    writePolicy('bad.yaml', broken);
    expect(runCli(['policy', 'check', 'bad.yaml'])).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `discount.ceilingPercent: expected a number <= 100 (line ${lineOf(broken, 'ceilingPercent: 130')})`,
        `frequencyCap.maxMessages: expected a whole number, got 2.5 (line ${lineOf(broken, 'maxMessages: 2.5')})`,
        `brandVoice.emoji: expected one of "allowed", "none", got "sometimes" (line ${lineOf(broken, 'emoji: sometimes')})`,
        '',
      ].join('\n'),
    });
  });

  it('says why a file cannot be read, and exits 1', () => {
    const result = runCli(['policy', 'check', 'missing.yaml']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `Policy file ${join(directory, 'missing.yaml')} does not exist.\n` });
  });
});

describe('campaign-agent policy show', () => {
  it('prints the shipped policy with every default filled in', () => {
    const { code, stdout } = runCli(['policy', 'show']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`# Policy in effect: ${DEFAULT_POLICY_PATH}`);
    expect(parse(stdout)).toEqual(loadPolicy());
  });

  it('prints the policy --policy or CAMPAIGN_AGENT_POLICY selects', () => {
    const stricter = writePolicy('stricter.yaml', shipped.replace('ceilingPercent: 30', 'ceilingPercent: 15'));
    for (const args of [['policy', 'show', '--policy', 'stricter.yaml'], ['--policy', stricter, 'policy', 'show']]) {
      const { code, stdout } = runCli(args);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(`# Policy in effect: ${stricter}`);
      expect(parse(stdout).discount.ceilingPercent).toBe(15);
    }
    expect(parse(runCli(['policy', 'show'], { CAMPAIGN_AGENT_POLICY: stricter }).stdout).discount.ceilingPercent).toBe(15);
  });

  it('refuses a bad policy with the CLI error and exit code 1', () => {
    writePolicy('worse.yaml', shipped.replace('ceilingPercent: 30', 'ceilingPercent: 130'));
    const { code, stderr, stdout } = runCli(['policy', 'show', '--policy', 'worse.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^campaign-agent: Policy file .*worse\.yaml has 1 problem:\n {2}discount\.ceilingPercent: expected a number <= 100 \(line \d+\)\n$/);
  });
});
