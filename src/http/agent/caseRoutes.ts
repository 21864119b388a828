import type { Request, Response, Server } from 'restify';
import type { QueueService } from '../../handoff';
import type { Logger } from '../../shared/logger';
import type { TranscriptStore } from '../../storage/ports';
import { requireRole, type Authenticator } from '../auth';
import { route } from '../errors';
import { listQuery, parse, releaseBody, resolveBody, textBody } from './schemas';
import { caseView, listItem } from './view';

/** What the case routes need. */
export interface CaseRouteDeps {
  auth: Authenticator;
  queue: QueueService;
  transcripts: Pick<TranscriptStore, 'list'>;
  logger: Logger;
}

const BASE = '/api/agent/cases';
const TRANSCRIPT_LIMIT = 2000;

/** Registers the queue and case routes of the agent API (docs/agent-api.md); every call needs the agent role. */
export function registerCaseRoutes(server: Server, deps: CaseRouteDeps): void {
  const { auth, queue, logger } = deps;
  const agentRoute = (handler: (req: Request, res: Response, agent: string) => Promise<void>) =>
    route(logger, async (req, res) => handler(req, res, requireRole(auth, req, 'agent').name));
  const caseId = (req: Request): string => String(req.params.id ?? '');

  server.get(BASE, agentRoute(async (req, res) => {
    const query = parse(listQuery, req.query ?? {}, 'query');
    const listed = await queue.list(query.status, query.limit);
    res.json({ cases: listed.map((l) => listItem(l.case, l.position)) });
  }));

  server.get(`${BASE}/:id`, agentRoute(async (req, res) => {
    const c = await queue.get(caseId(req));
    const [events, transcript, position] = await Promise.all([
      queue.events(c.id),
      deps.transcripts.list(c.conversationId, { limit: TRANSCRIPT_LIMIT }),
      queue.position(c),
    ]);
    res.json({
      case: caseView(c, position),
      summary: c.summary,
      transcript: transcript.map((t) => ({ seq: t.seq, at: t.at, from: t.from, text: t.text })),
      events,
      remedies: queue.remedies(c),
    });
  }));

  server.post(`${BASE}/:id/claim`, agentRoute(async (req, res, agent) => {
    const c = await queue.claim(caseId(req), agent);
    res.json({ case: caseView(c) });
  }));

  server.post(`${BASE}/:id/messages`, agentRoute(async (req, res, agent) => {
    const body = parse(textBody, req.body, 'body');
    const event = await queue.sendMessage(caseId(req), agent, body.text);
    res.status(201);
    res.json({ event });
  }));

  server.post(`${BASE}/:id/notes`, agentRoute(async (req, res, agent) => {
    const body = parse(textBody, req.body, 'body');
    const event = await queue.addNote(caseId(req), agent, body.text);
    res.status(201);
    res.json({ event });
  }));

  server.post(`${BASE}/:id/resolve`, agentRoute(async (req, res, agent) => {
    const body = parse(resolveBody, req.body, 'body');
    const c = await queue.resolve(caseId(req), agent, body);
    res.json({ case: caseView(c) });
  }));

  server.post(`${BASE}/:id/release`, agentRoute(async (req, res, agent) => {
    const body = parse(releaseBody, req.body ?? undefined, 'body');
    const c = await queue.release(caseId(req), agent, body?.reason || undefined);
    const position = await queue.position(c);
    res.json({ case: caseView(c, position) });
  }));
}
