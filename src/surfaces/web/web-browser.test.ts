// The chat page end to end in real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): a marketer types a goal and sees the plan card without an Approve button; an
// approver opens the same thread, approves, and sees the campaign scheduled; once its outcome is
// recorded, the plan shows forecast versus actual, from the thread and from the campaign list. The
// forecast's drivers are drawn as a chart. Screenshots go to
// test-artifacts/browser/. Without Chromium the test is skipped, unless
// CAMPAIGN_AGENT_REQUIRE_BROWSER=1 (as in CI), where it fails.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AVAILABLE, BROWSER_REQUIRED, CHROMIUM, launchTestBrowser, type TestBrowser } from '../../testing/test-browser.ts';
import type { Plan } from '../../domain/plan.ts';
import { recordOutcomes } from '../../outcomes/record-outcomes.ts';
import { startTestServer, TEST_TOKENS, type TestServer } from './web-test-server.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const GOAL = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";
const HOW_TO_ENABLE = `the browser test needs Chromium at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (or point CAMPAIGN_AGENT_CHROMIUM at one)`;

if (!BROWSER_AVAILABLE && !BROWSER_REQUIRED) process.stderr.write(`Skipping the browser test: ${HOW_TO_ENABLE}.\n`);

describe.runIf(BROWSER_REQUIRED && !BROWSER_AVAILABLE)('the browser test (required here)', () => {
  it('has Chromium', () => {
    throw new Error(`CAMPAIGN_AGENT_REQUIRE_BROWSER=1 but ${HOW_TO_ENABLE}`);
  });
});

describe.runIf(BROWSER_AVAILABLE)('the chat page in headless Chromium', () => {
  let api: TestServer;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    api = await startTestServer({ now: () => NOW, seedCustomers: 800 });
    browser = await launchTestBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const shot = (name: string) => browser.shot(name);

  async function signIn(token: string) {
    await expect.poll(() => page.locator('#token-panel').isVisible()).toBe(true);
    await page.fill('#token-input', token);
    await page.keyboard.press('Enter');
    await page.locator('#workspace').waitFor({ state: 'visible' });
  }

  it('plans a goal as a marketer, then an approver approves it and sees it scheduled', async () => {
    await page.goto(api.url);
    expect(await page.evaluate('document.activeElement?.id')).toBe('token-input');
    await signIn(TEST_TOKENS.marketer);
    await expect.poll(() => page.textContent('#who')).toContain('mia (marketer)');

    await page.fill('#message', GOAL);
    await page.keyboard.press('Enter');
    const card = page.locator('.plan-card[data-status="needs_approval"]');
    await card.waitFor({ timeout: 60_000 });
    const text = await card.innerText();
    for (const part of ['Waiting for approval', 'Audience', 'Forecast', 'Conversions', 'Revenue', 'ROI', 'Copy', 'Guardrails', 'discount.ceiling', 'consent.channel', 'quiet_hours.local_time']) {
      expect(text).toContain(part);
    }
    expect(await card.locator('.forecast-chart svg.chart-bar rect.chart-range').count()).toBe(4);
    // The reasons: one chart row per driver, each with its bar, in the order the forecast gives them.
    const drivers = card.locator('.reasons .drivers-chart .driver');
    expect(await drivers.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-factor')))).toEqual(['channel', 'objective', 'offer', 'evidence', 'segment', 'season']);
    expect(await card.locator('.drivers-chart svg.driver-bar rect.driver-effect').count()).toBe(6);
    expect(await card.locator('.reasons').innerText()).toMatch(/Why this forecast[\s\S]*Channel[\s\S]*×\d\.\d\d[\s\S]*Offer[\s\S]*Audience[\s\S]*\+\d+(\.\d+)? pts/);
    expect(await card.locator('.versus-actual').count()).toBe(0);
    expect(await card.locator('.copy-variant').count()).toBe(2);
    expect(await page.locator('.entry-agent .steps li').count()).toBeGreaterThan(3);
    expect(await card.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Reject' }).count()).toBe(1);
    expect(text).toContain('Only approvers can approve this plan.');
    await shot('1-plan-as-marketer');

    await page.click('#change-token');
    await signIn(TEST_TOKENS.approver);
    const pending = page.locator('.plan-card[data-status="needs_approval"]');
    await pending.waitFor();
    const approve = pending.getByRole('button', { name: 'Approve' });
    await approve.focus();
    await shot('2-plan-as-approver');
    await page.keyboard.press('Enter');

    const scheduled = page.locator('.plan-card[data-status="scheduled"]');
    await scheduled.waitFor({ timeout: 60_000 });
    expect(await scheduled.innerText()).toContain('Approved by alex');
    const campaign = page.locator('.campaign[data-status="scheduled"]');
    await campaign.waitFor();
    expect(await campaign.innerText()).toMatch(/0 sent · \d+ queued · 0 failed/);
    await shot('3-scheduled');
  });

  it('is readable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('.plan-card[data-status="scheduled"]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot('4-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows forecast versus actual once the outcome is recorded, in the thread and from the campaign list', async () => {
    const threadId = await page.evaluate(() => localStorage.getItem('campaign-agent.thread'));
    const { plan } = (await (await api.request(`/api/threads/${threadId}/plan`)).json()) as { plan: Plan };
    const recipients = plan.forecast!.reachSteps!.recipients;
    const converted = Math.round(plan.forecast!.conversions.p50);
    await recordOutcomes(api.test.app.db, [{ line: 2, campaignId: plan.campaignId!, sent: recipients, delivered: recipients, converted, revenue: plan.forecast!.revenue.p90 * 3 + 1000, holdoutSize: 0, holdoutConverted: 0, endedAt: new Date('2026-12-01T00:00:00Z') }], { actor: 'olga', now: NOW });

    await page.reload();
    const versus = page.locator('.plan-card[data-status="scheduled"] .versus-actual');
    await versus.waitFor();
    expect(await versus.locator('.comparison').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-metric'), row.getAttribute('data-inside')]))).toEqual([
      ['conversions', 'true'],
      ['conversionRate', 'true'],
      ['revenue', 'false'],
    ]);
    expect(await versus.locator('svg.chart-bar rect.chart-actual').count()).toBe(3);
    const text = await versus.innerText();
    for (const part of ['Forecast vs actual', 'Campaign ended 2026-12-01', `converted ${converted}`, 'in range', 'outside range', 'No holdout was kept']) expect(text).toContain(part);

    const campaign = page.locator(`.campaign[data-campaign-id="${plan.campaignId}"][data-status="completed"]`);
    await campaign.waitFor();
    expect(await campaign.innerText()).toContain('Finished');
    await campaign.getByRole('button', { name: /^Forecast vs actual: / }).click();
    await expect.poll(() => page.locator('.plan-card .versus-actual').count()).toBe(2);
    // The campaign opened from the list also shows its A/B arms, as measured from its send rows.
    const { rows: armRows } = await api.test.app.db.query<{ variant: string; customers: number }>(
      'SELECT variant, count(DISTINCT customer_id)::int AS customers FROM sends WHERE campaign_id = $1 GROUP BY variant ORDER BY variant', [plan.campaignId]);
    const arms = page.locator('.arms-chart');
    await arms.waitFor();
    expect(await arms.locator('.arm').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-arm')).sort())).toEqual(armRows.map((row) => row.variant).sort());
    const armsText = await arms.innerText();
    expect(armsText).toContain('A/B test and holdout');
    for (const row of armRows) expect(armsText).toContain(`${row.customers.toLocaleString('en-US')} customers`);
    expect(await arms.locator('svg.chart-bar').count()).toBe(armRows.length);
    await shot('5-forecast-versus-actual');
  });

  it('speaks Chinese when the browser does, and switches language on request', async () => {
    await page.evaluate(() => localStorage.removeItem('campaign-agent.lang'));
    await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' }));
    await page.reload();
    await expect.poll(() => page.textContent('h1')).toBe('营销活动助手');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.click('#new-thread');
    await page.fill('#message', '召回90天未购买的高价值用户，短信，9折');
    await page.click('#send');
    const card = page.locator('.plan-card[data-status="needs_approval"]');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toContain('等待审批');
    await shot('6-chinese');

    await page.click('#switch-language');
    expect(await page.textContent('h1')).toBe('Campaign agent');
    expect(await page.locator('.plan-card[data-status="needs_approval"]').innerText()).toContain('Waiting for approval');
  });
});
