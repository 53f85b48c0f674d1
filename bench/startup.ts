// Start-up benchmark: the real CLI as a child process on a fresh embedded data directory.
// 1. first run: `campaign-agent init` seeds the demo data (wall, CPU, and the seeding time it reports);
// 2. `campaign-agent plan "<goal>" --json` on that seeded directory, N runs (wall p50/p95, user CPU);
// 3. `campaign-agent serve` (what `npm start` runs) until GET /health answers 200, N runs, on the
//    project Node directly and through `npm start` itself (npm, then the Node relaunch when the
//    machine's Node is older than 22.18). Goal: ready in under 3 s.
//
//   node bin/with-node.mjs bench/startup.ts [--runs N] [--customers N] [--json]
//
// Defaults: 5 runs, 10,000 demo customers (the product's default first-run size). The data directory
// is a temp directory, removed at the end. Each measured series follows one unmeasured warm-up run,
// so the compile cache (bin/campaign-agent.mjs enables it) and the page cache are warm.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, finishMachine, formatTable, machineLine, ms, progress, readFlags, runTimed, summarize, type Summary } from './bench-kit.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'bin', 'campaign-agent.mjs');
const GOAL = 'Win back customers who have not bought in 90 days with a 10% SMS coupon next Tuesday';
const READY_TIMEOUT_MS = 60_000;
const CLOCK_TICK_MS = 10; // USER_HZ = 100 on Linux

interface Row {
  step: string;
  wall: Summary;
  user: Summary | null;
  note: string;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** User CPU of a live process from /proc (ms), or NaN when the process is gone. */
function processUserMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) * CLOCK_TICK_MS; // field 14 (utime), counted from after the command name
  } catch {
    return Number.NaN;
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Starts the server, waits for /health, stops it; returns ms to ready and user CPU up to then. */
async function serveUntilReady(command: string, args: string[], env: NodeJS.ProcessEnv, port: number, measureCpu: boolean): Promise<{ wallMs: number; userMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...env, PORT: String(port) }, cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolveExit) => child.on('exit', () => ((exited = true), resolveExit())));
  try {
    while (!(await healthy(port))) {
      if (exited) throw new Error(`server exited before it was ready:\n${stderr}`);
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`server not ready after ${READY_TIMEOUT_MS} ms`);
      await new Promise((wait) => setTimeout(wait, 10));
    }
    const wallMs = performance.now() - started;
    return { wallMs, userMs: measureCpu ? processUserMs(child.pid!) : Number.NaN };
  } finally {
    if (!exited) process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm, its shell and the relaunched Node
    await exit;
  }
}

async function measureServe(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, runs: number, measureCpu: boolean, note: string): Promise<Row> {
  const walls: number[] = [];
  const users: number[] = [];
  for (let run = 0; run <= runs; run++) {
    progress(`${label}: run ${run}/${runs}`);
    const result = await serveUntilReady(command, args, env, await freePort(), measureCpu);
    if (run === 0) continue; // warm-up
    walls.push(result.wallMs);
    users.push(result.userMs);
  }
  return { step: label, wall: summarize(walls), user: measureCpu ? summarize(users) : null, note };
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2));
  const runs = flags.integer('--runs', 5);
  const customers = flags.integer('--customers', 10_000);
  const json = flags.has('--json');
  const machine = describeMachine();
  const dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-startup-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CAMPAIGN_AGENT_DATA_DIR: dataDir, CAMPAIGN_AGENT_DEMO_CUSTOMERS: String(customers), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.OPENAI_API_KEY;
  const rows: Row[] = [];
  try {
    progress('first run: init (seeding)');
    const init = await runTimed(process.execPath, [cli, 'init'], { env, cwd: repoRoot });
    if (init.exitCode !== 0) throw new Error(`campaign-agent init failed:\n${init.stderr}`);
    const seeded = /in ([\d.]+) s\./.exec(init.stderr);
    rows.push({
      step: 'first run: init (seed demo data)',
      wall: summarize([init.wallMs]),
      user: summarize([init.userMs]),
      note: `${customers} customers; seeding itself ${seeded ? `${seeded[1]} s` : 'n/a'}`,
    });

    const planWalls: number[] = [];
    const planUsers: number[] = [];
    for (let run = 0; run <= runs; run++) {
      progress(`plan --json: run ${run}/${runs}`);
      const result = await runTimed(process.execPath, [cli, 'plan', GOAL, '--json'], { env, cwd: repoRoot });
      if (result.exitCode !== 0) throw new Error(`campaign-agent plan failed (${result.exitCode}):\n${result.stderr}`);
      if (run === 0) continue;
      planWalls.push(result.wallMs);
      planUsers.push(result.userMs);
    }
    rows.push({ step: 'plan "<goal>" --json', wall: summarize(planWalls), user: summarize(planUsers), note: 'seeded data dir, whole process' });

    rows.push(await measureServe('serve to /health 200 (project Node)', process.execPath, [cli, 'serve'], env, runs, true, 'node bin/campaign-agent.mjs serve'));
    rows.push(await measureServe('npm start to /health 200', 'npm', ['start', '--silent'], env, runs, false, `npm on the machine's ${nodeOnPath()}`));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stderr.write('\n');
  const finished = finishMachine(machine);
  if (json) {
    process.stdout.write(`${JSON.stringify({ goal: GOAL, customers, runs, machine: finished, rows }, null, 2)}\n`);
    return;
  }
  const table = formatTable(
    ['step', 'runs', 'wall p50 ms', 'wall p95 ms', 'user CPU p50 ms', 'note'],
    rows.map((row) => [row.step, String(row.wall.runs), ms(row.wall.p50), ms(row.wall.p95), row.user ? ms(row.user.p50) : '—', row.note]),
  );
  process.stdout.write(`${machineLine(finished)}\n${runs} runs after one warm-up; goal: serve ready < 3000 ms\n\n${table}\n`);
}

function nodeOnPath(): string {
  try {
    return `Node ${execFileSync('node', ['--version'], { encoding: 'utf8' }).trim()}`;
  } catch {
    return 'Node';
  }
}

await main();
