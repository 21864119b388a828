import { AppError, isAppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';

/** How often and how long to retry a transient database error. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Default: 4 attempts, 50 ms doubling, capped at 1 s (a failover takes longer: the caller sees STORAGE_UNAVAILABLE). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 50, maxDelayMs: 1000 };

// serialization failure, deadlock, admin/crash shutdown, cannot connect now, connection exceptions, too many connections.
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|Query read timeout/i;

/** True for errors worth retrying: lost or refused connections, serialization failures, deadlocks, restarts. */
export function isTransient(err: unknown): boolean {
  if (isAppError(err)) return false;
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) return true;
  return err instanceof Error && CONNECTION_MESSAGES.test(err.message);
}

/**
 * Runs op, retrying transient failures with jittered exponential backoff; then AppError('STORAGE_UNAVAILABLE').
 * `timeoutMs` bounds the whole call, retries included: a database that hangs (packets dropped, nothing refused)
 * costs the caller at most that long. op receives the time left, to bound its own statements with it.
 */
export async function withRetry<T>(op: (remainingMs: number) => Promise<T>, policy: RetryPolicy, logger: Logger, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - Date.now();
    try {
      return await withDeadline(op(remaining), remaining, timeoutMs);
    } catch (err) {
      if (!isTransient(err)) throw err;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      if (attempt >= policy.attempts || Date.now() + delay >= deadline) {
        throw new AppError('STORAGE_UNAVAILABLE', `PostgreSQL unavailable: ${describe(err)}`, undefined, { cause: err });
      }
      logger.warn({ attempt, code: (err as { code?: string }).code, delayMs: Math.round(delay) }, 'transient database error, retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Default bound of one storage call (STORAGE_TIMEOUT_MS): with the rate limiter's share, a route answers within 5 s. */
export const DEFAULT_TIMEOUT_MS = 4000;

/**
 * Rejects with STORAGE_UNAVAILABLE when the promise has not settled within `ms`. The abandoned promise is left
 * to its own statement timeouts (its late failure is swallowed here; a late success is lost to the caller,
 * which already answered 503, like any write whose acknowledgement a network failure swallowed).
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, budgetMs = ms): Promise<T> {
  if (ms <= 0) {
    promise.catch(() => undefined);
    return Promise.reject(timedOut(budgetMs));
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // One more turn of the event loop first: after a stall (a CPU-bound step elsewhere), timers run before the
      // I/O that arrived meanwhile, and an answer already in the socket must win over the deadline.
      setImmediate(() => {
        promise.catch(() => undefined);
        reject(timedOut(budgetMs));
      });
    }, ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function timedOut(budgetMs: number): AppError {
  return new AppError('STORAGE_UNAVAILABLE', `The database did not answer within ${budgetMs} ms.`, { timeoutMs: budgetMs });
}

/** A short description of a database error, for health reports and messages. */
export function describe(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}
