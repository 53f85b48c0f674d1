// `campaign-agent policy check FILE` and `campaign-agent policy show`: validate a policy file,
// listing every problem with its path and line, and print the policy in effect.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../../config.ts';
import { checkPolicyFile, DEFAULT_POLICY_PATH, formatPolicy, loadPolicy } from '../../../guardrails/policy-file.ts';
import type { GlobalOptions } from '../cli-context.ts';

export function registerPolicyCommand(program: Command): void {
  const policy = program.command('policy').description('Check a policy file, or show the policy in effect');

  policy
    .command('check')
    .description('Validate a policy file (YAML or JSON): prints "ok", or every problem as path: message (line)')
    .argument('<file>', 'policy file to check')
    .action(function runPolicyCheck(file: string) {
      const result = checkPolicyFile(resolve(file));
      if (result.ok) {
        process.stdout.write('ok\n');
        return;
      }
      for (const problem of result.problems) process.stderr.write(`${problem}\n`);
      process.exitCode = 1;
    });

  policy
    .command('show')
    .description('Print the policy in effect (the shipped default, --policy FILE or CAMPAIGN_AGENT_POLICY), with every default filled in')
    .action(function runPolicyShow(_options: unknown, command: Command) {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
      const path = config.policyPath === null ? DEFAULT_POLICY_PATH : resolve(config.policyPath);
      process.stdout.write(`# Policy in effect: ${path}\n${formatPolicy(loadPolicy(path))}`);
    });
}
