// Guards the embedded data directory against a second process: PGlite has no lock of its own and
// two processes opening one directory corrupt it. The lock is a file holding the owner's pid,
// created atomically; a lock whose process is gone (killed, crashed) is taken over at once.
// (A time-based lock such as proper-lockfile would make a restart after kill -9 wait for staleness.)
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../errors.ts';

const LOCK_FILE = 'campaign-agent.lock';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function tryCreate(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the data directory for this process; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(lockPath)) {
      return function unlockDataDir() {
        if (readOwner(lockPath) === process.pid) rmSync(lockPath, { force: true });
      };
    }
    const owner = readOwner(lockPath);
    if (owner !== null && owner !== process.pid && processIsAlive(owner)) {
      throw new CodedError(
        ErrorCode.DataDirLocked,
        `the data directory ${dataDir} is in use by another campaign-agent process (pid ${owner}): ` +
          'stop it, or pass --data-dir to use another directory',
      );
    }
    // The owner is gone: remove its stale lock and try once more.
    rmSync(lockPath, { force: true });
  }
  throw new CodedError(ErrorCode.DataDirLocked, `could not lock the data directory ${dataDir}: another process took it first`);
}
