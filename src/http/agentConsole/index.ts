import path from 'node:path';
import type { Server } from 'restify';
import type { Logger } from '../../shared/logger';
import { findProjectRoot, registerStaticPage } from '../web';

/** What the agent console page needs. */
export interface AgentConsoleOptions {
  logger: Logger;
  /** Folder holding public/ (found from this file when unset). */
  root?: string;
}

/** Where the console is served; the Teams new-case card links here. */
export const AGENT_CONSOLE_PATH = '/agent';

/**
 * Registers the agent console: GET /agent (public/agent/index.html) and its ES modules and styles under
 * /agent/assets/. Plain files with the strict CSP (no inline script or style, no CDN); the page signs in with an
 * agent token kept in sessionStorage and talks only to /api/agent, which checks the token on every call.
 */
export function registerAgentConsole(server: Server, options: AgentConsoleOptions): void {
  const root = options.root ?? findProjectRoot();
  registerStaticPage(server, { pagePath: AGENT_CONSOLE_PATH, dir: path.join(root, 'public', 'agent'), logger: options.logger });
}

/** The console's address for a case, e.g. for a link in a Teams card: `${baseUrl}/agent#case/<id>`. */
export function agentConsoleCaseUrl(baseUrl: string, caseId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${AGENT_CONSOLE_PATH}#case/${encodeURIComponent(caseId)}`;
}
