// The limiter's algorithm and its stores live in src/storage/rateLimit (the database adapter needs them there);
// the HTTP rules that use them are in rateLimitRules.ts.
export { DEFAULT_MAX_KEYS, TokenBucketLimiter, type RateDecision, type RateLimitPolicy, type RateLimitStore } from '../storage/rateLimit';
