import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BotClient, type ReplyActivity } from '../helpers/botClient';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { launchChromium, watchProblems } from './browser';

const REPORTS = path.resolve(__dirname, '../../reports');
const OWNER_TOKEN = 'owner-e2e-token-0123456789abcdef';
const FAQ_ID = 'refund-timeline';
const QUESTION = 'how long do refunds usualy take?'; // with a typo, as travellers type
const OLD_MARK = 'within 3 working days';
// The platform's own values are written by placeholder, once (a literal refund time is refused by the checks).
const NEW_ANSWER = 'Good news: refunds now reach you sooner. Cards take {refundTimeCard}, PayPal {refundTimePaypal}.';
const NEW_MARK = 'Good news: refunds now reach you sooner';

/** The bot's replies to a question, as one text (cards included). */
async function ask(url: string, text: string): Promise<string> {
  const replies: ReplyActivity[] = await new BotClient(url).say(text);
  return JSON.stringify(replies);
}

/** Asks until the answer contains `mark` (the NLU is retrained in the background after a publish); bounded. */
async function answerEventually(url: string, mark: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask(url, QUESTION);
    if (answer.includes(mark) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Calls the admin API as the owner (to play "someone else" in the conflict test). */
async function adminCall(url: string, method: string, route: string, body?: unknown, etag?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' };
  if (etag) headers['if-match'] = etag;
  const res = await fetch(`${url}/api/admin${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, etag: res.headers.get('etag') ?? '', body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

describe('Owner console (full app in Chromium)', () => {
  let running: RunningApp;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let versionBeforeEdit: number;

  before(async () => {
    dataDir = tempDataDir();
    running = await startApp({ DATA_DIR: dataDir, REBOUND_OWNERS: `olivia:${OWNER_TOKEN}` });
    versionBeforeEdit = Number(running.app.knowledge.current().version);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    problems = watchProblems(page);
    page.on('dialog', (dialog) => void dialog.accept());
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
    if (dataDir) removeDir(dataDir);
  });

  const editor = (p: Page) => p.locator('form.editor');
  const fieldError = (p: Page, label: RegExp) => p.locator('.field', { has: p.getByLabel(label) }).locator('.error');

  it('should refuse a wrong token and sign in with the owner token', async () => {
    expect((await page.goto(`${running.url}/admin`))?.status()).to.equal(200);
    await page.getByLabel('Owner token').fill('not-a-real-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This token is not recognised.').waitFor();
    await page.getByLabel('Owner token').fill(OWNER_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  it('should show a missing field and the server\'s problem next to the fields they name', async () => {
    await page.goto(`${running.url}/admin#/sources/wanderly_confirmation_email`);
    const title = page.getByLabel(/^Title/);
    await title.fill('');
    await fieldError(page, /^Title/).getByText('Title is required').waitFor();
    await title.fill('Wanderly confirmation e-mail');
    await page.getByLabel(/^Problems/).fill('booking_not_found, no_such_problem');
    // Checked by the server against the whole draft as the owner types (POST /api/admin/kb/check).
    await fieldError(page, /^Problems/).getByText('unknown problem "no_such_problem"').waitFor();
    await page.getByRole('button', { name: 'Save to draft' }).click();
    await page.getByText('Not saved', { exact: false }).waitFor();
    expect(await page.getByLabel(/^Problems/).getAttribute('aria-invalid')).to.equal('true');
    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: path.join(REPORTS, 'admin-console-validation.png'), fullPage: true });
  });

  it('should keep the owner\'s text when someone else changed the FAQ (409) and save after a reload', async () => {
    await page.goto(`${running.url}/admin#/faqs`);
    await page.getByLabel('Search').fill('refunds usually');
    await page.getByRole('link', { name: 'How long do refunds usually take?' }).click();
    const answer = editor(page).getByLabel(/^Answer/);
    await answer.waitFor();
    await answer.fill(NEW_ANSWER);
    // Someone else saves the same FAQ meanwhile.
    const theirs = await adminCall(running.url, 'GET', `/faqs/${FAQ_ID}`);
    const put = await adminCall(running.url, 'PUT', `/faqs/${FAQ_ID}`, { ...theirs.body, tags: ['refunds', 'payments'] }, theirs.etag);
    expect(put.status).to.equal(200);
    await page.getByRole('button', { name: 'Save to draft' }).click();
    await page.getByText('Someone else changed this since you opened it; reload to see their version.').waitFor();
    expect(await answer.inputValue()).to.equal(NEW_ANSWER);
    await page.getByRole('button', { name: 'Reload their version' }).click();
    await page.locator('.mine pre').getByText(NEW_MARK, { exact: false }).waitFor();
    expect(await editor(page).getByLabel(/^Tags/).inputValue()).to.equal('refunds, payments');
    await editor(page).getByLabel(/^Answer/).fill(NEW_ANSWER);
    await page.getByRole('button', { name: 'Save to draft' }).click();
    await page.getByText('Saved to the draft.', { exact: false }).waitFor();
  });

  it('should publish the draft, and the bot should answer with the new text without a restart', async () => {
    expect(await ask(running.url, QUESTION)).to.include(OLD_MARK);
    await page.goto(`${running.url}/admin#/draft`);
    await page.locator('.diff__row', { hasText: FAQ_ID }).waitFor();
    await page.getByLabel('What changed (kept in the history)').fill('Refunds in 4 days');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('There is no draft', { exact: false }).waitFor();
    expect(Number(running.app.knowledge.current().version)).to.equal(versionBeforeEdit + 1);
    expect(await answerEventually(running.url, NEW_MARK)).to.include(NEW_MARK);
  });

  it('should show the change in the history and roll back to the previous version', async () => {
    await page.goto(`${running.url}/admin#/history`);
    const latest = page.locator(`.version[data-version="${versionBeforeEdit + 1}"]`);
    await latest.getByText('Refunds in 4 days').waitFor();
    await latest.locator('summary').first().click();
    await latest.locator('.diff__row', { hasText: FAQ_ID }).locator('summary').click();
    await latest.locator('.linediff__add', { hasText: NEW_MARK }).waitFor();
    await page.getByRole('button', { name: `Restore version ${versionBeforeEdit}` }).click();
    await page.locator(`.version[data-version="${versionBeforeEdit + 2}"]`).waitFor();
    expect(await answerEventually(running.url, OLD_MARK)).to.include(OLD_MARK);
  });

  it('should draw the analytics as charts with data', async () => {
    // A traveller with a problem who asks for a person: a case, a handoff and its reason.
    const traveller = new BotClient(running.url);
    await traveller.say('the hotel says it has no reservation for me');
    await traveller.say('talk to a person');
    await page.goto(`${running.url}/admin#/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const charts = page.locator('figure.chart svg[role="img"]');
    await charts.first().waitFor();
    expect(await charts.count()).to.be.at.least(6);
    const daily = page.locator('figure.chart', { hasText: 'Conversations per day' });
    // The conversations of the tests above are counted: the line has points and the table has a non-zero row.
    expect(await daily.locator('circle').count()).to.be.greaterThan(0);
    expect(await daily.locator('svg title').first().textContent()).to.equal('Conversations per day');
    const cells = await daily.locator('table td').allTextContents();
    expect(cells.some((c) => Number(c) > 0)).to.equal(true);
    const reasons = page.locator('figure.chart', { hasText: 'Handoff reasons' });
    expect(await reasons.locator('rect.chart__bar').count()).to.be.at.least(1);
    await page.screenshot({ path: path.join(REPORTS, 'admin-console-dashboard.png'), fullPage: true });
  });

  it('should run without Content-Security-Policy violations or page errors', () => {
    expect(problems).to.deep.equal([]);
  });
});
