import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent to the channel (only the fields the tests read are typed). */
export interface ChannelActivity {
  type: string;
  text?: string;
  conversation?: { id: string };
  [key: string]: unknown;
}

/**
 * A stand-in for a Bot Framework channel's connector service: the conversation's serviceUrl points here, so
 * proactive messages (agent messages, queue updates) arrive as POST /v3/conversations/{id}/activities.
 */
export class TravellerChannel {
  readonly received: ChannelActivity[] = [];
  private readonly waiters = new Set<() => void>();
  private server: Server | null = null;
  url = '';

  /** Listens on 127.0.0.1, port 0. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readJson(req).then((body) => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method === 'POST' && match && body && typeof body === 'object') {
          this.received.push(body as ChannelActivity);
          for (const wake of [...this.waiters]) wake();
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `act-${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with the first received message whose text matches; rejects after `timeoutMs`, listing what came. */
  waitForText(pattern: RegExp, timeoutMs = 15_000): Promise<ChannelActivity> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.received.find((a) => a.type === 'message' && pattern.test(a.text ?? ''));
        if (!hit) return false;
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`no message matching ${pattern} reached the channel; received: ${JSON.stringify(this.received.map((a) => a.text ?? a.type))}`));
      }, timeoutMs);
      this.waiters.add(wake);
      check();
    });
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
