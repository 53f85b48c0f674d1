// `campaign-agent cross-sell mine` and `cross-sell recommend` as a user runs them, on the demo seed:
// its phone -> phone case -> screen protector follow-up purchases must come out as rules, and the
// thresholds from the environment must apply.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../data/open-database.ts';
import { seedDemoData } from '../../../data/seed/seed-demo-data.ts';
import { DEFAULT_CROSS_SELL_SETTINGS } from '../../../domain/cross-sell.ts';
import { createPostgresDatabase, memoryEnabledInTests } from '../../../testing/test-database.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'campaign-agent.mjs');
const CLEAR_PHONE_CASE = 'sku-phone-accessories-01';
let dir: string;
let dropPostgres: (() => Promise<void>) | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-agent-cross-sell-cli-'));
  env = { ...process.env, LOG_LEVEL: 'silent', CAMPAIGN_AGENT_MEMORY: memoryEnabledInTests ? 'on' : 'off', CAMPAIGN_AGENT_DATA_DIR: join(dir, 'data') };
  delete env.OPENAI_API_KEY;
  for (const key of Object.keys(env)) if (key.startsWith('CAMPAIGN_AGENT_CROSS_SELL_')) delete env[key];
  let databaseUrl: string | null = null;
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    dropPostgres = created.drop;
    databaseUrl = created.url;
    env.DATABASE_URL = created.url;
  } else {
    delete env.DATABASE_URL;
  }
  const db = await openDatabase({ databaseUrl, dataDir: join(dir, 'data'), memory: memoryEnabledInTests });
  try {
    await seedDemoData(db, { customers: 2000, asOf: new Date('2026-11-20T15:00:00Z') });
  } finally {
    await db.close();
  }
});
afterAll(async () => {
  await dropPostgres?.();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface PrintedRule {
  antecedentName: string;
  consequentName: string;
  support: number;
  confidence: number;
  lift: number;
  pairCount: number;
}

describe('campaign-agent cross-sell', () => {
  it('mines the demo orders: phone case -> screen protector rules, every rule within the default thresholds', () => {
    const result = runCli(['cross-sell', 'mine', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { baskets: number; thresholds: unknown; rules: PrintedRule[] };
    const { maxRecommendations: _unused, ...thresholds } = DEFAULT_CROSS_SELL_SETTINGS;
    expect(printed.thresholds).toEqual(thresholds);
    expect(printed.baskets).toBeGreaterThan(1500);
    for (const rule of printed.rules) {
      expect(rule.support).toBeGreaterThanOrEqual(thresholds.minSupport);
      expect(rule.pairCount).toBeGreaterThanOrEqual(thresholds.minPairCount);
      expect(rule.confidence).toBeGreaterThanOrEqual(thresholds.minConfidence);
      expect(rule.lift).toBeGreaterThanOrEqual(thresholds.minLift);
    }
    const caseToProtector = printed.rules.filter((rule) => /Phone Case/.test(rule.antecedentName) && /Screen Protector/.test(rule.consequentName));
    expect(caseToProtector.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...caseToProtector.map((rule) => rule.lift))).toBeGreaterThan(2);
  });

  it('prints the rules as a table with the thresholds in effect', () => {
    const table = runCli(['cross-sell', 'mine', '--limit', '3']);
    expect(table.code).toBe(0);
    const [heading, blank, header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(heading).toMatch(
      /^\d+ rules from \d+ baskets \(a basket: an order plus the next 14 days\); thresholds: support >= 0\.20% and >= 10 baskets, confidence >= 10\.00%, lift >= 1\.5$/,
    );
    expect(blank).toBe('');
    expect(header).toMatch(/^if bought +then also +baskets +support +confidence +lift$/);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatch(/^\.\.\. \d+ more \(--limit, or --json for all\)$/);
  });

  it('recommends a screen protector for a phone case', () => {
    const recommended = runCli(['cross-sell', 'recommend', CLEAR_PHONE_CASE]);
    expect(recommended.code).toBe(0);
    const lines = recommended.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(DEFAULT_CROSS_SELL_SETTINGS.maxRecommendations);
    expect(lines[0].name).toMatch(/Screen Protector/);
    expect(Object.keys(lines[0]).sort()).toEqual(['confidence', 'lift', 'name', 'productId', 'support']);
  });

  const strict = { CAMPAIGN_AGENT_CROSS_SELL_MIN_LIFT: '1000' };

  it('mines with the thresholds from the environment', () => {
    expect(JSON.parse(runCli(['cross-sell', 'mine', '--json'], strict).stdout).rules).toEqual([]);
  });

  it('recommends with the thresholds from the environment', () => {
    expect(runCli(['cross-sell', 'recommend', CLEAR_PHONE_CASE], strict)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('rejects an invalid threshold with a one-line message naming it', () => {
    const invalid = runCli(['cross-sell', 'recommend', CLEAR_PHONE_CASE], { CAMPAIGN_AGENT_CROSS_SELL_MIN_CONFIDENCE: 'high' });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^campaign-agent: configuration is invalid: crossSell\.minConfidence/);
  });
});
