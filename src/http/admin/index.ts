import type { Server } from 'restify';
import { GapService } from '../../admin/gapService';
import type { AdminDeps } from './common';
import { registerCollectionRoutes } from './collectionRoutes';
import { registerKbRoutes } from './kbRoutes';
import { registerTransferRoutes } from './transferRoutes';
import { registerGapRoutes } from './gapRoutes';
import { registerReportRoutes } from './reportRoutes';

export type { AdminDeps } from './common';

/** Registers the owners' API under /api/admin (docs/admin-api.md); every route needs the owner role. */
export function registerAdminRoutes(server: Server, deps: AdminDeps): void {
  registerKbRoutes(server, deps);
  registerTransferRoutes(server, deps);
  registerCollectionRoutes(server, deps);
  registerGapRoutes(server, deps, new GapService(deps.stores.analytics, deps.stores.gaps));
  registerReportRoutes(server, deps);
}
