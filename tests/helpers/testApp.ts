import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import { silentLogger } from '../../src/shared/logger';
import { BotClient, type BotClientOptions } from './botClient';

/** The shipped knowledge base, whatever the working directory. */
export const SHIPPED_KB_DIR = path.resolve(__dirname, '../../knowledge');

/** A fresh temporary folder for DATA_DIR; the caller removes it (removeDir). */
export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'rebound-app-'));
}

/** Removes a folder made by tempDataDir. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A validated test configuration: silent, shipped KB, on port 0; `env` overrides any setting. */
export function testConfig(env: Record<string, string> = {}): Config {
  const parsed = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', KB_DIR: SHIPPED_KB_DIR, ...env });
  if (!parsed.ok) throw new Error(`bad test configuration:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.value;
}

/** A started app and its address. */
export interface RunningApp {
  app: App;
  url: string;
  config: Config;
  /** A client of a new conversation on this app. */
  client(options?: BotClientOptions): BotClient;
  /** Stops the app (idempotent). */
  stop(): Promise<void>;
}

/** Builds and starts an app on 127.0.0.1, port 0, with a silent logger. */
export async function startApp(env: Record<string, string>, overrides: Partial<AppOverrides> = {}): Promise<RunningApp> {
  const config = testConfig(env);
  const app = await createApp(config, { logger: silentLogger, ...overrides });
  const address = await app.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  let stopping: Promise<void> | null = null;
  return {
    app,
    url,
    config,
    client: (options) => new BotClient(url, options),
    stop: () => (stopping ??= app.stop()),
  };
}

/**
 * Registers before()/after() hooks that run one app on a temp DATA_DIR for the enclosing describe();
 * get() returns it inside tests.
 */
export function useTestApp(env: Record<string, string> = {}): { get(): RunningApp } {
  let running: RunningApp | undefined;
  let dataDir: string | undefined;
  before(async function () {
    this.timeout(30_000);
    dataDir = tempDataDir();
    running = await startApp({ DATA_DIR: dataDir, ...env });
  });
  after(async () => {
    await running?.stop();
    if (dataDir) removeDir(dataDir);
  });
  return {
    get() {
      if (!running) throw new Error('the test app has not started');
      return running;
    },
  };
}
