import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Server } from 'restify';
import type { Config } from './config';
import { createLogger, type Logger } from './shared/logger';
import { systemClock, type Clock } from './shared/clock';
import { AppError } from './shared/errors';
import { KnowledgeService, formatProblem } from './knowledge';
import { loadKnowledgeBaseFromDir } from './storage/knowledgeFiles';
import { knowledgeFileWarnings } from './storage/knowledgeFileCheck';
import { createStores, sweepRetention, type Stores } from './storage';
import { NluService } from './nlu';
import { NluModelCache } from './storage/nluModelCache';
import { WorkerNluTrainer } from './storage/workerNluTrainer';
import { makeServer } from './server';
import { createRateLimits } from './http/rateLimitSetup';
import { createDirectLine } from './http/directline';
import { PlatformIdentityVerifier, registerWebChat } from './http/web';
import { registerAdminConsole } from './http/adminConsole';
import { registerAgentConsole } from './http/agentConsole';
import { createTeamsCaseAnnouncer } from '../bot/teamsCaseAnnouncer';
import { StaticTokenAuthenticator } from './http/auth';
import { createAgentApi } from './http/agent';
import { registerAdminRoutes } from './http/admin';
import { KbEditor } from './admin/kbEditor';
import { KnowledgeSync } from './admin/knowledgeSync';
import { NotifyingCaseRepository } from './handoff';
import type { BotGateway, HealthReport } from './http/ports';
import { createBotRuntime } from '../bot/runtime';
import { createPlatformGateway, type PlatformGateway, type TrustedTurn } from './platform';
import { FollowUpSweeper, ResolutionCheckComposer, type SweepReport } from './followUp';
import { version as packageVersion } from '../package.json';
import type { TurnTrace } from './conversation/trace';
import { createObservability, meteredStores, problemIndex, queueSnapshot, Readiness, traceCalls, type Tracer } from './metrics';
import { bounded } from './metrics/readiness';
import { createMetricsServer, MetricsAccess, registerMetricsRoute } from './http/metrics';

/** Collaborators a test or a tool may replace; everything else is built from config. */
export interface AppOverrides {
  logger: Logger;
  clock: Clock;
  stores: Stores;
  /** The travel platform (default: PLATFORM_API_URL's API, else the demo platform on the stores). */
  platform: PlatformGateway;
  /** Receives what each turn did: how the message was read, facts taken and asked, handoffs (eval:conversations). */
  observeTurn: (trace: TurnTrace) => void | Promise<void>;
  /** A tool's own trusted identities per conversation (eval:conversations vouches its traveller); never set in production. */
  trustedOf: (activity: { conversation: { id: string }; channelId: string }) => TrustedTurn | undefined;
  /** The readiness /readyz reports; index.ts makes it first, to answer the probes while the app is built. */
  readiness: Readiness;
  /** Another tracer than OTEL_EXPORTER_OTLP_ENDPOINT's (tests export spans in memory). */
  tracer: Tracer;
}

/** A built, unstarted Rebound instance. */
export interface App {
  readonly server: Server;
  readonly knowledge: KnowledgeService;
  readonly nlu: NluService;
  readonly stores: Stores;
  readonly bot: BotGateway;
  readonly logger: Logger;
  /** What /readyz answers. */
  readonly readiness: Readiness;
  /** Sends the follow-ups due now (the timer calls it every FOLLOW_UP_SWEEP_SECONDS; tools and tests may too). */
  sweepFollowUps(): Promise<SweepReport>;
  /** Listens; resolves with the bound address. */
  start(port?: number, host?: string): Promise<AddressInfo>;
  /** Shutdown begins: /readyz answers 503 from now on, while requests are still served (the load balancer's turn). */
  drain(): void;
  /** Drains, stops accepting requests, finishes the ones in flight, closes the stores. */
  stop(): Promise<void>;
}

const startedAt = Date.now();
/** How often due cases (queue expiry, idle agents) are swept; the deadlines themselves are stored. */
const HANDOFF_SWEEP_MS = 30_000;
/** How often data older than RETENTION_DAYS is purged. */
const RETENTION_SWEEP_MS = 60 * 60_000;

/** Builds the whole object graph by hand (no DI container). */
export async function createApp(config: Config, overrides: Partial<AppOverrides> = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  // Bounded below a load balancer's probe timeout (and the liveness one: /healthz shares it).
  const probeTimeoutMs = Math.min(1000, config.STORAGE_TIMEOUT_MS);
  const readiness = overrides.readiness ?? new Readiness(probeTimeoutMs);
  // The metrics check problem ids against the KB in service, which is loaded after them.
  const inService: { knowledge?: KnowledgeService } = {};
  const ops = await createObservability(config, { version: packageVersion, logger, knownProblem: problemIndex(() => inService.knowledge?.current().kb.problems), ...(overrides.tracer ? { tracer: overrides.tracer } : {}) });
  const metrics = ops.recorder;
  const rawStores =
    overrides.stores ??
    (await readiness.during('migrating', () =>
      createStores(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL, timeoutMs: config.STORAGE_TIMEOUT_MS } : { dataDir: config.DATA_DIR }, { clock, logger, observer: { groupCommit: (n) => metrics.groupCommit(n) } }),
    ));
  const stores = ops.active ? meteredStores(rawStores, metrics, ops.tracer) : rawStores;

  const published = await readiness.during('loading knowledge base', () => loadPublishedKnowledge(config, stores, logger));
  const knowledge = new KnowledgeService(published.kb, published.version, logger);
  inService.knowledge = knowledge;
  metrics.knowledgeInService(Number(published.version));
  const thresholds = { outOfScope: config.NLU_OUT_OF_SCOPE_THRESHOLD, ambiguityMargin: config.NLU_AMBIGUITY_MARGIN };
  // A restart with an unchanged KB restores the trained model from DATA_DIR instead of retraining it;
  // a training runs in a worker thread, so a publish never blocks the turns being served.
  const modelCache = new NluModelCache(config.DATA_DIR, logger, new WorkerNluTrainer());
  const nlu = new NluService(await readiness.during('loading NLU model', () => modelCache.engineFor(published.kb, { thresholds })));
  // A new KB version retrains the NLU in the background; the old engine answers until the new one is ready.
  knowledge.subscribe(async (next) => {
    const engine = await modelCache.engineFor(next.kb, { thresholds });
    nlu.swap(engine);
    metrics.knowledgeInService(Number(next.version));
    logger.info({ version: next.version }, 'knowledge base in service; NLU retrained');
  });

  const platform = traceCalls(overrides.platform ?? (await createPlatformGateway(config, { bookings: stores.bookings, clock })).gateway, 'platform', ops.tracer);
  // Every stored case event is announced on the event bus, so agents on every instance see it live.
  // Optional: new cases also go to the support team's Teams channel (announced by the instance that queued them).
  const teams = createTeamsCaseAnnouncer(config, stores.cases, logger);
  const handoffStores: Stores = { ...stores, cases: new NotifyingCaseRepository(stores.cases, teams ? teams.tee(stores.events) : stores.events, logger) };
  const runtime = createBotRuntime({ config, logger, clock, stores: handoffStores, knowledge, nlu, platform, ...(overrides.observeTurn ? { observeTurn: overrides.observeTurn } : {}), ...(overrides.trustedOf ? { trustedOf: overrides.trustedOf } : {}), metrics, tracer: ops.tracer });
  await teams?.start(stores.conversationReferences, runtime.messenger);
  const auth = new StaticTokenAuthenticator({ agent: config.REBOUND_AGENTS, owner: config.REBOUND_OWNERS });
  // Owners' edits: a published version swaps in here at once, and on every other instance through the event bus (with a poll as fallback).
  const knowledgeSync = new KnowledgeSync(stores.knowledge, knowledge, stores.events, logger);
  await knowledgeSync.start();
  const kbEditor = new KbEditor(stores.knowledge, knowledge, knowledgeSync);
  const agentApi = createAgentApi({ auth, queue: runtime.queue, transcripts: stores.transcripts, events: stores.events, clock, logger });
  const sweeper = setInterval(() => {
    runtime.queue.sweep().catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'handoff sweep failed'));
  }, HANDOFF_SWEEP_MS);
  sweeper.unref();
  // Follow-ups (complaint step 6): the timer only triggers a sweep; the due times are stored, so a restart loses none.
  const followUps = new FollowUpSweeper(
    { followUps: stores.followUps, messenger: runtime.messenger, composer: new ResolutionCheckComposer(stores.cases, () => knowledge.current().kb), clock, logger },
    { owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}` },
  );
  const followUpTimer = setInterval(() => {
    followUps.sweep().catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'follow-up sweep failed'));
  }, config.FOLLOW_UP_SWEEP_SECONDS * 1000);
  followUpTimer.unref();
  // Retention (RETENTION_DAYS): transcripts, analytics, finished follow-ups and idle web chats; idempotent on every instance.
  const retentionTimer = setInterval(() => {
    sweepRetention(stores, clock.now(), config.RETENTION_DAYS)
      .then((purged) => logger.info({ ...purged }, 'retention sweep done'))
      .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'retention sweep failed'));
  }, RETENTION_SWEEP_MS);
  retentionTimer.unref();
  // Counted in PostgreSQL when the stores offer it, so every instance spends from one budget (docs/security.md).
  const rateLimits = createRateLimits(config, stores.rateLimits, logger, Date.now, (limit) => metrics.rateLimited(limit));
  const directLine = await createDirectLine({
    bot: runtime.gateway,
    logger,
    clock,
    dataDir: config.DATA_DIR,
    secret: config.DIRECTLINE_SECRET,
    // Stored with the other data: web chats survive a restart and every instance reads them (docs/channels.md).
    store: stores.directLine,
    trustProxy: config.TRUST_PROXY,
    streamLimits: { rateLimits, streams: { perConversation: config.DIRECTLINE_STREAMS_PER_CONVERSATION, perClient: config.DIRECTLINE_STREAMS_PER_CLIENT } },
    // The bot's one name, from the knowledge base (as it was at start-up).
    botAccount: { id: config.MicrosoftAppId ?? 'rebound', name: knowledge.current().kb.platform.assistantName },
  });
  // The platform's signed assertion of its signed-in user (docs/platform.md): bound to the Direct Line token.
  const platformIdentity = new PlatformIdentityVerifier({ secret: config.PLATFORM_IDENTITY_SECRET, publicKey: config.PLATFORM_IDENTITY_PUBLIC_KEY }, clock);
  const server = makeServer({
    logger,
    bot: runtime.gateway,
    maxBodyBytes: config.MAX_BODY_BYTES,
    largeBodies: { '/api/admin/kb/import': config.MAX_KB_IMPORT_BYTES },
    security: { publicUrl: config.PUBLIC_URL },
    rateLimits,
    health: { health: () => health(knowledge, stores, config, probeTimeoutMs, published.warnings) },
    readiness,
    ...(ops.prometheus ? { metrics } : {}),
    extraRoutes: [(s) => directLine.register(s), (s) => registerWebChat(s, { directLine, logger, trustProxy: config.TRUST_PROXY, embedOrigins: config.EMBED_ORIGINS, identity: platformIdentity }), (s) => registerAdminConsole(s, { logger }), (s) => registerAgentConsole(s, { logger }), (s) => agentApi.register(s), (s) => registerAdminRoutes(s, { logger, clock, auth, editor: kbEditor, knowledge, stores })],
  });
  const prometheus = ops.prometheus;
  const metricsAccess = new MetricsAccess(config.METRICS_TOKEN, auth);
  // METRICS_PORT: the scrape is served there only, never on the public port.
  const metricsServer = prometheus && config.METRICS_PORT ? createMetricsServer(prometheus, metricsAccess, logger) : null;
  if (prometheus && !metricsServer) registerMetricsRoute(server, prometheus, metricsAccess, logger);
  prometheus?.observe({
    queue: () => queueSnapshot(stores.cases, clock),
    sseClients: () => agentApi.openStreams(),
    webSockets: () => directLine.openSockets(),
    ...(stores.pools ? { pools: () => stores.pools?.() ?? [] } : {}),
    ready: () => readiness.readyWithoutProbe,
  });

  return {
    server,
    knowledge,
    nlu,
    stores,
    bot: runtime.gateway,
    logger,
    readiness,
    sweepFollowUps: () => followUps.sweep(),
    start: async (port = config.PORT, host = config.HOST) => {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      });
      if (metricsServer && config.METRICS_PORT) await metricsServer.listen(config.METRICS_PORT, host);
      readiness.started(() => stores.health());
      return address;
    },
    drain: () => readiness.drain(),
    stop: async () => {
      readiness.drain();
      // Open WebSockets and event streams would otherwise keep server.close() waiting.
      clearInterval(sweeper);
      clearInterval(followUpTimer);
      clearInterval(retentionTimer);
      await followUps.settled();
      agentApi.close();
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
      await knowledgeSync.stop();
      await metricsServer?.close();
      await ops.tracer.shutdown().catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'traces not flushed'));
      // A training in progress would otherwise keep its worker thread (and the process) alive.
      await modelCache.close();
      await stores.close();
    },
  };
}

/** The KB in service: the latest published version in the store; on a fresh install, the files, imported as version 1. */
async function loadPublishedKnowledge(config: Config, stores: Stores, logger: Logger) {
  const stored = await stores.knowledge.getPublished();
  // The files are only imported on a fresh install, but broken files must still show on /healthz.
  if (stored) return { kb: stored.kb, version: stored.version, warnings: await knowledgeFileWarnings(config.KB_DIR, logger) };
  const loaded = await loadKnowledgeBaseFromDir(config.KB_DIR);
  if (!loaded.ok) {
    const problems = loaded.errors.map(formatProblem);
    throw new AppError('INVALID_KB', `The knowledge base in ${config.KB_DIR} is invalid:\n  ${problems.join('\n  ')}`, { problems });
  }
  const version = await stores.knowledge.publish(loaded.value, 'system', `imported from ${config.KB_DIR}`, null);
  logger.info({ version: version.version }, 'knowledge base imported from files');
  return { kb: loaded.value, version: version.version, warnings: [] as string[] };
}

async function health(knowledge: KnowledgeService, stores: Stores, config: Config, probeTimeoutMs: number, kbWarnings: string[] = []): Promise<HealthReport> {
  // Bounded: a liveness probe that waits for a hung database would have the process restarted for nothing.
  const storage = (await bounded(() => stores.health(), probeTimeoutMs)) ?? { ok: false, backend: 'unknown' };
  const kb = knowledge.current();
  return {
    status: storage.ok ? 'ok' : 'degraded',
    version: packageVersion,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    knowledgeBase: { version: kb.version, hash: kb.hash, counts: { ...kb.counts }, ...(kbWarnings.length ? { warnings: kbWarnings } : {}) },
    storage,
    authentication: config.MicrosoftAppId ? 'channel-tokens' : 'none (local use)',
  };
}
