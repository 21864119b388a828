import type { Server } from 'restify';
import type { Logger } from '../shared/logger';
import { parseActivity } from './activitySchema';
import { route } from './errors';
import type { BotGateway } from './ports';

/** POST /api/messages: the Bot Framework channel endpoint (also answers deliveryMode "expectReplies"). */
export function registerMessageRoutes(server: Server, bot: BotGateway, logger: Logger): void {
  server.post(
    '/api/messages',
    route(logger, async (req, res) => {
      const activity = parseActivity(req.body);
      const authorization = String(req.header('authorization') ?? '');
      const answer = await bot.processActivity(authorization, activity);
      res.status(answer.status);
      if (answer.body === undefined) res.end();
      else res.json(answer.body);
    }),
  );
}
