import type { Request, Response, Server } from 'restify';
import type { Authenticator } from '../auth';
import { requireRole } from '../auth';
import { route } from '../errors';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import type { Clock } from '../../shared/clock';
import type { KnowledgeService } from '../../knowledge';
import type { Stores } from '../../storage/ports';
import type { KbEditor } from '../../admin/kbEditor';

/** What the admin routes need; built once by createApp. */
export interface AdminDeps {
  logger: Logger;
  clock: Clock;
  auth: Authenticator;
  editor: KbEditor;
  knowledge: KnowledgeService;
  stores: Stores;
}

/** An owner-only handler: gets the owner's name. */
export type OwnerHandler = (req: Request, res: Response, owner: string) => Promise<void>;

/** Registers an owner-only route: every call checks the token (401/403) before anything else. */
export function ownerRoute(server: Server, deps: AdminDeps, method: 'get' | 'post' | 'put' | 'del', path: string, handler: OwnerHandler): void {
  server[method](
    path,
    route(deps.logger, async (req, res) => {
      const owner = requireRole(deps.auth, req, 'owner').name;
      await handler(req, res, owner);
    }),
  );
}

/** The request's If-Match (PRECONDITION_REQUIRED without one); weak tags compare by their opaque part. */
export function requireIfMatch(req: Request): string {
  const raw = String(req.header('if-match') ?? '').trim();
  if (!raw) throw new AppError('PRECONDITION_REQUIRED', 'Send "If-Match" with the ETag you read, so you do not overwrite someone else\'s change.');
  return raw;
}

/** True when an If-Match value matches the current ETag ("*" matches anything that exists). */
export function matchesETag(ifMatch: string, current: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(current));
}

/** CONFLICT unless If-Match matches the current ETag. */
export function assertETag(ifMatch: string, current: string, what: string): void {
  if (!matchesETag(ifMatch, current)) throw new AppError('CONFLICT', `${what} was changed since you read it; reload it and retry.`, { eTag: current });
}

/** The JSON object body of a request (VALIDATION_FAILED for anything else; absent means {}). */
export function objectBody(req: Request, optional = false): Record<string, unknown> {
  const body: unknown = req.body;
  if ((body === undefined || body === null || body === '') && optional) return {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('VALIDATION_FAILED', 'The body must be a JSON object.', { problems: ['(body): expected a JSON object'] });
  }
  return body as Record<string, unknown>;
}

/** A query parameter as a string, or undefined. */
export function queryParam(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A positive integer query parameter (BAD_REQUEST when malformed). */
export function intParam(req: Request, name: string, fallback: number, max: number): number {
  const raw = queryParam(req, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', `${name} must be a positive integer`);
  return Math.min(n, max);
}

/** The [from, to) window of a query: ISO dates or times; default the last `days` days up to now. */
export function dateWindow(req: Request, now: Date, days = 30): { from: Date; to: Date } {
  const parse = (name: string, fallback: Date) => {
    const raw = queryParam(req, name);
    if (raw === undefined) return fallback;
    const d = new Date(raw);
    if (Number.isNaN(d.getTime())) throw new AppError('BAD_REQUEST', `${name} must be an ISO date or time, e.g. 2026-01-31`);
    return d;
  };
  const to = parse('to', now);
  const from = parse('from', new Date(to.getTime() - days * 86_400_000));
  if (from.getTime() >= to.getTime()) throw new AppError('BAD_REQUEST', 'from must be before to');
  if (to.getTime() - from.getTime() > 400 * 86_400_000) throw new AppError('BAD_REQUEST', 'the window is at most 400 days');
  return { from, to };
}

/** Sends JSON with an ETag header. */
export function sendWithETag(res: Response, status: number, body: unknown, eTag: string): void {
  res.header('ETag', eTag);
  res.send(status, body);
}
