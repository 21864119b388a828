import type { Sql } from '../sql/sql';
import { checkPolicy, type RateDecision, type RateLimitPolicy, type RateLimitStore } from './ports';

/** How often expired windows are deleted (at most; triggered by traffic). */
const SWEEP_EVERY_MS = 60_000;

/**
 * RateLimitStore in the database, shared by every instance: a fixed-window counter per key in table
 * `rate_limits`, spent by one atomic upsert (INSERT ... ON CONFLICT DO UPDATE ... WHERE), so two instances
 * spending the last unit at once cannot both get it. Windows are aligned on the epoch, so every instance
 * computes the same window from its own clock; a refusal does not spend. Expired rows are swept by traffic.
 */
export class SqlRateLimitStore implements RateLimitStore {
  private lastSweep = 0;

  constructor(
    private readonly db: Sql,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends `cost` in the key's current window when the window has that much left. */
  async take(key: string, policy: RateLimitPolicy, cost = 1): Promise<RateDecision> {
    const { start, end, now } = this.window(policy);
    if (cost > policy.capacity) return refused(end, now);
    const { rows } = await this.db.query<{ used: number | string }>(
      `INSERT INTO rate_limits (key, window_start, used, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET
         used = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.used + excluded.used ELSE excluded.used END,
         window_start = excluded.window_start, expires_at = excluded.expires_at
       WHERE rate_limits.window_start <> excluded.window_start OR rate_limits.used + excluded.used <= $5
       RETURNING used`,
      [key, start, cost, end, policy.capacity],
    );
    this.sweepSometimes(now);
    return rows.length > 0 ? { allowed: true } : refused(end, now);
  }

  /** Whether the key's current window has `cost` left. */
  async check(key: string, policy: RateLimitPolicy, cost = 1): Promise<RateDecision> {
    const { start, end, now } = this.window(policy);
    const { rows } = await this.db.query<{ used: number | string }>('SELECT used FROM rate_limits WHERE key = $1 AND window_start = $2', [key, start]);
    const used = rows.length > 0 ? Number(rows[0]!.used) : 0;
    return used + cost <= policy.capacity ? { allowed: true } : refused(end, now);
  }

  private window(policy: RateLimitPolicy): { start: number; end: number; now: number } {
    const size = checkPolicy(policy).perSeconds * 1000;
    const now = this.now();
    const start = Math.floor(now / size) * size;
    return { start, end: start + size, now };
  }

  // Hygiene, not correctness (an expired row is reset by the next take): a failure only leaves rows for later.
  private sweepSometimes(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.db.query('DELETE FROM rate_limits WHERE expires_at < $1', [now]).catch(() => undefined);
  }
}

function refused(end: number, now: number): RateDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now) / 1000)) };
}
