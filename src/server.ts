import restify, { type Server } from 'restify';
import type { Logger } from './shared/logger';
import { AppError } from './shared/errors';
import { sendError } from './http/errors';
import { registerHealthRoutes } from './http/health';
import { registerMessageRoutes } from './http/messages';
import type { BotGateway, HealthSource, ReadinessSource } from './http/ports';
import { meterRequests } from './http/metrics';
import type { MetricsRecorder } from './metrics/ports';
import { registerRateLimits, type RateLimits, type RateLimitSettings } from './http/rateLimitRules';
import { registerSecurityHeaders, type SecurityHeaderOptions } from './http/securityHeaders';
import { jsonDepthExcess } from './http/jsonDepth';

/** What the HTTP server needs; built by createApp. */
export interface ServerDeps {
  logger: Logger;
  bot: BotGateway;
  health: HealthSource;
  /** /readyz: whether the instance takes traffic; unset: no /readyz. */
  readiness?: ReadinessSource;
  /** Counts every request by route template and status; unset: not counted. */
  metrics?: MetricsRecorder;
  maxBodyBytes: number;
  /** Larger bodies allowed on some paths (the owners' KB import), by exact path. */
  largeBodies?: Readonly<Record<string, number>>;
  /** Security headers (HSTS when PUBLIC_URL is https); every response gets them. */
  security?: SecurityHeaderOptions;
  /** Per-client limits (RATE_LIMIT_*), counted in memory from settings or in the given limits' store; unset: none. */
  rateLimits?: RateLimitSettings | RateLimits;
  /** Extra route groups (Direct Line, agent, admin) registered after the core ones. */
  extraRoutes?: Array<(server: Server) => void>;
}

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_MS = 65_000;

const JSON_TYPE = /^application\/(?:json|[a-z0-9.+-]+\+json)$/i;

/**
 * Between reading and parsing: a JSON body nested deeper than MAX_JSON_DEPTH is refused before it is parsed, so no
 * route, store or serialiser ever meets one (JSON.stringify and structuredClone recurse, and overflow the stack).
 */
const refuseDeepJson: restify.RequestHandler = (req, _res, next) => {
  const raw: unknown = req.body;
  if ((typeof raw !== 'string' && !Buffer.isBuffer(raw)) || !JSON_TYPE.test(req.getContentType())) return next();
  const excess = jsonDepthExcess(typeof raw === 'string' ? raw : raw.toString('utf8'));
  if (!excess) return next();
  const message = `The JSON body nests deeper than ${excess.maxDepth} levels (at character ${excess.offset}).`;
  return next(new AppError('BODY_TOO_DEEP', message, { maxDepth: excess.maxDepth, offset: excess.offset }));
};

/** The body parser with the default limit, and a larger one on the paths that take big uploads; deep JSON is refused. */
function bodyParserByPath(defaultLimit: number, large: Readonly<Record<string, number>>): restify.RequestHandler {
  const parser = (maxBodySize: number): restify.RequestHandler[] => {
    // restify's bodyParser is [read, parse]: the depth check goes between them.
    const [read, ...parse] = restify.plugins.bodyParser({ maxBodySize, mapParams: false, mapFiles: false, rejectUnknown: true }) as restify.RequestHandler[];
    return [read!, refuseDeepJson, ...parse];
  };
  const byPath = new Map(Object.entries(large).map(([path, limit]) => [path, parser(limit)]));
  const normal = parser(defaultLimit);
  return (req, res, next) => {
    const chain = byPath.get(req.path()) ?? normal;
    const run = (i: number, err?: unknown): void => {
      if (err !== undefined && err !== null && err !== true) return void next(err as Error);
      if (i >= chain.length) return void next();
      chain[i](req, res, ((e?: unknown) => run(i + 1, e)) as restify.Next);
    };
    run(0);
  };
}

/** Builds the restify server with every route, unstarted. */
export function makeServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'rebound', handleUncaughtExceptions: false });
  // Idle keep-alive connections live longer than a load balancer's (60 s is the common default) and a
  // traveller's pause, so the server never closes a connection at the moment a client reuses it (ECONNRESET).
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  if (deps.metrics) meterRequests(server, deps.metrics);
  registerSecurityHeaders(server, deps.security);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // No Content-Length and no Transfer-Encoding means no body (RFC 9112, 6.3): say so, or the body parser refuses
  // a bodyless DELETE from fetch as an unknown media type (415).
  server.use((req, _res, next) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) req.headers['content-length'] = '0';
    next();
  });
  server.use(bodyParserByPath(deps.maxBodyBytes, deps.largeBodies ?? {}));
  // After the body parser: /api/messages is limited per conversation, which is in the body.
  if (deps.rateLimits) registerRateLimits(server, deps.rateLimits, deps.logger);
  // One place turns every error, including restify's own (413, 404, malformed JSON), into our JSON shape.
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: unknown, cb: () => void) => {
    if (req.path() === '/api/messages' && (err as Error)?.name === 'InvalidContentError') {
      err = new AppError('INVALID_ACTIVITY', `The request body is not valid JSON: ${(err as Error).message}`, { problems: ['(body): not valid JSON'] });
    }
    sendError(req, res, err, deps.logger);
    return cb();
  });
  registerMessageRoutes(server, deps.bot, deps.logger);
  registerHealthRoutes(server, deps.health, deps.logger, deps.readiness);
  for (const register of deps.extraRoutes ?? []) register(server);
  return server;
}
