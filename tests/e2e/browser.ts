import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';

/** Debian's Chromium (CI installs it with apt-get); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags a sandbox-less CI container needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Records what the page reports as broken: CSP violations, uncaught errors, failed requests to our origin. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`csp: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** The whole app on a free port with the shipped knowledge base, and a Chromium page watched for problems. */
export interface WebChatRig {
  app: App;
  browser: Browser;
  page: Page;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** What the page reported as broken (see watchProblems). */
  problems: string[];
  stop(): Promise<void>;
}

/** Starts a rig in a fresh data folder (`name` tells the folders apart); `stop()` removes everything. */
export async function startWebChatRig(name: string, viewport = { width: 900, height: 1100 }): Promise<WebChatRig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `rebound-e2e-${name}-`));
  const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn', KB_DIR: path.resolve(__dirname, '../../knowledge') });
  if (!config.ok) throw new Error(config.errors.join('; '));
  const app = await createApp(config.value, { logger: createLogger('warn') });
  const origin = `http://127.0.0.1:${(await app.start(0, '127.0.0.1')).port}`;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const problems = watchProblems(page);
  return {
    app, browser, page, origin, problems,
    async stop() {
      await browser.close();
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
