import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { clientAddress, type RateLimits, type Refusal } from '../rateLimitRules';

/** The DIRECTLINE_STREAMS_* settings. */
export interface StreamLimitSettings {
  /** Open streams per conversation (on this instance), and upgrades per stream token (on every instance). */
  perConversation: number;
  /** Open streams per client address on this instance. */
  perClient: number;
}

/** The place an open stream holds in the counts; released when its socket closes (idempotent). */
export interface StreamSlot {
  release(): void;
}

/** What a full cap tells the client: a stream closes any time, so a short retry hint. */
const RETRY_OPEN_STREAMS_SECONDS = 5;

/**
 * Decides whether a Direct Line stream upgrade may go on. Upgrades never pass the HTTP middleware, so the gate
 * spends the client's request budget itself (admit), then, once the token is verified, holds a slot in the counts
 * of open streams per conversation and per client, and spends one of the stream token's upgrades (reserve).
 * Open streams are sockets of this process, so they are counted here; a token's upgrades go to the RateLimits
 * store, shared by every instance when DATABASE_URL is set.
 */
export class StreamGate {
  private readonly byConversation = new Map<string, number>();
  private readonly byClient = new Map<string, number>();

  constructor(
    private readonly settings: StreamLimitSettings & { trustProxy: boolean; tokenLifetimeSeconds: number },
    private readonly limits: RateLimits,
  ) {}

  /** The client address of an upgrade request. */
  clientOf(req: IncomingMessage): string {
    return clientAddress(req, this.settings.trustProxy);
  }

  /** The client's request budget (before anything else is read). */
  admit(client: string): Promise<Refusal | null> {
    return this.limits.forUpgrade(client);
  }

  /** Holds a slot for a verified stream token, or says which budget or cap is spent. */
  async reserve(client: string, conversationId: string, token: string): Promise<StreamSlot | Refusal> {
    // Every attempt spends one of the token's upgrades, refused or not; keyed by a digest, the token never reaches the store.
    const key = createHash('sha256').update(token).digest('base64url').slice(0, 32);
    const spent = await this.limits.spend('upgrades per stream token', key, { capacity: this.settings.perConversation, perSeconds: this.settings.tokenLifetimeSeconds });
    if (spent) return spent;
    // Checked and counted with no await in between: concurrent upgrades of one conversation cannot all pass.
    if ((this.byConversation.get(conversationId) ?? 0) >= this.settings.perConversation) return full('open streams per conversation');
    if ((this.byClient.get(client) ?? 0) >= this.settings.perClient) return full('open streams per client');
    add(this.byConversation, conversationId, 1);
    add(this.byClient, client, 1);
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        add(this.byConversation, conversationId, -1);
        add(this.byClient, client, -1);
      },
    };
  }

  /** Open streams counted (for tests and metrics). */
  openStreams(): number {
    let n = 0;
    for (const count of this.byConversation.values()) n += count;
    return n;
  }
}

function full(limit: string): Refusal {
  return { limit, retryAfterSeconds: RETRY_OPEN_STREAMS_SECONDS };
}

function add(map: Map<string, number>, key: string, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}

/** True when reserve() answered a refusal rather than a slot. */
export function isRefusal(value: StreamSlot | Refusal): value is Refusal {
  return 'limit' in value;
}
