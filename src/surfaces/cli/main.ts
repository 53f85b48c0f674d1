// The campaign-agent command line: parses flags, runs one command, and turns every failure into a
// one-line error and exit code 1 (stack traces only with LOG_LEVEL=debug).
import { Command, CommanderError } from 'commander';
import { asCodedError } from '../../errors.ts';

type RegisterCommand = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: the server alone pulls in express and
 * Bolt, the worker pg-boss, and a plan should not pay for them at start-up.
 */
const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  plan: async () => (await import('./commands/plan.ts')).registerPlanCommand,
  chat: async () => (await import('./commands/chat.ts')).registerChatCommand,
  seed: async () => (await import('./commands/seed.ts')).registerSeedCommand,
  segment: async () => (await import('./commands/segment.ts')).registerSegmentCommand,
  import: async () => (await import('./commands/import.ts')).registerImportCommand,
  init: async () => (await import('./commands/init.ts')).registerInitCommand,
  worker: async () => (await import('./commands/worker.ts')).registerWorkerCommand,
  eval: async () => (await import('./commands/eval.ts')).registerEvalCommand,
  serve: async () => (await import('./commands/serve.ts')).registerServeCommand,
  policy: async () => (await import('./commands/policy.ts')).registerPolicyCommand,
  audit: async () => (await import('./commands/audit.ts')).registerAuditCommand,
  forecast: async () => (await import('./commands/forecast.ts')).registerForecastCommand,
  outcomes: async () => (await import('./commands/outcomes.ts')).registerOutcomesCommand,
  backtest: async () => (await import('./commands/backtest.ts')).registerBacktestCommand,
  sentiment: async () => (await import('./commands/sentiment.ts')).registerSentimentCommand,
  'cross-sell': async () => (await import('./commands/cross-sell.ts')).registerCrossSellCommand,
  support: async () => (await import('./commands/support.ts')).registerSupportCommand,
  bench: async () => (await import('./commands/bench.ts')).registerBenchCommand,
};

/** Global options that take a value, so their value is not mistaken for the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir', '--policy']);

/** The command the arguments name, or null (help, no command, an unknown one). */
function requestedCommand(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) index += 1;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : null;
  }
  return null;
}

async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('campaign-agent')
    .description('Plan, guard, approve and schedule marketing campaigns by talking to your customer data')
    .option('--data-dir <dir>', 'embedded database directory (default .data, or CAMPAIGN_AGENT_DATA_DIR)')
    .option('--policy <file>', 'policy file (YAML or JSON) instead of the shipped default')
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ writeErr: () => undefined });
  // One command loads its own module; help and unknown commands need them all.
  const requested = requestedCommand(argv);
  const names = requested ? [requested] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((name) => COMMANDS[name]!()))) register(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
  return program;
}

/** Commander quotes arguments as given: control characters in them (a line break in a flag) are shown escaped, so the error stays one line. */
function oneLine(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`campaign-agent: ${oneLine(error.message.replace(/^error:\s*/, ''))}\n`);
      return 1;
    }
    const coded = asCodedError(error);
    process.stderr.write(`campaign-agent: ${coded.message}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
