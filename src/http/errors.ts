import type { Request, Response } from 'restify';
import { AppError, isAppError } from '../shared/errors';
import type { Logger } from '../shared/logger';

/** The JSON shape of every error the server returns. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Maps any thrown value to an HTTP status and body: the one place errors become HTTP. */
export function toHttpError(err: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (isAppError(err)) {
    if (err.code === 'STORAGE_UNAVAILABLE' || err.code === 'RATE_LIMITED') {
      // A limiter knows when the next request is allowed (details.retryAfterSeconds); otherwise a short retry hint.
      const after = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      headers['Retry-After'] = typeof after === 'number' && after > 0 ? String(Math.ceil(after)) : '5';
    }
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return { status: err.status, body, headers };
  }
  // restify's own errors (413 from the body parser, 404, 405, bad JSON) carry a statusCode.
  const e = err as { statusCode?: number; message?: string; body?: { code?: string } };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : e.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return { status: e.statusCode, body: { error: { code, message: e.message || code } }, headers };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } }, headers };
}

/** Sends an error response, logging server-side failures. */
export function sendError(req: Request, res: Response, err: unknown, logger: Logger): void {
  const { status, body, headers } = toHttpError(err);
  if (status >= 500) logger.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : err, path: req.path() }, 'request failed');
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  res.status(status);
  res.json(body);
}

/** Wraps an async route handler so every failure goes through sendError. */
export function route(logger: Logger, handler: (req: Request, res: Response) => Promise<void>) {
  // restify accepts async handlers of at most two arguments and calls next() when they settle.
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      sendError(req, res, err, logger);
    }
  };
}

/** Throws a 404 AppError. */
export function notFound(what: string): never {
  throw new AppError('NOT_FOUND', `${what} not found`);
}
