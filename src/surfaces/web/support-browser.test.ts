// The customer support page end to end in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core): signed in on the chat page, the header link opens the support page
// with the same token; a seeded customer verifies with order number and e-mail, asks where the
// order is, then gets angrier until the bot hands over. With the details switch on, each turn
// shows its sentiment and register, and the hand-over turn its reason and summary. Screenshots go
// to test-artifacts/browser/. The customers' help page (PUBLIC_SUPPORT=on) works without any token.
// Skipped without Chromium unless CAMPAIGN_AGENT_REQUIRE_BROWSER=1.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AVAILABLE, BROWSER_REQUIRED, CHROMIUM, launchTestBrowser, type TestBrowser } from '../../testing/test-browser.ts';
import { startTestServer, TEST_TOKENS, type TestServer } from './web-test-server.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const ANGRIER = [
  'This is really disappointing, the parcel came damaged and nobody has helped me.',
  "This is ridiculous. Worst service ever, I'm absolutely furious!",
  'Terrible, useless, I hate this shop!',
  'Awful, awful service, I am so angry!',
];

if (!BROWSER_AVAILABLE && !BROWSER_REQUIRED) process.stderr.write(`Skipping the support page browser test: no Chromium at ${CHROMIUM}.\n`);

describe.runIf(BROWSER_REQUIRED && !BROWSER_AVAILABLE)('the support page browser test (required here)', () => {
  it('has Chromium', () => {
    throw new Error(`CAMPAIGN_AGENT_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CAMPAIGN_AGENT_CHROMIUM`);
  });
});

describe.runIf(BROWSER_AVAILABLE)('the support page in headless Chromium', () => {
  let api: TestServer;
  let browser: TestBrowser;
  let page: Page;
  /** A seeded customer with an order and an e-mail address. */
  let customer: { orderId: string; email: string };

  beforeAll(async () => {
    api = await startTestServer({ now: () => NOW, seedCustomers: 300, publicSupport: true });
    const { rows } = await api.test.app.db.query<{ order_id: string; email: string }>(
      `SELECT o.id AS order_id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email IS NOT NULL ORDER BY o.ordered_at DESC, o.id LIMIT 1`,
    );
    customer = { orderId: rows[0]!.order_id, email: rows[0]!.email };
    browser = await launchTestBrowser();
    page = browser.page;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const shot = (name: string) => browser.shot(name);
  const botTurns = () => page.locator('#log .support-bot');

  /** Sends a customer message and waits for the bot's reply to that turn. */
  async function say(text: string): Promise<{ register: string; reply: string }> {
    const before = await botTurns().count();
    await page.fill('#message', text);
    await page.keyboard.press('Enter');
    const turn = botTurns().nth(before);
    await turn.locator('.reply').waitFor({ timeout: 60_000 });
    return { register: (await turn.getAttribute('data-register'))!, reply: await turn.locator('.reply').innerText() };
  }

  it('opens from the chat page header with the same token', async () => {
    await page.goto(api.url);
    await page.locator('#token-panel').waitFor();
    await page.fill('#token-input', TEST_TOKENS.marketer);
    await page.keyboard.press('Enter');
    await page.locator('#workspace').waitFor();
    await page.click('#support-link');
    await page.waitForURL(`${api.url}/support.html`);
    await page.locator('#workspace').waitFor();
    expect(await page.isVisible('#token-panel')).toBe(false);
    expect(await page.textContent('h1')).toBe('Customer support');
    expect(await page.textContent('#who')).toBe('Signed in as mia');
    expect(await page.locator('#log .support-greeting').innerText()).toContain('send its number together with the e-mail address');
  });

  it('verifies a customer, answers order status, changes register as they get angry and hands over with a summary', async () => {
    await page.check('#show-details');
    const status = await say(`Hi, where is my order ${customer.orderId}? My email is ${customer.email}`);
    expect(status.register).toBe('concise');
    expect(status.reply).toContain(`Order ${customer.orderId}`);
    expect(status.reply).not.toContain(customer.email);
    const first = botTurns().first().locator('.turn-details');
    expect(await first.isVisible()).toBe(true);
    expect(await first.locator('[data-detail="verified"] dd').innerText()).toBe('yes');
    expect(await first.locator('[data-detail="tone"] dd').innerText()).toMatch(/^concise · neutral · /);
    expect(await first.locator('[data-detail="sentiment"] dd').innerText()).toMatch(/^neutral \([+-]?\d\.\d\d; confidence \d\.\d\d\)$/);

    const registers = [status.register];
    for (const text of ANGRIER) {
      registers.push((await say(text)).register);
      if ((await page.locator('.handover-notice').count()) > 0) break;
    }
    expect(registers.slice(1).some((register) => register === 'apologetic_brief' || register === 'empathetic_solution_first'), registers.join(' ')).toBe(true);
    const handover = botTurns().last();
    expect(await handover.locator('.handed-over').innerText()).toBe('A member of our support team will take over this conversation.');
    const notice = handover.locator('.handover-notice');
    expect(await notice.locator('h3').innerText()).toBe('Hand-over: very negative twice');
    const summary = await notice.locator('.handover-summary').innerText();
    expect(summary).toMatch(new RegExp(`^Summary: customer \\S+, verified with order ${customer.orderId} \\(\\S+\\); ${registers.length} message\\(s\\) about .*; mood: neutral → .*very negative → very negative; .*handed over: repeated very negative messages\\.$`));
    // The page shows what the API recorded for each turn.
    const threadId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('campaign-agent.support')!).threadId as string);
    const { turns } = (await (await api.request(`/api/support/conversations/${threadId}`)).json()) as { turns: Array<{ register: string; escalation: string | null }> };
    expect(turns.map((turn) => turn.register)).toEqual(registers);
    expect(turns.at(-1)!.escalation).toBe('very_negative_repeated');
    expect(await botTurns().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-register')))).toEqual(registers);
    await shot('support-1-handover-details');
  });

  it('keeps the conversation on reload, hides details when asked, and speaks Chinese on request', async () => {
    const count = await botTurns().count();
    await page.reload();
    await page.locator('#workspace').waitFor();
    expect(await botTurns().count()).toBe(count);
    await page.uncheck('#show-details');
    expect(await page.locator('.turn-details').first().isVisible()).toBe(false);
    await page.check('#show-details');
    await page.click('#switch-language');
    expect(await page.textContent('h1')).toBe('在线客服');
    expect(await botTurns().last().locator('.handover-notice h3').innerText()).toBe('转人工: 客户多次表达强烈不满');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot('support-2-chinese-phone');
    await page.click('#switch-language');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('serves customers on the help page without any token, showing only what is theirs', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${api.url}/help.html`);
    await page.locator('#log .support-greeting').waitFor();
    expect(await page.textContent('h1')).toBe('Help');
    expect(await page.locator('#token-panel, #show-details').count()).toBe(0);
    const status = await say(`Where is my order ${customer.orderId}? My email is ${customer.email}`);
    expect(status.reply).toContain(`Order ${customer.orderId}`);
    expect(status.reply).not.toContain(customer.email);
    expect(await page.locator('.turn-details').count()).toBe(0);
    await say('Thanks, and when will it arrive?');
    await page.reload();
    await page.locator('#log .support-greeting').waitFor();
    expect(await botTurns().count()).toBe(2);
    // The conversation is the one the support team sees under /api, with its key kept in the tab.
    const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('campaign-agent.help')!) as { conversationId: string; key: string });
    expect(saved.conversationId).toMatch(/^help-/);
    const { turns } = (await (await api.request(`/api/support/conversations/${saved.conversationId}`)).json()) as { turns: unknown[] };
    expect(turns).toHaveLength(2);
    await shot('support-3-help-page');
    await page.click('#new-thread');
    expect(await botTurns().count()).toBe(0);
  });
});
