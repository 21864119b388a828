import type { Server } from 'restify';
import type { Logger } from '../shared/logger';
import { route } from './errors';
import type { HealthSource, ReadinessSource } from './ports';

/**
 * GET /healthz, the liveness probe: 200 whenever the process serves requests, with the knowledge base version
 * and counts and the storage's health in the body (`status: degraded` when the storage is unreachable). A
 * database outage is no reason to restart the process, so it never fails this probe: /readyz takes the instance
 * out of the load balancer instead.
 */
export function registerHealthRoutes(server: Server, source: HealthSource, logger: Logger, readiness?: ReadinessSource): void {
  server.get(
    '/healthz',
    route(logger, async (_req, res) => {
      const report = await source.health();
      res.setHeader('Cache-Control', 'no-store');
      res.status(200);
      res.json(report);
    }),
  );
  if (!readiness) return;
  // GET /readyz, the readiness probe: 503 while starting, while the storage is unreachable, and once shutdown began.
  server.get(
    '/readyz',
    route(logger, async (_req, res) => {
      const report = await readiness.report();
      res.setHeader('Cache-Control', 'no-store');
      if (!report.ready) res.setHeader('Retry-After', '5');
      res.status(report.ready ? 200 : 503);
      res.json(report);
    }),
  );
}
