import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import type { Browser, Frame, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { launchChromium, watchProblems } from './browser';

const SECRET = 'e2e-platform-identity-secret-0123456789abcdef';

/**
 * The travel platform's own site, on another loopback port (another origin): a sign-in cookie, a page with the
 * launcher's one <script> tag, and the backend route that asks Rebound for the signed-in user's token.
 */
function platformSite(rebound: () => string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://platform');
    const user = /(?:^|;\s*)user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (url.pathname === '/login') {
      res.writeHead(302, { 'set-cookie': `user=${encodeURIComponent(url.searchParams.get('user') ?? '')}; Path=/; HttpOnly`, location: '/' });
      res.end();
      return;
    }
    if (url.pathname === '/rebound-token' && req.method === 'POST') {
      if (!user) {
        res.writeHead(401);
        return res.end();
      }
      // The platform's backend: a short-lived assertion of its signed-in user, signed with the shared secret.
      const assertion = jwt.sign({ sub: decodeURIComponent(user) }, SECRET, { algorithm: 'HS256', audience: 'rebound', expiresIn: 300 });
      void fetch(`${rebound()}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ assertion }) })
        .then(async (r) => {
          const body = await r.text();
          res.writeHead(r.status, { 'content-type': 'application/json' });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body><h1>My trips</h1><script src="${rebound()}/embed.js" data-token-url="/rebound-token" async></script></body></html>`);
  });
}

describe('Web chat embedded on the platform\'s pages (Chromium, two origins)', () => {
  let app: App;
  let site: Server;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let rebound = '';
  let platform = '';
  let dataDir = '';

  before(async () => {
    site = platformSite(() => rebound);
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    platform = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-e2e-embed-'));
    const config = parseConfig({
      NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn', KB_DIR: path.resolve(__dirname, '../../knowledge'),
      EMBED_ORIGINS: platform, PLATFORM_IDENTITY_SECRET: SECRET,
    });
    if (!config.ok) throw new Error(config.errors.join('; '));
    app = await createApp(config.value, { logger: createLogger('warn') });
    rebound = `http://127.0.0.1:${(await app.start(0, '127.0.0.1')).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    problems = watchProblems(page);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should open the chat from the bubble and show the signed-in traveller\'s booking without a reference', async () => {
    await page.goto(`${platform}/login?user=${encodeURIComponent('anna.schmidt@gmail.com')}`);
    await page.locator('#rebound-launcher').click();
    const frame = await chatFrame(page);
    const transcript = frame.locator('.webchat__basic-transcript');
    await transcript.locator('.webchat__basic-transcript__activity').first().waitFor({ timeout: 30_000 });
    const sendBox = frame.locator('[data-id="webchat-sendbox-input"]');
    await sendBox.fill('the hotel says they have no reservation for me');
    await sendBox.press('Enter');
    // Answered without typing any reference: the questions the booking does not answer are answered "I don't know".
    for (let i = 0; i < 4 && !(await transcript.getByText('WL-H482913', { exact: false }).count()); i++) {
      await transcript.locator('.webchat__basic-transcript__activity').last().waitFor({ timeout: 30_000 });
      await frame.waitForTimeout(0);
      const before = await transcript.locator('.webchat__basic-transcript__activity').count();
      await sendBox.fill("I don't know");
      await sendBox.press('Enter');
      await transcript.locator('.webchat__basic-transcript__activity').nth(before + 1).waitFor({ timeout: 30_000 });
    }
    await transcript.getByText('WL-H482913', { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(await transcript.getByText('To keep bookings private', { exact: false }).count()).to.equal(0);
  });

  it('should run without Content-Security-Policy violations or page errors', () => {
    expect(problems).to.deep.equal([]);
  });
});

/** The chat's frame once its page has loaded (served by Rebound, framed by the platform's page). */
async function chatFrame(page: Page): Promise<Frame> {
  await page.locator('#rebound-chat').waitFor({ timeout: 30_000 });
  const handle = await page.locator('#rebound-chat').elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('no chat frame');
  await frame.waitForLoadState('load');
  return frame;
}
