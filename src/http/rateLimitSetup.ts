import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { FallbackRateLimitStore, MemoryRateLimitStore, type RateLimitStore } from '../storage/rateLimit';
import { RateLimits, rateLimitSettings } from './rateLimitRules';

/** How long requests are counted locally after the shared store failed, before it is tried again. */
const SHARED_COOLDOWN_MS = 30_000;
/** The shared store's share of a request's time: at most this, at most an eighth of STORAGE_TIMEOUT_MS (4 s + 0.5 s < 5 s). */
const SHARED_TIMEOUT_MS = 500;

/**
 * The server's rate limits: counted in the shared store when the backend has one (PostgreSQL), guarded so a slow
 * or lost database falls back to counting in memory; otherwise in memory (one instance, SQLite).
 */
export function createRateLimits(
  config: Pick<Config, 'RATE_LIMIT_ENABLED' | 'RATE_LIMIT_CONVERSATION_PER_MINUTE' | 'RATE_LIMIT_CLIENT_PER_MINUTE' | 'RATE_LIMIT_TOKENS_PER_MINUTE' | 'RATE_LIMIT_AUTH_FAILURES' | 'TRUST_PROXY' | 'STORAGE_TIMEOUT_MS'>,
  shared: RateLimitStore | undefined,
  logger: Logger,
  now: () => number = Date.now,
  onRefusal?: (limit: string) => void,
): RateLimits {
  const local = new MemoryRateLimitStore(now);
  const store = shared
    ? new FallbackRateLimitStore(shared, local, { timeoutMs: Math.min(SHARED_TIMEOUT_MS, Math.ceil(config.STORAGE_TIMEOUT_MS / 8)), cooldownMs: SHARED_COOLDOWN_MS, now }, logger)
    : local;
  return new RateLimits(rateLimitSettings(config), store, onRefusal);
}
