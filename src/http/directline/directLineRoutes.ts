import type { Request, Server } from 'restify';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { route } from '../errors';
import { principal, requestOrigin, requireSecret } from './auth';
import type { DirectLineService } from './directLineService';
import { parseWatermark } from './streams';
import type { DirectLineTokens, TokenClaims } from './tokens';

/** What the Direct Line routes need. */
export interface DirectLineRouteDeps {
  service: DirectLineService;
  tokens: DirectLineTokens;
  logger: Logger;
  trustProxy: boolean;
}

const BASE = '/v3/directline';

/** Registers the Direct Line 3.0 REST API (the WebSocket stream is attached separately, see StreamHub). */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { service, tokens, logger } = deps;
  const conversationBody = (req: Request, claims: TokenClaims, token: string, watermark = -1) => {
    const stream = tokens.issue(claims, 'stream');
    const query = new URLSearchParams({ ...(watermark >= 0 ? { watermark: String(watermark) } : {}), t: stream.token });
    const url = `${requestOrigin(req, deps.trustProxy).ws}${BASE}/conversations/${encodeURIComponent(claims.conversationId)}/stream?${query}`;
    return { conversationId: claims.conversationId, token, expires_in: tokens.lifetime('conversation'), streamUrl: url };
  };

  server.post(`${BASE}/tokens/generate`, route(logger, async (req, res) => {
    requireSecret(req, tokens);
    const claims = service.newConversationClaims((req.body as { user?: { id?: unknown; name?: unknown } } | undefined)?.user);
    const issued = tokens.issue(claims);
    res.json({ conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn });
  }));

  server.post(`${BASE}/tokens/refresh`, route(logger, async (req, res) => {
    const who = principal(req, tokens);
    if (who === 'secret') throw badRequest('tokens/refresh takes a token, not the secret.');
    const issued = tokens.issue(who);
    res.json({ conversationId: who.conversationId, token: issued.token, expires_in: issued.expiresIn });
  }));

  server.post(`${BASE}/conversations`, route(logger, async (req, res) => {
    const who = principal(req, tokens);
    const claims = who === 'secret' ? service.newConversationClaims((req.body as { user?: { id?: unknown } } | undefined)?.user) : who;
    const created = await service.start(claims);
    res.status(created ? 201 : 200);
    res.json(conversationBody(req, claims, tokens.issue(claims).token));
  }));

  server.get(`${BASE}/conversations/:conversationId`, route(logger, async (req, res) => {
    const who = principal(req, tokens);
    const conversation = await service.requireConversation(req.params.conversationId, who);
    const claims = who === 'secret' ? { conversationId: conversation.id, userId: conversation.userId } : who;
    // Reconnect: the same token back (its expiry unchanged), a fresh streamUrl from the client's watermark.
    const token = who === 'secret' ? tokens.issue(claims).token : bearerToken(req);
    res.json(conversationBody(req, claims, token, parseWatermark((req.query as Record<string, unknown>)?.watermark)));
  }));

  server.post(`${BASE}/conversations/:conversationId/activities`, route(logger, async (req, res) => {
    const who = principal(req, tokens);
    res.json(await service.postFromUser(req.params.conversationId, who, req.body, clientKey(req, deps.trustProxy)));
  }));

  server.get(`${BASE}/conversations/:conversationId/activities`, route(logger, async (req, res) => {
    const who = principal(req, tokens);
    res.json(await service.listActivities(req.params.conversationId, who, parseWatermark((req.query as Record<string, unknown>)?.watermark)));
  }));
}

function bearerToken(req: Request): string {
  return String(req.header('authorization')).replace(/^Bearer\s+/i, '').trim();
}

function badRequest(message: string): AppError {
  return new AppError('BAD_REQUEST', message);
}

/** The calling client's address (the first forwarded one behind a trusted proxy): the key of per-client limits in the bot. */
export function clientKey(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.header('x-forwarded-for') ?? '').split(',')[0]!.trim() : '';
  return `ip:${forwarded || req.socket?.remoteAddress || 'unknown'}`;
}
