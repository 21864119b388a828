import { timingSafeEqual } from 'node:crypto';
import type { Request, Server } from 'restify';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { route } from '../errors';
import type { DirectLineService } from './directLineService';

/** The path prefix of the connector emulation; the bot's serviceUrl is `<self>/directline-connector/<key>`. */
export const CONNECTOR_PREFIX = '/directline-connector';

/**
 * The Bot Connector API as the bot sees it, for Direct Line conversations: where CloudAdapter's connector client
 * posts replies and proactive messages. It is reachable only with the key in the serviceUrl (derived from the
 * Direct Line secret, never sent to a client) and only for conversations this server knows.
 */
export function registerConnectorRoutes(server: Server, service: DirectLineService, connectorKey: string, logger: Logger): void {
  const expected = Buffer.from(connectorKey);
  const handler = route(logger, async (req, res) => {
    checkKey(req, expected);
    const body = req.body as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      throw new AppError('INVALID_ACTIVITY', 'The body must be an activity with a type.');
    }
    res.json(await service.postFromBot(req.params.conversationId, body as Record<string, unknown>));
  });
  server.post(`${CONNECTOR_PREFIX}/:key/v3/conversations/:conversationId/activities`, handler);
  server.post(`${CONNECTOR_PREFIX}/:key/v3/conversations/:conversationId/activities/:activityId`, handler);
}

function checkKey(req: Request, expected: Buffer): void {
  const given = Buffer.from(String(req.params.key ?? ''));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('UNAUTHENTICATED', 'Unknown connector key.');
  }
}
