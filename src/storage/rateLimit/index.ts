// Rate limit counting: the port, the embedded adapter, the database adapter and the guard around a shared one.
export { checkPolicy, type RateDecision, type RateLimitPolicy, type RateLimitStore } from './ports';
export { DEFAULT_MAX_KEYS, TokenBucketLimiter } from './tokenBucket';
export { MemoryRateLimitStore } from './memoryRateLimitStore';
export { SqlRateLimitStore } from './sqlRateLimitStore';
export { FallbackRateLimitStore, type FallbackOptions } from './fallbackRateLimitStore';
