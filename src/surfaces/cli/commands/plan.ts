// `campaign-agent plan "<goal>"`: one goal in, one plan out (readable, or one JSON object with --json).
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { localUser, openCliApp, type GlobalOptions } from '../cli-context.ts';
import { threadIdOption } from '../option-values.ts';
import { renderPlan } from '../render-plan.ts';

interface PlanOptions {
  json?: boolean;
  thread?: string;
  as?: string;
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('Turn a campaign goal (English or Chinese) into a guarded plan built from your data')
    .argument('<goal>', 'the goal in plain language, e.g. "Win back customers who have not bought in 90 days by SMS"')
    .option('--json', 'print the plan as one JSON object')
    .option('--thread <id>', 'continue an existing thread instead of starting a new one', threadIdOption)
    .option('--as <user>', 'who is asking (recorded in the audit log)')
    .action(async function runPlanCommand(goal: string, options: PlanOptions, command: Command) {
      if (!goal.trim()) throw new CodedError(ErrorCode.InvalidInput, 'the goal is empty: describe who to reach and what to achieve');
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      try {
        const threadId = options.thread ?? randomUUID();
        const plan = await app.planner.send(threadId, goal, { by: options.as ?? localUser(), role: 'admin' });
        process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : `${renderPlan(plan)}\n`);
        // A goal the agent could not plan (too vague, an unsupported channel) is a failed command.
        if (plan.status === 'needs_clarification') {
          if (!options.json) process.stderr.write(`campaign-agent: could not plan this goal: ${plan.question}\n`);
          process.exitCode = 1;
        }
      } finally {
        await app.close();
      }
    });
}
