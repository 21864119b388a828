import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { removeDir, SHIPPED_KB_DIR, tempDataDir } from '../helpers/testApp';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** GET a probe: its status, or 0 when nothing answers. */
const status = (url: string) => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);

/** Polls until check() holds (bounded): the condition is the process's state, which no event tells this test. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await delay(50); // polling interval of a bounded wait, not a synchronisation sleep
  }
}

describe('src/index.ts: probes at start-up and a graceful shutdown', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;

  afterEach(() => {
    child?.kill('SIGKILL');
    removeDir(dataDir);
  });

  it('should answer /readyz 503 from SIGTERM on, keep serving for SHUTDOWN_DRAIN_SECONDS, then exit 0', async function () {
    this.timeout(90_000);
    dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, KB_DIR: SHIPPED_KB_DIR, SHUTDOWN_DRAIN_SECONDS: '3', DOTENV_CONFIG_QUIET: 'true' };
    child = spawn(process.execPath, ['--disable-warning=DEP0111', '--require', 'tsx/cjs', path.resolve(__dirname, '../../src/index.ts')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    // Alive before it is ready: the start-up probes answer while the app is built.
    await until('/healthz answers', async () => (await status(`${url}/healthz`)) === 200);
    await until('/readyz answers 200', async () => (await status(`${url}/readyz`)) === 200);

    child.kill('SIGTERM');
    await until('/readyz answers 503 after SIGTERM', async () => (await status(`${url}/readyz`)) === 503, 5_000);
    expect(await status(`${url}/healthz`), 'liveness while draining').to.equal(200);
    const turn = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'how long does a refund take?', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'drain-1' }, from: { id: 'u1' }, recipient: { id: 'rebound' }, deliveryMode: 'expectReplies' }),
    });
    expect(turn.status, 'a traveller is still answered while the load balancer takes the instance out').to.equal(200);
    expect(await exited).to.equal(0);
  });
});
