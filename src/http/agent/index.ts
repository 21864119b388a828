import type { Server } from 'restify';
import type { QueueService } from '../../handoff';
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../shared/logger';
import type { EventBus, TranscriptStore } from '../../storage/ports';
import { requireRole, type Authenticator } from '../auth';
import { route } from '../errors';
import { registerCaseRoutes } from './caseRoutes';
import { AgentEventStreams } from './eventStream';

/** What the agent API is built on. */
export interface AgentApiDeps {
  auth: Authenticator;
  queue: QueueService;
  transcripts: Pick<TranscriptStore, 'list'>;
  events: Pick<EventBus, 'subscribe'>;
  clock: Clock;
  logger: Logger;
  /** Heartbeat interval of the event streams (tests shorten it). */
  heartbeatMs?: number;
}

/** The agent API: routes to register and open event streams to close on stop. */
export interface AgentApi {
  register(server: Server): void;
  /** Ends every open event stream (before the HTTP server closes, which would otherwise wait for them). */
  close(): void;
  /** Open event streams (SSE clients) on this instance. */
  openStreams(): number;
}

/** Builds the agent API of docs/agent-api.md. */
export function createAgentApi(deps: AgentApiDeps): AgentApi {
  const streams = new AgentEventStreams(deps.events, deps.clock, deps.logger, deps.heartbeatMs);
  return {
    register(server) {
      registerCaseRoutes(server, deps);
      server.get('/api/agent/events', route(deps.logger, async (req, res) => {
        requireRole(deps.auth, req, 'agent');
        await streams.serve(req, res);
      }));
    },
    close: () => streams.close(),
    openStreams: () => streams.size,
  };
}

export { AgentEventStreams, HEARTBEAT_MS } from './eventStream';
