import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { MetricsRecorder } from '../metrics/ports';
import { StaticTokenAuthenticator, type Authenticator } from './auth';
import { route } from './errors';

/** The Prometheus exposition, as the metrics module renders it. */
export interface MetricsExposition {
  scrape(): Promise<string>;
  readonly contentType: string;
}

/** Who may read /metrics: METRICS_TOKEN, or an owner's token (as for the admin API). */
export class MetricsAccess {
  private readonly metricsToken: Authenticator | null;

  constructor(
    token: string | undefined,
    private readonly owners: Authenticator,
  ) {
    // Its own authenticator: hashed and compared in constant time like the people's tokens, `sha256:<hex>` accepted;
    // several tokens (comma-separated) let a rotation overlap.
    const tokens = (token ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    this.metricsToken = tokens.length ? new StaticTokenAuthenticator({ owner: tokens.map((t) => ({ name: 'metrics', token: t })) }) : null;
  }

  /** Whether a token was configured (the separate port is open without one). */
  get hasToken(): boolean {
    return this.metricsToken !== null;
  }

  /** Throws 401 without a valid token, 403 with a valid one that is neither METRICS_TOKEN nor an owner's. */
  check(authorization: string | undefined, owners = true): void {
    const match = /^Bearer\s+(\S+)$/i.exec((authorization ?? '').trim());
    const token = match?.[1];
    if (token && this.metricsToken?.verify(token)) return;
    const principal = token && owners ? this.owners.verify(token) : null;
    if (principal?.roles.includes('owner')) return;
    if (principal) throw new AppError('FORBIDDEN', 'Reading the metrics needs METRICS_TOKEN or the owner role.');
    throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <METRICS_TOKEN>" (or an owner token).');
  }
}

/** GET /metrics on the main server: METRICS_TOKEN or an owner token required. */
export function registerMetricsRoute(server: Server, exposition: MetricsExposition, access: MetricsAccess, logger: Logger): void {
  server.get(
    '/metrics',
    route(logger, async (req, res) => {
      access.check(req.header('authorization'));
      const text = await exposition.scrape();
      res.setHeader('Content-Type', exposition.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.writeHead(200);
      res.end(text);
    }),
  );
}

const START = Symbol('rebound.requestStart');

/**
 * Counts every request the server answers, by its route template (`/api/agent/cases/:id`, never the raw URL,
 * which holds ids) and status; requests that matched no route count as "unmatched".
 */
export function meterRequests(server: Server, metrics: MetricsRecorder): void {
  server.pre((req, _res, next) => {
    (req as unknown as Record<symbol, number>)[START] = performance.now();
    next();
  });
  server.on('after', (req: Request, res: Response, matched: { spec?: { path?: unknown } } | undefined) => {
    const start = (req as unknown as Record<symbol, number | undefined>)[START];
    const path = matched?.spec?.path;
    const template = typeof path === 'string' || path instanceof RegExp ? String(path) : 'unmatched';
    metrics.httpRequest(template, req.method ?? 'GET', res.statusCode, start === undefined ? 0 : (performance.now() - start) / 1000);
  });
}

/** The metrics on a port of their own (METRICS_PORT): only GET /metrics, behind METRICS_TOKEN when one is set. */
export interface MetricsServer {
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

/** Builds the separate metrics server (plain node:http: no routes, body parsing or rate limits needed). */
export function createMetricsServer(exposition: MetricsExposition, access: MetricsAccess, logger: Logger): MetricsServer {
  const answer = async (req: IncomingMessage): Promise<{ status: number; type: string; body: string }> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics') return { status: 404, type: 'text/plain', body: 'Only /metrics is served on this port.\n' };
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, type: 'text/plain', body: 'GET only.\n' };
    try {
      // An owner's token is not taken here: this port is for the scraper, which has METRICS_TOKEN or nothing.
      if (access.hasToken) access.check(req.headers.authorization, false);
    } catch (err) {
      return { status: (err as AppError).status ?? 401, type: 'text/plain', body: `${(err as Error).message}\n` };
    }
    return { status: 200, type: exposition.contentType, body: await exposition.scrape() };
  };
  const server: HttpServer = createServer((req, res) => {
    answer(req).then(
      ({ status, type, body }) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (err: unknown) => {
        logger.error({ err: (err as Error).message }, 'metrics scrape failed');
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('The scrape failed; it has been logged.\n');
      },
    );
  });
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
