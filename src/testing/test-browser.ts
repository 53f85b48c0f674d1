// For browser tests: where Chromium is (Debian's /usr/bin/chromium unless CAMPAIGN_AGENT_CHROMIUM),
// whether it must be there (CAMPAIGN_AGENT_REQUIRE_BROWSER=1, as in CI), where screenshots go, and a
// headless Chromium with its own throw-away profile, driven by playwright-core.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CAMPAIGN_AGENT_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_REQUIRED = process.env.CAMPAIGN_AGENT_REQUIRE_BROWSER === '1';
export const BROWSER_AVAILABLE = existsSync(CHROMIUM);
export const BROWSER_ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'browser');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** A full-page screenshot into test-artifacts/browser/<name>.png. */
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Headless Chromium at 1280x900 in US English, on a fresh profile removed again by `close`. */
export async function launchTestBrowser(): Promise<TestBrowser> {
  mkdirSync(BROWSER_ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'campaign-agent-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    shot: (name) => page.screenshot({ path: join(BROWSER_ARTIFACTS, `${name}.png`), fullPage: true }),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
