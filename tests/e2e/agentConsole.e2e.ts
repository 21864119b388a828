import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BotClient } from '../helpers/botClient';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { launchChromium, watchProblems } from './browser';
import { TravellerChannel } from './travellerChannel';

const REPORTS = path.resolve(__dirname, '../../reports');
const AGENT = { name: 'Ana', token: 'ana-e2e-token-0123456789abcdef' };
const MARKUP = '<img src=x onerror=alert(1)>';
const TEAMS_CHANNEL = '19:agents@thread.tacv2';

interface PolicyRemedy { remedyId: string; maxAmount?: { value: number; currency: string } }
interface ListedCase { id: string; reference: string; conversationId: string; summary: { title: string; facts: Record<string, string> } }

describe('Agent console (full app in Chromium)', () => {
  let running: RunningApp;
  let dataDir: string;
  let channel: TravellerChannel;
  let traveller: BotClient;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const dialogs: string[] = [];
  let theCase: ListedCase;
  let limited: PolicyRemedy | undefined;

  before(async () => {
    dataDir = tempDataDir();
    channel = new TravellerChannel();
    await channel.start();
    // The same stub plays the support team's Teams channel: new cases are posted there as a card.
    running = await startApp({
      DATA_DIR: dataDir,
      REBOUND_AGENTS: `${AGENT.name}:${AGENT.token}`,
      TEAMS_AGENT_CHANNEL_ID: TEAMS_CHANNEL,
      TEAMS_AGENT_SERVICE_URL: channel.url,
      PUBLIC_URL: 'https://rebound.example',
    });
    traveller = running.client({ channelId: 'webchat', serviceUrl: channel.url });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    problems = watchProblems(page);
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
    await channel?.stop();
    if (dataDir) removeDir(dataDir);
  });

  const api = async <T>(pathname: string): Promise<T> => {
    const res = await fetch(`${running.url}/api/agent${pathname}`, { headers: { authorization: `Bearer ${AGENT.token}` } });
    expect(res.status, pathname).to.equal(200);
    return (await res.json()) as T;
  };
  const chat = () => page.locator('.chat__list');

  it('should queue the case when the traveller asks for a person', async () => {
    await traveller.join();
    await traveller.say('I was charged twice for my hotel booking');
    await traveller.say('I want to talk to a person');
    const { cases } = await api<{ cases: ListedCase[] }>('/cases?status=pending');
    const found = cases.find((c) => c.conversationId === traveller.conversationId);
    expect(found, 'the case in the pending list').to.not.equal(undefined);
    theCase = found!;
  });

  it('should post the new case to the Teams agent channel with a link to the console', async () => {
    const posted = await channel.waitForText(new RegExp(`New case ${theCase.reference}`));
    expect(posted.conversation?.id).to.equal(TEAMS_CHANNEL);
    expect(JSON.stringify(posted.attachments)).to.contain(`https://rebound.example/agent#case/${theCase.id}`);
  });

  it('should refuse an unknown token at sign-in', async () => {
    const res = await page.goto(`${running.url}/agent`);
    expect(res?.status()).to.equal(200);
    expect(res?.headers()['content-security-policy']).to.contain("script-src 'self'");
    await page.locator('#token').fill('not-a-real-token-at-all');
    await page.locator('#token').press('Enter');
    await page.locator('#sign-in-error').getByText('Unknown token').waitFor();
  });

  it('should sign in and show the case in the queue with a ticking waiting time', async () => {
    await page.locator('#token').fill(AGENT.token);
    await page.locator('#token').press('Enter');
    const item = page.locator(`.queue__item[data-case-id="${theCase.id}"]`);
    await item.getByText(theCase.reference).waitFor();
    const wait = item.locator('.queue__wait');
    const first = await wait.textContent();
    expect(first).to.match(/^waiting \d+ (s|min)/);
    // A locator is looked up again on every poll: a stream event may re-render the queue and replace the element.
    const exactly = new RegExp(`^${first}$`); // letters, digits and spaces only, as checked above
    await wait.filter({ hasNotText: exactly }).waitFor({ timeout: 5_000 });
  });

  it('should open the case from the keyboard with the gathered context at the top', async () => {
    await page.locator(`.queue__item[data-case-id="${theCase.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('#case-title').getByText(theCase.reference).waitFor();
    expect(await page.locator('#context-title').textContent()).to.equal(theCase.summary.title || 'Asked for a person');
    for (const value of Object.values(theCase.summary.facts)) await page.locator('.facts').getByText(value).first().waitFor();
    await chat().getByText('charged twice', { exact: false }).first().waitFor();
  });

  it('should claim with the c shortcut and send a message the traveller receives', async () => {
    await page.locator('#case-title').focus();
    await page.keyboard.press('c');
    await page.locator('.case__head .badge--assigned').getByText(`assigned to ${AGENT.name}`).waitFor();
    await page.locator('#message-text').fill('Hello, I can see the double charge. Checking it now.');
    await page.locator('#message-text').press('Enter');
    const received = await channel.waitForText(/Checking it now/);
    expect(received.text).to.contain(AGENT.name);
    await chat().getByText('Checking it now', { exact: false }).waitFor();
  });

  it('should show the traveller reply in the chat pane without a reload', async () => {
    const replies = await traveller.say('Thank you, it was 189 EUR taken twice.');
    expect(replies.map((r) => r.text ?? ''), 'the bot stays quiet while an agent talks').to.deep.equal([]);
    await chat().getByText('it was 189 EUR taken twice', { exact: false }).waitFor();
  });

  it('should render markup from the traveller as text, never as HTML', async () => {
    await traveller.say(MARKUP);
    await chat().locator('.msg--traveller .msg__text', { hasText: MARKUP }).waitFor();
    expect(await chat().locator('img').count()).to.equal(0);
    expect(dialogs).to.deep.equal([]);
    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: path.join(REPORTS, 'agent-console-e2e.png'), fullPage: true });
  });

  it('should add an internal note that the traveller never receives', async () => {
    await page.locator('#note-text').fill('Refund approved by finance');
    await page.locator('#note-text').press('Enter');
    await page.locator('.notes__list').getByText('Refund approved by finance').waitFor();
    expect(channel.received.some((a) => (a.text ?? '').includes('Refund approved by finance'))).to.equal(false);
  });

  it('should offer only the policy remedies of the case and refuse an amount over the limit', async () => {
    const { remedies } = await api<{ remedies: PolicyRemedy[] }>(`/cases/${theCase.id}`);
    const options = await page.locator('#remedy option').evaluateAll((els) => els.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    expect(options).to.deep.equal(remedies.map((r) => r.remedyId));
    limited = remedies.find((r) => r.maxAmount);
    expect(limited, 'the shipped policy limits a remedy of double_charge').to.not.equal(undefined);
    await page.locator('#outcome').fill('We refunded the duplicate charge.');
    await page.locator('#remedy').selectOption(limited!.remedyId);
    await page.locator('#remedy-amount').fill(String(limited!.maxAmount!.value + 1));
    await page.locator('#resolve').click();
    await page.locator('#resolve-form .error').getByText('limited to', { exact: false }).waitFor();
    expect(await page.locator('.case__head .badge--assigned').count(), 'nothing sent: still assigned').to.equal(1);
  });

  it('should resolve with a remedy within the limit and give the conversation back to the bot', async () => {
    await page.locator('#outcome').fill('We refunded the duplicate charge.');
    await page.locator('#remedy-amount').fill(String(limited!.maxAmount!.value));
    await page.locator('#resolve').click();
    await page.locator('.case__head .badge--resolved').waitFor();
    await channel.waitForText(/refunded the duplicate charge/);
    const { case: resolved } = await api<{ case: { status: string; remedy?: { remedyId: string; amount?: number } } }>(`/cases/${theCase.id}`);
    expect(resolved.status).to.equal('resolved');
    expect(resolved.remedy).to.include({ remedyId: limited!.remedyId, amount: limited!.maxAmount!.value });
    expect(await page.locator('#message-text').isDisabled()).to.equal(true);
    const replies = await traveller.say('status');
    expect(replies.length, 'the bot answers again').to.be.greaterThan(0);
  });

  it('should run without Content-Security-Policy violations or page errors', () => {
    expect(problems).to.deep.equal([]);
  });
});
