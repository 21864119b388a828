import path from 'node:path';
import type { Server } from 'restify';
import type { Logger } from '../../shared/logger';
import { findProjectRoot, registerStaticPage } from '../web';

/** What the owner console page needs. */
export interface AdminConsoleOptions {
  logger: Logger;
  /** Folder holding public/ (found from this file when unset). */
  root?: string;
}

/**
 * Registers the owner console: GET /admin (public/admin/index.html) and its ES modules and styles under
 * /admin/assets/. The page is plain files with a strict CSP (no inline script or style, no CDN); it signs in
 * with an owner token and talks only to /api/admin, which checks the token on every call.
 */
export function registerAdminConsole(server: Server, options: AdminConsoleOptions): void {
  const root = options.root ?? findProjectRoot();
  registerStaticPage(server, { pagePath: '/admin', dir: path.join(root, 'public', 'admin'), logger: options.logger });
}
