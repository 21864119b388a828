import type { Server } from 'restify';
import { AppError } from '../../shared/errors';
import { CASE_STATUSES } from '../../handoff';
import { computeAnalytics } from '../../admin/analytics';
import { dateWindow, intParam, ownerRoute, queryParam, type AdminDeps } from './common';

/** Cases read for the analytics: more than a window can hold on one platform; the answer says if it was cut. */
const MAX_CASES = 100_000;

/** Analytics, the audit trail, and travellers' data export and erasure. */
export function registerReportRoutes(server: Server, deps: AdminDeps): void {
  const { stores, clock } = deps;

  ownerRoute(server, deps, 'get', '/api/admin/analytics', async (req, res) => {
    const now = clock.now();
    const { from, to } = dateWindow(req, now);
    const [events, cases] = await Promise.all([stores.analytics.query({ from, to }), stores.cases.list(CASE_STATUSES, { limit: MAX_CASES })]);
    res.send(200, { ...computeAnalytics({ from, to, now, events, cases }), truncated: cases.length >= MAX_CASES });
  });

  ownerRoute(server, deps, 'get', '/api/admin/audit', async (req, res) => {
    const entries = await stores.knowledge.listAudit({
      ...(queryParam(req, 'actor') ? { actor: queryParam(req, 'actor') } : {}),
      ...(queryParam(req, 'target') ? { target: queryParam(req, 'target') } : {}),
      limit: intParam(req, 'limit', 100, 1000),
    });
    res.send(200, { entries });
  });

  ownerRoute(server, deps, 'get', '/api/admin/users/:id/export', async (req, res, owner) => {
    const userId = userParam(req.params.id);
    const data = await stores.userData.exportUser(userId);
    await stores.knowledge.appendAudit({ actor: owner, action: 'user.export', target: `user:${userId}` });
    res.send(200, data);
  });

  ownerRoute(server, deps, 'post', '/api/admin/users/:id/erase', async (req, res, owner) => {
    const userId = userParam(req.params.id);
    const erased = await stores.userData.eraseUser(userId);
    await stores.knowledge.appendAudit({ actor: owner, action: 'user.erase', target: `user:${userId}`, details: { erased } });
    res.send(200, { userId, erased });
  });
}

function userParam(raw: unknown): string {
  const id = typeof raw === 'string' ? raw.trim() : '';
  if (!id || id.length > 200) throw new AppError('BAD_REQUEST', 'the user id is missing or too long');
  return id;
}
