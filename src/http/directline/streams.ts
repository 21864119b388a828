import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { toHttpError } from '../errors';
import { rateLimited } from '../rateLimitRules';
import type { DirectLineStore, DirectLineActivity } from './store';
import { isRefusal, type StreamGate, type StreamSlot } from './streamLimits';
import type { DirectLineTokens } from './tokens';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

interface Subscriber {
  socket: WebSocket;
  /** Highest watermark sent; activities at or below it are never sent twice. */
  lastSent: number;
  /** Activities published while the backlog was being read. */
  pending: Array<{ activity: DirectLineActivity; watermark: number }> | null;
}

/** The Direct Line WebSocket stream: `streamUrl` connections, each pushed every new activity of its conversation. */
export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly tokens: DirectLineTokens,
    private readonly store: DirectLineStore,
    private readonly logger: Logger,
    /** Limits of upgrades and open streams; unset: none (protocol tests). */
    private readonly gate?: StreamGate,
  ) {}

  /** Handles upgrades on the stream path of the restify server's underlying http server. */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) {
        // Another route group may own this path; refuse only when nobody else listens.
        if (server.listenerCount('upgrade') === 1) refuse(socket, new AppError('NOT_FOUND', 'Nothing to upgrade here.'));
        return;
      }
      this.accept(req, socket, head, decodeURIComponent(match[1]!), url.searchParams).catch((err: unknown) => {
        this.logger.error({ err: (err as Error).message }, 'direct line stream upgrade failed');
        refuse(socket, err);
      });
    });
    // Pings keep idle connections open through proxies and find dead ones (connection hygiene, not business timers).
    this.heartbeat = setInterval(() => {
      for (const client of this.wss.clients) client.ping();
    }, 30_000);
    this.heartbeat.unref();
  }

  /** Open WebSockets on this instance (the metrics read it). */
  openSockets(): number {
    return this.wss.clients.size;
  }

  /** Pushes an activity to every open stream of the conversation (typing has no watermark of its own). */
  publish(conversationId: string, activity: DirectLineActivity, watermark: number | null): void {
    for (const sub of this.subscribers.get(conversationId) ?? []) {
      if (sub.pending) sub.pending.push({ activity, watermark: watermark ?? -1 });
      else this.send(sub, activity, watermark);
    }
  }

  /** Closes every stream (call before closing the http server, which otherwise waits for them). */
  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.wss.clients) client.terminate();
    this.subscribers.clear();
    this.wss.close();
  }

  private async accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, query: URLSearchParams): Promise<void> {
    const client = this.gate?.clientOf(req) ?? '';
    const overBudget = await this.gate?.admit(client);
    if (overBudget) return this.refuseLimited(socket, overBudget);
    const token = query.get('t') ?? '';
    let claimsConversation: string;
    try {
      claimsConversation = this.tokens.verify(token, 'stream').conversationId;
    } catch (err) {
      return refuse(socket, err);
    }
    if (claimsConversation !== conversationId) return refuse(socket, new AppError('FORBIDDEN', 'This stream token is for another conversation.'));
    const reserved = this.gate ? await this.gate.reserve(client, conversationId, token) : null;
    if (reserved && isRefusal(reserved)) return this.refuseLimited(socket, reserved);
    const slot: StreamSlot = reserved ?? { release: () => undefined };
    try {
      if (!(await this.store.get(conversationId))) {
        slot.release();
        return refuse(socket, new AppError('NOT_FOUND', 'Conversation not found.'));
      }
    } catch (err) {
      slot.release();
      throw err;
    }
    const after = parseWatermark(query.get('watermark'));
    // A socket that closes before the upgrade completes gives its slot back too (or already has, during the read).
    if (socket.destroyed) return slot.release();
    socket.once('close', () => slot.release());
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const sub: Subscriber = { socket: ws, lastSent: after, pending: [] };
      const set = this.subscribers.get(conversationId) ?? new Set<Subscriber>();
      set.add(sub);
      this.subscribers.set(conversationId, set);
      ws.on('close', () => {
        slot.release();
        set.delete(sub);
        if (set.size === 0) this.subscribers.delete(conversationId);
      });
      ws.on('error', (err) => this.logger.debug({ err: err.message }, 'direct line stream error'));
      // The clients send empty strings as keep-alives; nothing they send over the stream is acted on.
      ws.on('message', () => undefined);
      this.sendBacklog(conversationId, sub).catch((err: unknown) => {
        this.logger.error({ err: (err as Error).message }, 'could not send the stream backlog');
        ws.close(1011);
      });
    });
  }

  private refuseLimited(socket: Duplex, refusal: { limit: string; retryAfterSeconds: number }): void {
    this.logger.warn({ limit: refusal.limit }, 'direct line stream refused: limit reached');
    refuse(socket, rateLimited(refusal));
  }

  private async sendBacklog(conversationId: string, sub: Subscriber): Promise<void> {
    const backlog = await this.store.list(conversationId, sub.lastSent);
    if (backlog.activities.length > 0) this.sendGroup(sub, backlog.activities, Number(backlog.watermark));
    const pending = sub.pending ?? [];
    sub.pending = null;
    for (const p of pending) this.send(sub, p.activity, p.watermark >= 0 ? p.watermark : null);
  }

  private send(sub: Subscriber, activity: DirectLineActivity, watermark: number | null): void {
    if (watermark === null) return this.sendGroup(sub, [activity], null);
    if (watermark <= sub.lastSent) return;
    this.sendGroup(sub, [activity], watermark);
  }

  private sendGroup(sub: Subscriber, activities: DirectLineActivity[], watermark: number | null): void {
    if (sub.socket.readyState !== sub.socket.OPEN) return;
    if (watermark !== null) sub.lastSent = Math.max(sub.lastSent, watermark);
    sub.socket.send(JSON.stringify(watermark === null ? { activities } : { activities, watermark: String(watermark) }));
  }
}

/** Parses a Direct Line watermark; missing or malformed means "from the beginning". */
export function parseWatermark(raw: unknown): number {
  const n = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : -1;
  return Number.isSafeInteger(n) ? n : -1;
}

/** Refuses an upgrade with a plain HTTP answer, status, headers (Retry-After) and body as every route's errors. */
function refuse(socket: Duplex, err: unknown): void {
  const { status, body, headers } = toHttpError(err);
  const text = JSON.stringify(body);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, 'Connection: close', 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(text)}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
}
