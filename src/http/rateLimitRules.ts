import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Server } from 'restify';
import type { Config } from '../config';
import { AppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { MemoryRateLimitStore, type RateDecision, type RateLimitPolicy, type RateLimitStore } from '../storage/rateLimit';
import { sendError } from './errors';

/** The RATE_LIMIT_* settings (see src/config.ts and .env.example). */
export interface RateLimitSettings {
  enabled: boolean;
  /** Per conversation, on POST /api/messages and Direct Line POST .../activities. */
  conversationPerMinute: number;
  /** Per client IP, on every Direct Line route (WebSocket upgrades included) and POST /api/webchat/token. */
  clientPerMinute: number;
  /** Per client IP, on token generation (tokens/generate, tokens/refresh, POST conversations, web chat token). */
  tokensPerMinute: number;
  /** Per client IP, 401 answers on the sign-in prefixes within 15 minutes; past it every request there gets 429. */
  authFailuresPer15Minutes: number;
  /** Trust the last X-Forwarded-For entry (the one the reverse proxy added) as the client address. */
  trustProxy: boolean;
  /** Route prefixes where a 401 spends the failure budget; new signed-in route groups are covered by prefix. */
  signInPrefixes?: string[];
}

/** Route prefixes of the signed-in sides (agent and owner APIs and the pages that call them). */
export const SIGN_IN_PREFIXES = ['/api/agent', '/api/admin', '/metrics'];

const DIRECT_LINE = '/v3/directline/';
const TOKEN_ROUTES = new Set(['/v3/directline/tokens/generate', '/v3/directline/tokens/refresh', '/v3/directline/conversations', '/api/webchat/token']);
const DL_ACTIVITIES = /^\/v3\/directline\/conversations\/([^/]+)\/activities$/;

/** Which limit refused, and when the client may retry. */
export interface Refusal {
  limit: string;
  retryAfterSeconds: number;
}

/** The client address of a request: the socket's peer, or behind a trusted proxy the address it forwarded. */
export function clientAddress(req: { headers: IncomingHttpHeaders; socket?: { remoteAddress?: string | undefined } | null }, trustProxy: boolean): string {
  if (trustProxy) {
    // The last entry is the one our proxy appended; earlier ones are whatever the client claimed.
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

/** The 429 of a refusal, for sendError (HTTP) or the WebSocket upgrade refusal. */
export function rateLimited(refusal: Refusal): AppError {
  return new AppError('RATE_LIMITED', `Too many requests (${refusal.limit}); retry in ${refusal.retryAfterSeconds} s.`, refusal);
}

function conversationKey(req: Request): string | null {
  if (req.method !== 'POST') return null;
  const path = req.path();
  if (path === '/api/messages') {
    const body = req.body as { channelId?: unknown; conversation?: { id?: unknown } } | undefined;
    const id = body?.conversation?.id;
    // An activity without a conversation is refused by validation anyway; it spends no budget.
    return typeof id === 'string' ? `${typeof body?.channelId === 'string' ? body.channelId : '?'}:${id}` : null;
  }
  const match = DL_ACTIVITIES.exec(path);
  return match ? `directline:${match[1]}` : null;
}

/**
 * The limits of one server, counted in one RateLimitStore: in memory, or in the database where every instance
 * spends from the same budget. Keys are `name:key`, so one store holds every limit.
 */
export class RateLimits {
  private readonly policies: Record<'conversation' | 'client' | 'tokens' | 'authFailures', RateLimitPolicy>;

  constructor(
    readonly settings: RateLimitSettings,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
    /** Told of every refusal, by the limit's name (the metrics count them). */
    private readonly onRefusal: (limit: string) => void = () => undefined,
  ) {
    this.policies = {
      conversation: { capacity: settings.conversationPerMinute, perSeconds: 60 },
      client: { capacity: settings.clientPerMinute, perSeconds: 60 },
      tokens: { capacity: settings.tokensPerMinute, perSeconds: 60 },
      authFailures: { capacity: settings.authFailuresPer15Minutes, perSeconds: 15 * 60 },
    };
  }

  /** Spends one unit of a named budget (limits other than the request ones use it too, e.g. stream tokens). */
  async spend(limit: string, key: string, policy: RateLimitPolicy): Promise<Refusal | null> {
    return this.told(refusal(limit, await this.store.take(`${limit}:${key}`, policy)));
  }

  /** The request budgets an HTTP request spends (all at once: one round trip to a shared store); null if allowed. */
  async forRequest(req: Request, ip: string): Promise<Refusal | null> {
    const path = req.path();
    const spends: Array<Promise<Refusal | null>> = [];
    if (path.startsWith(DIRECT_LINE) || path === '/api/webchat/token') spends.push(this.spend('requests per client', ip, this.policies.client));
    if (req.method === 'POST' && TOKEN_ROUTES.has(path)) spends.push(this.spend('token requests per client', ip, this.policies.tokens));
    const conversation = conversationKey(req);
    if (conversation !== null) spends.push(this.spend('messages per conversation', conversation, this.policies.conversation));
    return (await Promise.all(spends)).find((r) => r !== null) ?? null;
  }

  /** A WebSocket upgrade is a request of its client, which the HTTP middleware never sees. */
  async forUpgrade(ip: string): Promise<Refusal | null> {
    return this.settings.enabled ? this.spend('requests per client', ip, this.policies.client) : null;
  }

  /** Whether the client still has failed sign-ins to spend. */
  async signInBudget(ip: string): Promise<Refusal | null> {
    return this.told(refusal('failed sign-ins', await this.store.check(`failed sign-ins:${ip}`, this.policies.authFailures)));
  }

  private told(refused: Refusal | null): Refusal | null {
    if (refused) this.onRefusal(refused.limit);
    return refused;
  }

  /** Spends one failed sign-in of the client. */
  async failedSignIn(ip: string): Promise<void> {
    await this.store.take(`failed sign-ins:${ip}`, this.policies.authFailures);
  }
}

function refusal(limit: string, decision: RateDecision): Refusal | null {
  return decision.allowed ? null : { limit, retryAfterSeconds: decision.retryAfterSeconds };
}

/**
 * Installs the per-client limits as one `server.use` step (after the body parser: /api/messages is limited per
 * conversation, which is in the body). A refusal is a 429 RATE_LIMITED with Retry-After through sendError.
 */
export function registerRateLimits(server: Server, limitsOrSettings: RateLimits | RateLimitSettings, logger: Logger): RateLimits {
  const limits = limitsOrSettings instanceof RateLimits ? limitsOrSettings : new RateLimits(limitsOrSettings);
  const { settings } = limits;
  if (!settings.enabled) return limits;
  const prefixes = settings.signInPrefixes ?? SIGN_IN_PREFIXES;

  server.use((req, res, next) => {
    const path = req.path();
    const ip = clientAddress(req, settings.trustProxy);
    const signIn = prefixes.some((p) => path === p || path.startsWith(`${p}/`));
    const decide = async () => {
      if (signIn) {
        const spent = await limits.signInBudget(ip);
        if (spent) return spent;
        res.once('finish', () => {
          if (res.statusCode === 401) limits.failedSignIn(ip).catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'could not count a failed sign-in'));
        });
      }
      return limits.forRequest(req, ip);
    };
    decide().then(
      (refused) => {
        if (!refused) return next();
        logger.warn({ limit: refused.limit, path }, 'rate limit reached');
        sendError(req, res, rateLimited(refused), logger);
        return next(false);
      },
      (err: unknown) => next(err as Error),
    );
  });
  return limits;
}

/** The limiter settings from the validated configuration. */
export function rateLimitSettings(config: Pick<Config, 'RATE_LIMIT_ENABLED' | 'RATE_LIMIT_CONVERSATION_PER_MINUTE' | 'RATE_LIMIT_CLIENT_PER_MINUTE' | 'RATE_LIMIT_TOKENS_PER_MINUTE' | 'RATE_LIMIT_AUTH_FAILURES' | 'TRUST_PROXY'>): RateLimitSettings {
  return {
    enabled: config.RATE_LIMIT_ENABLED,
    conversationPerMinute: config.RATE_LIMIT_CONVERSATION_PER_MINUTE,
    clientPerMinute: config.RATE_LIMIT_CLIENT_PER_MINUTE,
    tokensPerMinute: config.RATE_LIMIT_TOKENS_PER_MINUTE,
    authFailuresPer15Minutes: config.RATE_LIMIT_AUTH_FAILURES,
    trustProxy: config.TRUST_PROXY,
  };
}
