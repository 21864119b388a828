import type { RateDecision, RateLimitPolicy, RateLimitStore } from './ports';
import { DEFAULT_MAX_KEYS, TokenBucketLimiter } from './tokenBucket';

/**
 * The embedded RateLimitStore: token buckets in this process (one limiter per policy, each bounded in keys).
 * Enough for one instance; several instances each count their own share, which is what DATABASE_URL fixes.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly limiters = new Map<string, TokenBucketLimiter>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  /** Spends from the key's bucket. */
  async take(key: string, policy: RateLimitPolicy, cost = 1): Promise<RateDecision> {
    return this.limiter(policy).take(key, cost);
  }

  /** Reads the key's bucket without spending. */
  async check(key: string, policy: RateLimitPolicy, cost = 1): Promise<RateDecision> {
    return this.limiter(policy).check(key, cost);
  }

  private limiter(policy: RateLimitPolicy): TokenBucketLimiter {
    const id = `${policy.capacity}/${policy.perSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new TokenBucketLimiter(policy, this.now, this.maxKeys);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
