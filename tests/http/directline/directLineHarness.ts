import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { makeServer } from '../../../src/server';
import { silentLogger } from '../../../src/shared/logger';
import type { Clock } from '../../../src/shared/clock';
import { createDirectLine, type DirectLine } from '../../../src/http/directline';
import type { BotGateway } from '../../../src/http/ports';

/** The secret the harness runs with. */
export const SECRET = 'test-secret-test-secret-test-secret-0123';

/** A running server with the local Direct Line, for protocol tests. */
export interface Harness {
  url: string;
  directLine: DirectLine;
  close(): Promise<void>;
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private ms = Date.parse('2030-01-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** Starts makeServer on port 0 with the Direct Line routes registered. */
export async function startHarness(bot: BotGateway, clock?: Clock, extra: Array<(dl: DirectLine) => (s: import('restify').Server) => void> = []): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-dl-'));
  const directLine = await createDirectLine({ bot, logger: silentLogger, dataDir, secret: SECRET, ...(clock ? { clock } : {}) });
  const health = { health: async () => ({ status: 'ok' as const, version: 't', uptimeSeconds: 0, knowledgeBase: null, storage: { ok: true, backend: 'memory' }, authentication: 'none (local use)' as const }) };
  const server = makeServer({ logger: silentLogger, bot, health, maxBodyBytes: 256 * 1024, extraRoutes: [(s) => directLine.register(s), ...extra.map((e) => e(directLine))] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    directLine,
    close: async () => {
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch with a JSON body and a bearer. */
export async function call(url: string, method: string, bearer?: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A WebSocket client that collects activity groups and can wait for one matching a predicate. */
export class StreamClient {
  readonly groups: Array<{ activities: Array<Record<string, unknown>>; watermark?: string }> = [];
  private waiters: Array<() => void> = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      this.groups.push(JSON.parse(text) as StreamClient['groups'][number]);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Opens the stream; rejects with the HTTP status when the upgrade is refused. */
  static open(streamUrl: string): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(streamUrl);
      const client = new StreamClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Every activity received so far. */
  activities(): Array<Record<string, unknown>> {
    return this.groups.flatMap((g) => g.activities);
  }

  /** Resolves with the first activity matching, waiting for messages (event-driven, with a deadline). */
  async waitFor(match: (a: Record<string, unknown>) => boolean, ms = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.activities().find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching activity; got ${JSON.stringify(this.activities().map((a) => a.text ?? a.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
