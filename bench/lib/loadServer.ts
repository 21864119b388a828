/**
 * The server under load, in its own process so the load generator does not share its event loop:
 * `app` = the real Rebound app (SQLite in a temp DATA_DIR, the shipped KB); `echo` = the same restify server
 * (makeServer: security headers, body parser, rate limits, error mapping) with a trivial bot that echoes, the
 * baseline of what HTTP + JSON cost. Started by bench/load.ts through fork(); reports its port over IPC.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { rateLimitSettings } from '../../src/http/rateLimitRules';
import type { BotGateway, IncomingActivity } from '../../src/http/ports';
import { makeServer } from '../../src/server';
import { createLogger, silentLogger } from '../../src/shared/logger';

/** A bot that answers every message with its own text (expectReplies), and nothing else. */
export const echoBot: BotGateway = {
  async processActivity(_authorization: string, activity: IncomingActivity) {
    const text = typeof activity.text === 'string' ? activity.text : '';
    return { status: 200, body: { activities: [{ type: 'message', text: `echo: ${text}`, conversation: activity.conversation, recipient: activity.from }] } };
  },
};

async function main(): Promise<void> {
  const mode = process.argv[2] === 'echo' ? 'echo' : 'app';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-load-'));
  const parsed = parseConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', DATA_DIR: dataDir, KB_DIR: path.join(__dirname, '..', '..', 'knowledge'), PORT: '0' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const config = parsed.value;
  let port: number;
  let stop: () => Promise<void>;
  if (mode === 'echo') {
    const health = { health: async () => ({ status: 'ok' as const, version: 'echo', uptimeSeconds: 0, knowledgeBase: null, storage: { ok: true, backend: 'none' }, authentication: 'none (local use)' as const }) };
    const server = makeServer({ logger: silentLogger, bot: echoBot, health, maxBodyBytes: config.MAX_BODY_BYTES, rateLimits: rateLimitSettings(config) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
    stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  } else {
    const app = await createApp(config, { logger: createLogger(config.LOG_LEVEL) });
    port = (await app.start(0, '127.0.0.1')).port;
    stop = () => app.stop();
  }
  process.send?.({ port });
  process.on('message', (m: { stop?: boolean }) => {
    if (!m.stop) return;
    void stop().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
