// Shared pieces of the benchmark scripts: percentiles, the machine line (with the load average, as
// the benchmark machine is shared), markdown tables, flag reading and timing a child process's CPU.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';

/** Nearest-rank percentile of a list of numbers (sorted or not). */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const mean = values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
  return { runs: values.length, p50: percentile(values, 0.5), p95: percentile(values, 0.95), mean };
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1-minute load average when the benchmark started and ended. */
  loadAtStart: number;
  loadAtEnd: number | null;
}

function distribution(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    return pretty?.[1] ?? `${osType()} ${release()}`;
  } catch {
    return `${osType()} ${release()}`;
  }
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: distribution(),
    node: process.version,
    loadAtStart: loadavg()[0]!,
    loadAtEnd: null,
  };
}

/** Records the load at the end of a run on the machine description. */
export function finishMachine(machine: Machine): Machine {
  return { ...machine, loadAtEnd: loadavg()[0]! };
}

export function machineLine(machine: Machine): string {
  const load = machine.loadAtEnd === null ? machine.loadAtStart.toFixed(1) : `${machine.loadAtStart.toFixed(1)} -> ${machine.loadAtEnd.toFixed(1)}`;
  return `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, ${machine.os}, Node ${machine.node}; load average (1 min) ${load}`;
}

/** A markdown table with padded columns. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Milliseconds with one decimal below 10, whole above. */
export const ms = (value: number): string => (Number.isNaN(value) ? '—' : value.toFixed(value < 10 ? 1 : 0));

/** Reads `--flag value` and `--flag` options. */
export function readFlags(argv: readonly string[]) {
  return {
    has: (flag: string): boolean => argv.includes(flag),
    text: (flag: string): string | undefined => {
      const index = argv.indexOf(flag);
      return index >= 0 ? argv[index + 1] : undefined;
    },
    integer(flag: string, fallback: number, minimum = 1): number {
      const raw = this.text(flag);
      const value = raw === undefined ? fallback : Number(raw);
      if (!Number.isInteger(value) || value < minimum) throw new Error(`${flag} must be a whole number of at least ${minimum} (got ${raw})`);
      return value;
    },
  };
}

export interface TimedRun {
  wallMs: number;
  /** User and system CPU of the child and everything it started, from /usr/bin/time. */
  userMs: number;
  systemMs: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

let hasGnuTime: boolean | undefined;
function gnuTimeAvailable(): boolean {
  if (hasGnuTime === undefined) {
    try {
      execFileSync('/usr/bin/time', ['-f', '%U', 'true'], { stdio: 'ignore' });
      hasGnuTime = true;
    } catch {
      hasGnuTime = false;
    }
  }
  return hasGnuTime;
}

/** Runs a command to its end; wall time from spawn to exit, CPU from GNU time when installed (else NaN). */
export function runTimed(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<TimedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-agent-time-'));
  const timeFile = join(dir, 'time');
  const useTime = gnuTimeAvailable();
  const [file, fileArgs] = useTime ? ['/usr/bin/time', ['-o', timeFile, '-f', '%U %S', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, fileArgs, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let userMs = Number.NaN;
      let systemMs = Number.NaN;
      if (useTime) {
        const times = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
        userMs = (times[0] ?? Number.NaN) * 1000;
        systemMs = (times[1] ?? Number.NaN) * 1000;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ wallMs, userMs, systemMs, exitCode: code ?? 1, stdout, stderr });
    });
  });
}

let lastProgress = 0;
/** Writes a progress line on stderr (overwritten in place), at most a few times a second unless `force`. */
export function progress(text: string, force = false): void {
  const now = performance.now();
  if (!force && now - lastProgress < 500) return;
  lastProgress = now;
  process.stderr.write(process.stderr.isTTY ? `\r${text}\x1b[K` : `${text}\n`);
}
