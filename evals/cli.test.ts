// `campaign-agent eval` as a user runs it: flag mistakes fail fast with one line and exit code 1,
// and `eval metrics` prints the success metrics of a real data directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerEvalCommand } from '../src/surfaces/cli/commands/eval.ts';
import { usingPostgres } from '../src/testing/test-database.ts';

const CLI = join(import.meta.dirname, '..', 'bin', 'campaign-agent.mjs');
let dataDir: string;

function runCli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CAMPAIGN_AGENT_DATA_DIR: dataDir, CAMPAIGN_AGENT_DEMO_CUSTOMERS: '200', LOG_LEVEL: 'silent' };
  for (const name of ['OPENAI_API_KEY', 'DATABASE_URL', 'LANGSMITH_API_KEY', 'EVAL_JUDGE_MODEL']) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 170_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-eval-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(usingPostgres)('campaign-agent eval', () => {
  it.each([
    [['eval', '--record', '--replay'], 'campaign-agent: choose one of --record and --replay\n'],
    [['eval', 'planning', 'speed'], 'campaign-agent: unknown suite "speed": choose from planning, copy, adversarial, support\n'],
  ])('%j fails with one line and exit code 1', (args, message) => {
    const { code, stderr, stdout } = runCli(args);
    expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: message, stdout: '' });
  });

  it('documents its options', () => {
    const program = new Command();
    registerEvalCommand(program);
    const evalCommand = program.commands.find((command) => command.name() === 'eval')!;
    const help = evalCommand.helpInformation();
    for (const option of ['[suites...]', '--model <name>', '--record', '--replay', '--json', '--update-baseline', '--report <file>', 'metrics']) expect(help).toContain(option);
  });

  it('eval metrics prints the success metrics of the data directory as JSON', () => {
    const { code, stdout } = runCli(['eval', 'metrics', '--json']);
    expect(code).toBe(0);
    const metrics = JSON.parse(stdout);
    expect(Object.keys(metrics)).toEqual(['agentPlans', 'goalToApproval', 'goalToFirstSend', 'forecastVsActual']);
    // A fresh demo database: past campaigns with outcomes but no agent plans and no stored forecasts.
    expect(metrics.agentPlans).toMatchObject({ decided: 0, approvedUnchangedShare: null });
    expect(metrics.forecastVsActual.campaigns).toBe(0);
  }, 180_000);
});
