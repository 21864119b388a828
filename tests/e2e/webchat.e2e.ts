import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { launchChromium, watchProblems } from './browser';

const REPORTS = path.resolve(__dirname, '../../reports');

describe('Web chat page (full app in Chromium)', () => {
  let app: App;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let dataDir: string;
  let problems: string[];

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-e2e-'));
    const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn', KB_DIR: path.resolve(__dirname, '../../knowledge') });
    if (!config.ok) throw new Error(config.errors.join('; '));
    app = await createApp(config.value, { logger: createLogger('warn') });
    const address = await app.start(0, '127.0.0.1');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    problems = watchProblems(page);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const transcript = (p: Page) => p.locator('.webchat__basic-transcript');
  const sendBox = (p: Page) => p.locator('[data-id="webchat-sendbox-input"]');

  it('should show the welcome of the knowledge base when the page opens', async () => {
    const welcome = firstLine(app.knowledge.current().kb.platform.messages.welcome);
    const res = await page.goto(origin);
    expect(res?.status()).to.equal(200);
    await transcript(page).getByText(welcome).first().waitFor({ timeout: 30_000 });
  });

  it('should answer a question typed by the traveller', async () => {
    await sendBox(page).fill('How long do refunds usually take?');
    await sendBox(page).press('Enter');
    await transcript(page).getByText('working days', { exact: false }).first().waitFor({ timeout: 30_000 });
  });

  it('should react to a card button', async () => {
    const before = await botActivityCount(page);
    await page.locator('.ac-pushButton').last().click();
    await page.locator('.webchat__basic-transcript__activity').nth(before).waitFor({ timeout: 30_000 });
  });

  it('should find the same conversation again after a reload', async () => {
    const conversationId = await page.locator('#webchat').getAttribute('data-conversation-id');
    await page.reload();
    await transcript(page).getByText('How long do refunds usually take?', { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#webchat').getAttribute('data-conversation-id')).to.equal(conversationId);
    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: path.join(REPORTS, 'webchat-e2e.png'), fullPage: true });
  });

  it('should run without Content-Security-Policy violations or page errors', () => {
    expect(problems).to.deep.equal([]);
  });
});

/** The welcome's first line as a pattern: Adaptive Cards render ' as a typographic apostrophe, emoji vary. */
function firstLine(text: string): RegExp {
  const words = text.split('\n')[0]!.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'u');
}

async function botActivityCount(page: Page): Promise<number> {
  return page.locator('.webchat__basic-transcript__activity').count();
}
