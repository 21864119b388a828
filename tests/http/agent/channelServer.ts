import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity a bot sent to the channel (only the fields tests read are typed). */
export interface ChannelActivity {
  type: string;
  text?: string;
  conversation?: { id: string };
  [key: string]: unknown;
}

/**
 * A tiny channel: the serviceUrl of test conversations. It receives what the bot sends outside a turn
 * (proactive messages: agents' words, queue updates, the resolution) as a real channel would.
 */
export class ChannelServer {
  readonly received: ChannelActivity[] = [];
  /** Conversations the channel no longer has (the traveller left, the bot was removed): it answers 404. */
  readonly gone = new Set<string>();
  private readonly waiters = new Set<() => void>();
  private server: Server | null = null;
  url = '';

  /** Listens on 127.0.0.1, port 0. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const conversationId = /\/v3\/conversations\/([^/]+)\//.exec(req.url ?? '')?.[1];
        if (conversationId && this.gone.has(decodeURIComponent(conversationId))) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }));
          return;
        }
        try {
          this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChannelActivity);
        } catch {
          // Not an activity: ignored, as a channel would.
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `act-${this.received.length}` }));
        for (const wake of [...this.waiters]) wake();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The first message activity of the conversation matching the predicate, waiting for it up to timeoutMs. */
  async waitFor(conversationId: string, match: (text: string) => boolean, timeoutMs = 5000): Promise<ChannelActivity> {
    const find = () => this.received.find((a) => a.type === 'message' && a.conversation?.id === conversationId && match(a.text ?? ''));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message reached the channel; got: ${JSON.stringify(this.messages(conversationId))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** Texts of the messages the conversation received, in order. */
  messages(conversationId: string): string[] {
    return this.received.filter((a) => a.type === 'message' && a.conversation?.id === conversationId).map((a) => a.text ?? '');
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
