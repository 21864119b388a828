import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { App } from '../../src/app';
import { startWebChatRig, type WebChatRig } from './browser';

const REPORTS = path.resolve(__dirname, '../../reports');

describe('Web chat page (full app in Chromium)', () => {
  let rig: WebChatRig;
  let app: App;
  let page: Page;
  let origin: string;
  let problems: string[];

  before(async () => {
    rig = await startWebChatRig('webchat', { width: 900, height: 900 });
    ({ app, page, origin, problems } = rig);
  });

  after(async () => {
    await rig?.stop();
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
