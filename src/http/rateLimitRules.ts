import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import { AppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { sendError } from './errors';
import { TokenBucketLimiter } from './rateLimit';

/** The RATE_LIMIT_* settings (see src/config.ts and .env.example). */
export interface RateLimitSettings {
  enabled: boolean;
  /** Per conversation, on POST /api/messages and Direct Line POST .../activities. */
  conversationPerMinute: number;
  /** Per client IP, on every Direct Line route and POST /api/webchat/token. */
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
export const SIGN_IN_PREFIXES = ['/api/agent', '/api/admin'];

const DIRECT_LINE = '/v3/directline/';
const TOKEN_ROUTES = new Set(['/v3/directline/tokens/generate', '/v3/directline/tokens/refresh', '/v3/directline/conversations', '/api/webchat/token']);
const DL_ACTIVITIES = /^\/v3\/directline\/conversations\/([^/]+)\/activities$/;

/** The client address of a request: the socket's peer, or behind a trusted proxy the address it forwarded. */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    // The last entry is the one our proxy appended; earlier ones are whatever the client claimed.
    const forwarded = String(req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

function conversationKey(req: Request): string | null {
  if (req.method !== 'POST') return null;
  const path = req.path();
  if (path === '/api/messages') {
    const body = req.body as { channelId?: unknown; conversation?: { id?: unknown } } | undefined;
    const id = body?.conversation?.id;
    // An activity without a conversation is refused by validation anyway; it spends no bucket.
    return typeof id === 'string' ? `${typeof body?.channelId === 'string' ? body.channelId : '?'}:${id}` : null;
  }
  const match = DL_ACTIVITIES.exec(path);
  return match ? `directline:${match[1]}` : null;
}

/** The limiters of one server; exposed for tests and metrics. */
export interface RateLimits {
  conversation: TokenBucketLimiter;
  client: TokenBucketLimiter;
  tokens: TokenBucketLimiter;
  authFailures: TokenBucketLimiter;
}

/**
 * Installs the per-client limits as one `server.use` step (after the body parser: /api/messages is limited per
 * conversation, which is in the body). A refusal is a 429 RATE_LIMITED with Retry-After through sendError.
 */
export function registerRateLimits(server: Server, settings: RateLimitSettings, logger: Logger, now: () => number = Date.now): RateLimits {
  const limits: RateLimits = {
    conversation: new TokenBucketLimiter({ capacity: settings.conversationPerMinute, perSeconds: 60 }, now),
    client: new TokenBucketLimiter({ capacity: settings.clientPerMinute, perSeconds: 60 }, now),
    tokens: new TokenBucketLimiter({ capacity: settings.tokensPerMinute, perSeconds: 60 }, now),
    authFailures: new TokenBucketLimiter({ capacity: settings.authFailuresPer15Minutes, perSeconds: 15 * 60 }, now),
  };
  if (!settings.enabled) return limits;
  const prefixes = settings.signInPrefixes ?? SIGN_IN_PREFIXES;
  const refuse = (req: Request, res: Response, what: string, retryAfterSeconds: number) => {
    logger.warn({ limit: what, path: req.path() }, 'rate limit reached');
    const message = `Too many requests (${what}); retry in ${retryAfterSeconds} s.`;
    sendError(req, res, new AppError('RATE_LIMITED', message, { limit: what, retryAfterSeconds }), logger);
  };

  server.use((req, res, next) => {
    const path = req.path();
    const ip = clientAddress(req, settings.trustProxy);
    const checks: Array<[string, TokenBucketLimiter, string | null]> = [];
    if (prefixes.some((p) => path === p || path.startsWith(`${p}/`))) {
      const budget = limits.authFailures.check(ip);
      if (!budget.allowed) {
        refuse(req, res, 'failed sign-ins', budget.retryAfterSeconds);
        return next(false);
      }
      res.once('finish', () => {
        if (res.statusCode === 401) limits.authFailures.take(ip);
      });
    }
    if (path.startsWith(DIRECT_LINE) || path === '/api/webchat/token') checks.push(['requests per client', limits.client, ip]);
    if (req.method === 'POST' && TOKEN_ROUTES.has(path)) checks.push(['token requests per client', limits.tokens, ip]);
    checks.push(['messages per conversation', limits.conversation, conversationKey(req)]);
    for (const [what, limiter, key] of checks) {
      if (key === null) continue;
      const decision = limiter.take(key);
      if (!decision.allowed) {
        refuse(req, res, what, decision.retryAfterSeconds);
        return next(false);
      }
    }
    return next();
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
