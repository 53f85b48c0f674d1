// The campaign-agent command line: parses flags, runs one command, and turns every failure into a
// one-line error and exit code 1 (stack traces only with LOG_LEVEL=debug).
import { Command, CommanderError } from 'commander';
import { asCodedError } from '../../errors.ts';
import { registerAuditCommand } from './commands/audit.ts';
import { registerBacktestCommand } from './commands/backtest.ts';
import { registerChatCommand } from './commands/chat.ts';
import { registerEvalCommand } from './commands/eval.ts';
import { registerForecastCommand } from './commands/forecast.ts';
import { registerOutcomesCommand } from './commands/outcomes.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerPolicyCommand } from './commands/policy.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerSegmentCommand } from './commands/segment.ts';
import { registerSentimentCommand } from './commands/sentiment.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerInitCommand } from './commands/init.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerWorkerCommand } from './commands/worker.ts';

function buildProgram(): Command {
  const program = new Command()
    .name('campaign-agent')
    .description('Plan, guard, approve and schedule marketing campaigns by talking to your customer data')
    .option('--data-dir <dir>', 'embedded database directory (default .data, or CAMPAIGN_AGENT_DATA_DIR)')
    .option('--policy <file>', 'policy file (YAML or JSON) instead of the shipped default')
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ writeErr: () => undefined });
  registerPlanCommand(program);
  registerChatCommand(program);
  registerSeedCommand(program);
  registerSegmentCommand(program);
  registerImportCommand(program);
  registerInitCommand(program);
  registerWorkerCommand(program);
  registerEvalCommand(program);
  registerServeCommand(program);
  registerPolicyCommand(program);
  registerAuditCommand(program);
  registerForecastCommand(program);
  registerOutcomesCommand(program);
  registerBacktestCommand(program);
  registerSentimentCommand(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`campaign-agent: ${error.message.replace(/^error:\s*/, '')}\n`);
      return 1;
    }
    const coded = asCodedError(error);
    process.stderr.write(`campaign-agent: ${coded.message}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
