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
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i;

/** True for errors worth retrying: lost or refused connections, serialization failures, deadlocks, restarts. */
export function isTransient(err: unknown): boolean {
  if (isAppError(err)) return false;
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) return true;
  return err instanceof Error && CONNECTION_MESSAGES.test(err.message);
}

/** Runs op, retrying transient failures with jittered exponential backoff; then AppError('STORAGE_UNAVAILABLE'). */
export async function withRetry<T>(op: () => Promise<T>, policy: RetryPolicy, logger: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (attempt >= policy.attempts) {
        throw new AppError('STORAGE_UNAVAILABLE', `PostgreSQL unavailable: ${describe(err)}`, undefined, { cause: err });
      }
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      logger.warn({ attempt, code: (err as { code?: string }).code, delayMs: Math.round(delay) }, 'transient database error, retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A short description of a database error, for health reports and messages. */
export function describe(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}
