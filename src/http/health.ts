import type { Server } from 'restify';
import type { Logger } from '../shared/logger';
import { route } from './errors';
import type { HealthSource } from './ports';

/** GET /healthz: status, knowledge base version and counts, storage health. 503 when degraded. */
export function registerHealthRoutes(server: Server, source: HealthSource, logger: Logger): void {
  server.get(
    '/healthz',
    route(logger, async (_req, res) => {
      const report = await source.health();
      res.status(report.status === 'ok' ? 200 : 503);
      res.json(report);
    }),
  );
}
