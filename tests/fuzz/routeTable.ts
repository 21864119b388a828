import type { Server } from 'restify';

/** One route of a server, with a concrete URL path to call it at. */
export interface RouteEntry {
  method: string;
  /** The route as registered, e.g. /v3/directline/conversations/:conversationId/activities. */
  pattern: string;
  /** The pattern with each :param replaced by a sample value. */
  path: string;
}

/** Sample values of route parameters; an unknown parameter gets "x". */
const SAMPLES: Record<string, string> = { conversationId: 'no-such-conversation', name: 'no-such-asset.js', id: 'no-such-id', caseId: 'no-such-case' };

/** Every route registered on a restify server (core, Direct Line, web chat, and any group added later). */
export function listRoutes(server: Server): RouteEntry[] {
  const routes = server.router.getRoutes() as unknown as Record<string, { method: string; path: string | RegExp }>;
  return Object.values(routes)
    .filter((r) => typeof r.path === 'string')
    .map((r) => {
      const pattern = r.path as string;
      const path = pattern.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(SAMPLES[name] ?? 'x'));
      return { method: r.method.toUpperCase(), pattern, path };
    });
}

/**
 * The routes whose bodies the property tests throw garbage at. The agent and admin engineers add their JSON
 * routes here (method, pattern); a pattern that the server does not register fails the suite, so the table
 * cannot silently go stale. Routes under a prefix of `BODY_ROUTE_PREFIXES` are picked up from the server
 * automatically as well.
 */
export const FUZZED_BODY_ROUTES: Array<{ method: string; pattern: string }> = [
  { method: 'POST', pattern: '/api/messages' },
  { method: 'POST', pattern: '/v3/directline/tokens/generate' },
  { method: 'POST', pattern: '/v3/directline/tokens/refresh' },
  { method: 'POST', pattern: '/v3/directline/conversations' },
  { method: 'POST', pattern: '/v3/directline/conversations/:conversationId/activities' },
  { method: 'POST', pattern: '/api/webchat/token' },
];

/** Any POST/PUT/PATCH route under these prefixes is fuzzed too (the agent and admin APIs, once they exist). */
export const BODY_ROUTE_PREFIXES = ['/api/agent/', '/api/admin/'];

/** The routes of this server to fuzz: the table, plus every body route under the prefixes. */
export function fuzzedRoutes(server: Server): RouteEntry[] {
  const all = listRoutes(server);
  const chosen = new Map<string, RouteEntry>();
  for (const wanted of FUZZED_BODY_ROUTES) {
    const found = all.find((r) => r.method === wanted.method && r.pattern === wanted.pattern);
    if (!found) throw new Error(`fuzz table: ${wanted.method} ${wanted.pattern} is not registered on the server`);
    chosen.set(`${found.method} ${found.pattern}`, found);
  }
  for (const r of all) {
    if (['POST', 'PUT', 'PATCH'].includes(r.method) && BODY_ROUTE_PREFIXES.some((p) => r.pattern.startsWith(p))) chosen.set(`${r.method} ${r.pattern}`, r);
  }
  return [...chosen.values()];
}
