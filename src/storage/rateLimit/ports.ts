/** How many requests a key may make: `capacity` at once, per `perSeconds` (refilled continuously or per window). */
export interface RateLimitPolicy {
  capacity: number;
  perSeconds: number;
}

/** What `take` answers: allowed, or refused with the seconds until one more request is allowed. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Where rate limits are counted. In memory (one instance, the default) or in the database (every instance
 * behind a load balancer shares one budget). Keys carry their limit's name, so one store holds every limit.
 */
export interface RateLimitStore {
  /** Spends `cost` of the key's budget under the policy when it has that much; refuses without spending otherwise. */
  take(key: string, policy: RateLimitPolicy, cost?: number): Promise<RateDecision>;
  /** Whether the key has `cost` left, without spending it (a failure budget checked before the request). */
  check(key: string, policy: RateLimitPolicy, cost?: number): Promise<RateDecision>;
}

/** Refuses a policy that would never allow anything or divide by zero. */
export function checkPolicy(policy: RateLimitPolicy): RateLimitPolicy {
  if (!(policy.capacity >= 1) || !(policy.perSeconds > 0)) throw new Error('a rate limit needs capacity >= 1 and perSeconds > 0');
  return policy;
}
