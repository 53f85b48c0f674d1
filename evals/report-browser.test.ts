// The HTML eval report as an engineer opens it: `campaign-agent eval copy --report FILE` on the
// offline model, then the file in real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core). The page shows the verdict against the committed baseline, the suite's pass rate
// beside the baseline's, the history chart and every case, and runs no script that fails.
// Without Chromium the test is skipped, unless CAMPAIGN_AGENT_REQUIRE_BROWSER=1 (as in CI).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../src/testing/test-database.ts';
import { BROWSER_ARTIFACTS as ARTIFACTS, BROWSER_AVAILABLE, BROWSER_REQUIRED as REQUIRED, CHROMIUM } from '../src/testing/test-browser.ts';

const CLI = join(import.meta.dirname, '..', 'bin', 'campaign-agent.mjs');
const copyCaseIds = (parse(readFileSync(join(import.meta.dirname, 'suites', 'copy.yaml'), 'utf8')) as { cases: Array<{ id: string }> }).cases.map((entry) => entry.id);

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-agent-report-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(!usingPostgres && (BROWSER_AVAILABLE || REQUIRED))('the eval report in headless Chromium', () => {
  it('shows the run against the baseline, the history chart and every case', async () => {
    const report = join(dir, 'report.html');
    const env: NodeJS.ProcessEnv = { ...process.env, CAMPAIGN_AGENT_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
    for (const name of ['OPENAI_API_KEY', 'DATABASE_URL', 'LANGSMITH_API_KEY', 'EVAL_JUDGE_MODEL']) delete env[name];
    const run = spawnSync(process.execPath, [CLI, 'eval', 'copy', '--report', report], { env, encoding: 'utf8', timeout: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/No regressions against the baseline/);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pathToFileURL(report).href);

    await expect(page.title()).resolves.toMatch(/^campaign-agent evals · offline · /);
    expect(await page.locator('.banner.ok').innerText()).toMatch(/^No regressions against the baseline for offline\./);
    const suiteRow = page.locator('#suites ~ table tr', { hasText: 'copy' }).first();
    const cells = await suiteRow.locator('td').allInnerTexts();
    expect(cells[0]).toBe('copy');
    expect(Number(cells[1])).toBe(copyCaseIds.length);
    expect(cells[8]).toBe(cells[9]); // pass rate equal to the baseline's
    expect(await page.locator('#history ~ svg, #history ~ * svg').count()).toBeGreaterThan(0);
    const body = await page.locator('body').innerText();
    for (const id of copyCaseIds) expect(body).toContain(id);
    expect(pageErrors).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'eval-report.png'), fullPage: true });
  });
});
