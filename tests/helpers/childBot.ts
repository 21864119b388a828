import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A Rebound server running in a child process (tests/helpers/botProcess.ts). */
export interface ChildBot {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited, with its signal (or exit code when it exited on its own). */
  exited: Promise<NodeJS.Signals | number | null>;
  /** Sends SIGTERM (graceful) or SIGKILL and waits for the exit. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<NodeJS.Signals | number | null>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts the bot on dataDir and resolves once /readyz answers ok (polled, bounded by timeoutMs): /healthz is
 * already 200 while it starts (alive), and on a new DATA_DIR the NLU trains first (about 12 s, more on a busy machine).
 */
export async function spawnBot(dataDir: string, timeoutMs = 60_000): Promise<ChildBot> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--require', 'tsx/cjs', path.join(__dirname, 'botProcess.ts'), dataDir, String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let done = false;
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal ?? code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const bot: ChildBot = {
    url,
    child,
    exited,
    stop: (signal) => {
      if (!done) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done) throw new Error(`the bot process exited before it was ready: ${stderr.trim()}`);
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return bot;
    await delay(50); // polling interval of a bounded readiness loop, not a synchronisation sleep
  }
  await bot.stop('SIGKILL');
  throw new Error(`the bot process was not ready within ${timeoutMs} ms: ${stderr.trim()}`);
}
