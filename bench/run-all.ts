// `npm run bench`: every benchmark table, one after the other, each in its own Node process (so one
// benchmark's heap and caches do not colour the next). Sizes are the small defaults, minutes in all:
// segments on 20,000 customers (PostgreSQL) or 10,000 (embedded), the others at their own defaults.
//
//   node bin/with-node.mjs bench/run-all.ts [--only startup,planning,memory,delivery,server,segments,sentiment]
//
// With DATABASE_URL set (a PostgreSQL server; campaign memory needs no pgvector there, the memory
// benchmark runs on the embedded database), segments runs on that server and delivery runs; without
// it, segments runs embedded and delivery, which measures PostgreSQL, is left out with a note.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlags } from './bench-kit.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
const postgres = Boolean(process.env.DATABASE_URL?.trim());

interface Step {
  name: string;
  args: string[];
  /** Why it cannot run here, or null. */
  skip: string | null;
}

const STEPS: Step[] = [
  { name: 'startup', args: [], skip: null },
  { name: 'planning', args: [], skip: null },
  { name: 'memory', args: [], skip: null },
  { name: 'delivery', args: [], skip: postgres ? null : 'needs DATABASE_URL (a PostgreSQL server)' },
  { name: 'server', args: [], skip: null },
  { name: 'segments', args: postgres ? ['--customers', '20000', '--runs', '5'] : ['--embedded', '--customers', '10000', '--runs', '5'], skip: null },
  { name: 'sentiment', args: [], skip: null },
];

/** Segments uses DATABASE_URL when set; the in-process benchmarks always use their own embedded database. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  if (name === 'segments') return env;
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

function main(): void {
  const only = readFlags(process.argv.slice(2)).text('--only')?.split(',');
  const failed: string[] = [];
  for (const step of STEPS.filter((candidate) => !only || only.includes(candidate.name))) {
    process.stdout.write(`\n## ${step.name}\n\n`);
    if (step.skip) {
      process.stdout.write(`left out: ${step.skip}\n`);
      continue;
    }
    // Delivery measures PostgreSQL (no pgvector there); the others open embedded databases of their own.
    const env = step.name === 'delivery' ? { ...process.env, CAMPAIGN_AGENT_MEMORY: 'off' } : withoutDatabaseUrl(process.env, step.name);
    const result = spawnSync(process.execPath, [join(benchDir, `${step.name}.ts`), ...step.args], { stdio: 'inherit', env });
    if (result.status !== 0) failed.push(step.name);
  }
  if (failed.length) {
    process.stderr.write(`\nfailed: ${failed.join(', ')}\n`);
    process.exitCode = 1;
  }
}

main();
