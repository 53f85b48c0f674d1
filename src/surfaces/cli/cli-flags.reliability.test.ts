// Fuzzing the command line (fast-check): every command and subcommand with unknown flags, flags
// missing their value, values of the wrong kind (numbers, ports, dates, date formats, --map pairs,
// thread and campaign ids), odd unicode and repeated flags. Each run goes through the real entry
// point in this process and must end with exit code 1 and one line on stderr naming the flag (or
// the argument), nothing on stdout, no stack trace, before any command does its work. A few runs of
// bin/campaign-agent.mjs as child processes prove the same for the real executable.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './main.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'campaign-agent.mjs');
let dataDir: string;
const savedEnv = { ...process.env };

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'campaign-agent-cli-flags-'));
  // Should a bad value ever get through, the command works on a throw-away embedded directory.
  process.env.CAMPAIGN_AGENT_DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'silent';
  delete process.env.DATABASE_URL;
  delete process.env.OPENAI_API_KEY;
  delete process.env.PORT;
});
afterAll(() => {
  process.env = savedEnv;
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the CLI in this process, capturing what it writes. */
async function runInProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(argv);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  }
}

/** How an argument appears in a one-line error: control characters escaped. */
const shown = (text: string) => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One line, naming what is wrong, no stack trace, nothing on stdout. */
function expectRefused(result: { code: number; stdout: string; stderr: string }, names: string, argv: string[]): void {
  const context = `argv ${JSON.stringify(argv)} gave ${JSON.stringify(result)}`;
  expect(result.code, context).toBe(1);
  expect(result.stdout, context).toBe('');
  expect(result.stderr, context).toMatch(/^campaign-agent: [^\n]+\n$/);
  expect(result.stderr, context).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
  expect(result.stderr.toLowerCase(), context).toContain(names.toLowerCase());
}

/** Every command as it would be run, with its required arguments and options given. */
const INVOCATIONS: string[][] = [
  ['plan', 'win back lapsed customers'],
  ['chat'],
  ['seed'],
  ['segment', 'customers in Shanghai'],
  ['import', 'customers', 'people.csv'],
  ['init'],
  ['worker', '--once'],
  ['eval'],
  ['eval', 'metrics'],
  ['serve'],
  ['policy', 'check', 'policy.yaml'],
  ['policy', 'show'],
  ['audit', '--campaign', 'cmp_1'],
  ['forecast', '--plan', 'plan.json'],
  ['outcomes', 'import', 'outcomes.csv'],
  ['outcomes', 'show', 'cmp_1'],
  ['backtest', 'hillstrom', 'hillstrom.csv'],
  ['sentiment'],
  ['cross-sell', 'mine'],
  ['cross-sell', 'recommend', 'sku-1'],
  ['support'],
  ['bench', 'dispatch'],
];

/** Options that take a value, per invocation (index in INVOCATIONS by its first words). */
const VALUE_FLAGS: Record<string, string[]> = {
  plan: ['--thread', '--as'],
  chat: ['--thread', '--as'],
  seed: ['--customers', '--seed'],
  segment: ['--as-of', '--save', '--use', '--diff', '--sample'],
  import: ['--map', '--date-format', '--time-zone', '--currency'],
  worker: ['--concurrency', '--now'],
  eval: ['--model', '--report'],
  serve: ['--port'],
  audit: ['--campaign'],
  forecast: ['--plan'],
  'outcomes import': ['--as'],
  'backtest hillstrom': ['--seed', '--recall'],
  sentiment: ['--lang'],
  'cross-sell mine': ['--limit'],
  support: ['--thread'],
  'bench dispatch': ['--sends', '--kill', '--concurrency'],
};
const keyOf = (invocation: string[]) => (VALUE_FLAGS[`${invocation[0]} ${invocation[1]}`] ? `${invocation[0]} ${invocation[1]}` : invocation[0]!);

/** Text no whole-number option reads: words, signs, decimals, exponents, other scripts' digits, nothing. */
const notWholeNumber = fc
  .oneof(
    fc.constantFrom('', ' ', 'ten', '-1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', '١٢', '１２', '+5', '12abc', '5 ', '٣'),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  )
  .filter((value) => !/^\d+$/.test(value.trim()));
/** Whole numbers outside each option's range. */
const OUT_OF_RANGE: Record<string, string[]> = {
  '--customers': ['0', '10000001', '99999999999999999999'],
  '--seed': ['99999999999999999999'],
  '--port': ['65536', '99999'],
  '--concurrency': ['0', '65'],
  '--sample': ['101', '1000'],
  '--limit': ['0'],
  '--sends': ['99999999999999999999'],
};
const unicodeOddities = fc.constantFrom('\u200b', '\u202e', '\ufeff', 'é', 'e\u0301', '🚀', '中文', '\u0000', '\t', '\n');
/** Thread and campaign ids: anything outside 1-100 letters, digits, _ and -. */
const badId = fc
  .oneof(
    fc.constantFrom('', ' ', 'a b', 'a/b', '../etc', 'x'.repeat(101), "'; DROP TABLE threads; --", 'cmp_1\u0000'),
    fc.tuple(fc.stringMatching(/^[a-z0-9_-]{0,10}$/), unicodeOddities).map(([id, odd]) => `${id}${odd}`),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  )
  .filter((value) => !/^[A-Za-z0-9_-]{1,100}$/.test(value));
const badInstant = fc.oneof(
  fc.constantFrom('', 'yesterday', '1', '0', '2026-13-01', '2026-02-30', '31/12/2026', '2026-11-24T25:00:00Z', 'Tuesday 10am', '1e12', '２０２６-01-01'),
  fc.string({ maxLength: 12 }).filter((value) => !/^\d{4}-\d{2}-\d{2}/.test(value.trim())),
);
const badDateFormat = fc
  .oneof(fc.constantFrom('', 'YYYY/MM/DD', 'Y-M-D', 'european', 'D.M.YY', 'seconds', 'ms'), fc.string({ maxLength: 10 }))
  .filter((value) => !/iso|ymd|mdy|dmy|epoch|unix|[mdy]{2}/i.test(value));
/** --map entries without `target=` before the source. */
const badMap = fc
  .oneof(fc.constantFrom('customer_id', '=CustomerID', 'customer_id:CustomerID', ' = ', 'a=b,c'), fc.string({ maxLength: 10 }).filter((value) => !value.includes('=') && value.trim() !== '' && !value.includes(',')));

/** Bad values for each checked option, and the words the error must contain. */
const BAD_VALUES: Array<{ invocation: string[]; flag: string; value: fc.Arbitrary<string>; names?: string }> = [
  ...(['--customers', '--seed'] as const).map((flag) => ({ invocation: ['seed'], flag, value: fc.oneof(notWholeNumber, fc.constantFrom(...OUT_OF_RANGE[flag]!)) })),
  { invocation: ['serve'], flag: '--port', value: fc.oneof(notWholeNumber, fc.constantFrom(...OUT_OF_RANGE['--port']!)) },
  { invocation: ['worker', '--once'], flag: '--concurrency', value: fc.oneof(notWholeNumber, fc.constantFrom(...OUT_OF_RANGE['--concurrency']!)) },
  { invocation: ['worker', '--once'], flag: '--now', value: badInstant },
  { invocation: ['segment', 'customers'], flag: '--as-of', value: badInstant },
  { invocation: ['segment', 'customers'], flag: '--sample', value: fc.oneof(notWholeNumber, fc.constantFrom(...OUT_OF_RANGE['--sample']!)) },
  { invocation: ['import', 'customers', 'people.csv'], flag: '--date-format', value: badDateFormat },
  { invocation: ['import', 'events', 'events.csv'], flag: '--map', value: badMap },
  { invocation: ['import', 'orders', 'orders.csv'], flag: '--time-zone', value: fc.constantFrom('Mars/Olympus', '', 'UTC+25', 'Asia/', '中国') },
  ...(['plan', 'chat', 'support'] as const).map((command) => ({ invocation: command === 'plan' ? ['plan', 'win back'] : [command], flag: '--thread', value: badId })),
  { invocation: ['audit'], flag: '--campaign', value: badId },
  { invocation: ['backtest', 'hillstrom', 'h.csv'], flag: '--seed', value: notWholeNumber },
  { invocation: ['backtest', 'hillstrom', 'h.csv'], flag: '--recall', value: notWholeNumber },
  { invocation: ['sentiment'], flag: '--lang', value: fc.oneof(fc.constantFrom('fr', 'EN', 'chinese', '', 'zh-CN'), fc.string({ maxLength: 6 })).filter((value) => !['en', 'zh', 'auto'].includes(value)) },
  { invocation: ['cross-sell', 'mine'], flag: '--limit', value: fc.oneof(notWholeNumber, fc.constantFrom('0')) },
  ...(['--sends', '--kill', '--concurrency'] as const).map((flag) => ({ invocation: ['bench', 'dispatch'], flag, value: notWholeNumber })),
];

const RUNS = 40;

describe('command-line flags under fuzzing (in process)', () => {
  it('an unknown flag on any command is named', async () => {
    const unknownFlag = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.option(unicodeOddities, { nil: '' }))
      .map(([name, odd]) => `--zz${name}${odd}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...INVOCATIONS), unknownFlag, fc.boolean(), async (invocation, flag, first) => {
        // Before or after the command's own words: commander sees it either way.
        const argv = first ? [...invocation.slice(0, 1), flag, ...invocation.slice(1)] : [...invocation, flag];
        expectRefused(await runInProcess(argv), shown(flag), argv);
      }),
      { numRuns: INVOCATIONS.length * 3, seed: 1 },
    );
  });

  it('a flag without its value is named', async () => {
    const cases = INVOCATIONS.flatMap((invocation) => (VALUE_FLAGS[keyOf(invocation)] ?? []).map((flag) => ({ invocation, flag })));
    // Global options too, before the command.
    cases.push({ invocation: [], flag: '--data-dir' }, { invocation: [], flag: '--policy' });
    for (const { invocation, flag } of cases) {
      const argv = [...invocation, flag];
      expectRefused(await runInProcess(argv), flag, argv);
    }
  });

  it('values of the wrong kind are refused naming the flag, also when the flag is repeated', async () => {
    const scenario = fc.constantFrom(...BAD_VALUES).chain((entry) =>
      fc.record({ entry: fc.constant(entry), value: entry.value, repeat: fc.constantFrom('none', 'good-first', 'bad-first') }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ entry, value, repeat }) => {
        const flags = repeat === 'none' ? [entry.flag, value] : repeat === 'good-first' ? [entry.flag, goodValue(entry.flag), entry.flag, value] : [entry.flag, value, entry.flag, goodValue(entry.flag)];
        const argv = [...entry.invocation, ...flags];
        expectRefused(await runInProcess(argv), entry.names ?? entry.flag, argv);
      }),
      { numRuns: BAD_VALUES.length * RUNS, seed: 2 },
    );
  });

  it('bad arguments are named: what to import, a campaign id, a command that does not exist, one argument too many', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 10 }).filter((kind) => !['customers', 'orders', 'events'].includes(kind) && !kind.startsWith('-')).map((kind) => ({ argv: ['import', kind, 'x.csv'], names: 'what to import' })),
          badId.filter((id) => !id.startsWith('-')).map((id) => ({ argv: ['outcomes', 'show', id], names: 'the campaign id' })),
          fc.stringMatching(/^[a-z]{3,10}$/).filter((name) => !['plan', 'chat', 'seed', 'segment', 'import', 'init', 'worker', 'eval', 'serve', 'policy', 'audit', 'forecast', 'outcomes', 'backtest', 'sentiment', 'support', 'bench', 'help'].includes(name)).map((name) => ({ argv: [name], names: shown(name) })),
          fc.constantFrom<string[]>(['seed', 'extra'], ['init', 'now'], ['serve', '3000'], ['chat', 'hello']).map((argv) => ({ argv, names: 'too many arguments' })),
        ),
        async ({ argv, names }) => {
          expectRefused(await runInProcess(argv), names, argv);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });
});

/** A value each flag accepts, for the repeated-flag runs. */
function goodValue(flag: string): string {
  const values: Record<string, string> = {
    '--customers': '100', '--seed': '7', '--port': '8080', '--concurrency': '4', '--now': '2026-11-24T10:00:00Z', '--as-of': '2026-11-24',
    '--sample': '3', '--date-format': 'iso', '--map': 'customer_id=id', '--time-zone': 'Asia/Shanghai', '--thread': 'thread-1', '--campaign': 'cmp_1',
    '--recall': '5', '--lang': 'en', '--limit': '10', '--sends': '10', '--kill': '1',
  };
  return values[flag]!;
}

describe('command-line flags in a real process', () => {
  const env = (): NodeJS.ProcessEnv => {
    const childEnv: NodeJS.ProcessEnv = { ...savedEnv, CAMPAIGN_AGENT_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete childEnv.DATABASE_URL;
    delete childEnv.OPENAI_API_KEY;
    return childEnv;
  };
  it.each([
    { argv: ['seed', '--customers', 'ten'], names: '--customers' },
    { argv: ['serve', '--port', '1e3'], names: '--port' },
    { argv: ['plan', 'win back', '--thread', 'bad id!'], names: '--thread' },
    { argv: ['import', 'customers', 'x.csv', '--map', 'customer_id'], names: '--map' },
    { argv: ['worker', '--once', '--now', '1'], names: '--now' },
  ])('$argv: exit code 1 and one line naming $names', ({ argv, names }) => {
    const result = spawnSync(process.execPath, [CLI, ...argv], { env: env(), encoding: 'utf8', timeout: 60_000 });
    expectRefused({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }, names, argv);
  });
});
