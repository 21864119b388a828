import type { Logger } from '../../shared/logger';
import type { RateDecision, RateLimitPolicy, RateLimitStore } from './ports';

/** How the shared store is guarded. */
export interface FallbackOptions {
  /** Longest wait for the shared store before this request is counted locally instead. */
  timeoutMs: number;
  /** After a failure, how long every request is counted locally before the shared store is tried again. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * The shared store with the local one as a fallback. A rate limit must never be what takes the service down:
 * when the database is slow or gone, requests are still limited (per instance, as without DATABASE_URL) and
 * answer at once instead of each waiting for the database; the shared store is tried again after a cooldown.
 */
export class FallbackRateLimitStore implements RateLimitStore {
  private localUntil = 0;

  constructor(
    private readonly shared: RateLimitStore,
    private readonly local: RateLimitStore,
    private readonly options: FallbackOptions,
    private readonly logger: Logger,
  ) {}

  /** Spends in the shared store, or locally while it fails. */
  take(key: string, policy: RateLimitPolicy, cost = 1): Promise<RateDecision> {
    return this.run((store) => store.take(key, policy, cost));
  }

  /** Reads the shared store, or the local one while it fails. */
  check(key: string, policy: RateLimitPolicy, cost = 1): Promise<RateDecision> {
    return this.run((store) => store.check(key, policy, cost));
  }

  private async run(op: (store: RateLimitStore) => Promise<RateDecision>): Promise<RateDecision> {
    const now = this.options.now ?? Date.now;
    if (now() < this.localUntil) return op(this.local);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    try {
      return await Promise.race([op(this.shared), timeout]);
    } catch (err) {
      this.localUntil = now() + this.options.cooldownMs;
      this.logger.warn({ err: (err as Error).message, cooldownMs: this.options.cooldownMs }, 'shared rate limits unavailable; counting locally');
      return op(this.local);
    } finally {
      clearTimeout(timer);
    }
  }
}
