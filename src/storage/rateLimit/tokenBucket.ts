import { checkPolicy, type RateDecision, type RateLimitPolicy } from './ports';

interface Bucket {
  tokens: number;
  at: number;
}

/** Default bound of the number of keys one limiter keeps (oldest evicted first). */
export const DEFAULT_MAX_KEYS = 50_000;

/**
 * A token-bucket limiter keyed by client (IP, conversation...). Memory is bounded: a bucket that has refilled
 * completely is the same as no bucket and is dropped on the next sweep, and past `maxKeys` the least recently
 * used keys go first (a Map keeps insertion order; a touched key is re-inserted at the end).
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private readonly fullAfterMs: number;
  private lastSweep = 0;

  constructor(
    readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {
    checkPolicy(policy);
    this.refillPerMs = policy.capacity / (policy.perSeconds * 1000);
    this.fullAfterMs = policy.perSeconds * 1000;
  }

  /** Number of keys held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Consumes `cost` tokens of the key when it has them. */
  take(key: string, cost = 1): RateDecision {
    const decision = this.check(key, cost);
    if (decision.allowed) {
      const bucket = this.refilled(key);
      bucket.tokens -= cost;
      this.store(key, bucket);
    }
    return decision;
  }

  /** Whether the key has `cost` tokens, without consuming them (a failure budget checked before the request). */
  check(key: string, cost = 1): RateDecision {
    const bucket = this.buckets.get(key);
    // A cost above the capacity never fits, even in a full bucket.
    if (cost > this.policy.capacity) return { allowed: false, retryAfterSeconds: Math.ceil(this.policy.perSeconds) };
    if (!bucket) return { allowed: true };
    const tokens = this.tokensOf(bucket);
    if (tokens >= cost) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / this.refillPerMs / 1000)) };
  }

  private tokensOf(bucket: Bucket): number {
    return Math.min(this.policy.capacity, bucket.tokens + (this.now() - bucket.at) * this.refillPerMs);
  }

  private refilled(key: string): Bucket {
    const bucket = this.buckets.get(key);
    return { tokens: bucket ? this.tokensOf(bucket) : this.policy.capacity, at: this.now() };
  }

  private store(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    const now = this.now();
    if (now - this.lastSweep >= this.fullAfterMs) this.sweep(now);
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
  }

  // Keys are in least-recently-used order, so the idle ones are at the front: stop at the first busy one.
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.fullAfterMs) break;
      this.buckets.delete(key);
    }
  }
}
