// Dispatch under kills, on the test's backend: a real worker process sends a campaign to a real SMTP
// server and a real webhook while it is killed with SIGKILL and restarted several times. No send is
// lost; every send ends `sent`; and every delivery beyond a send's first is one the sinks had already
// accepted when a kill struck before its commit (in doubt), repeated with the same idempotency key
// once its job was retried: none comes from a send claimed twice. The CLI wraps the same run and exits 1 on any loss or repeat.
//
// On the embedded database each kill costs a restart of the worker and a reopening of the data
// directory (several seconds each), so the run there is smaller: 600 sends and 3 kills against
// 1,500 and 5 on PostgreSQL. Its time is mostly process start-up, hence the longer test timeout.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usingPostgres } from '../../testing/test-database.ts';
import { runDispatchUnderKills } from './dispatch-under-kills.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
const SENDS = usingPostgres ? 1500 : 600;
const KILLS = usingPostgres ? 5 : 3;

describe('dispatch under kills', () => {
  it(`loses no send and repeats only sends in doubt at a kill (${SENDS} sends, ${KILLS} SIGKILLs)`, { timeout: 180_000 }, async () => {
    const report = await runDispatchUnderKills({ sends: SENDS, kills: KILLS, serverUrl: process.env.DATABASE_URL ?? null, timeoutMs: 170_000 });
    const inDoubt = report.inDoubtAtKills.reduce((total, count) => total + count, 0);
    expect(report).toMatchObject({
      backend: usingPostgres ? 'postgres' : 'embedded',
      sends: SENDS,
      kills: KILLS,
      statuses: { sent: SENDS },
      lost: 0,
      duplicatesOutsideKills: 0,
      unexpected: 0,
      received: SENDS + report.duplicated,
    });
    expect(report.inDoubtAtKills).toHaveLength(KILLS);
    // A send in doubt is still queued, so its retried job sends it again: exactly once more.
    expect(report.duplicated).toBe(inDoubt);
  });

  it('refuses a run too small to kill anything in, naming the flag', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'bench', 'dispatch', '--sends', '5', '--kill', '1'], { env: { ...process.env, LOG_LEVEL: 'silent' } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(result).toEqual({ code: 1, stderr: 'campaign-agent: --sends must be a whole number of at least 10 (got 5)\n' });
  });
});
