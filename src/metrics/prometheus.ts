import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { channelLabel, errorLabel, limitLabel, methodLabel, operationLabel, problemLabel, senderLabel, statusLabel } from './labels';
import type { MetricsRecorder, MetricsSources, NluVerdict, QueueSnapshot, TurnOutcome } from './ports';

/** What the metrics of one app need to know. */
export interface PrometheusMetricsOptions {
  /** Whether a problem id is one of the KB's (others are counted as "other"). */
  knownProblem(id: string): boolean;
  /** The package version, on rebound_build_info. */
  version: string;
}

/** One app's metrics: the recorder its services hold, and the scrape. */
export interface PrometheusMetrics {
  readonly recorder: MetricsRecorder;
  readonly registry: Registry;
  /** Adds the values read at scrape time (queue, streams, pools, readiness). */
  observe(sources: MetricsSources): void;
  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<string>;
  readonly contentType: string;
}

const LATENCY = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STORAGE_LATENCY = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const CONFIDENCE = [0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
const BATCH = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const VERDICTS: readonly NluVerdict[] = ['in_scope', 'out_of_scope', 'ambiguous'];
/** How handoff analytics events read as queue events. */
const HANDOFF_EVENTS: Record<string, string> = {
  handoff: 'queued',
  handoff_claimed: 'claimed',
  handoff_resolved: 'resolved',
  handoff_released: 'released',
  handoff_expired: 'expired',
  handoff_returned: 'returned',
};
/** How conversation analytics events read as recovery session outcomes, per problem. */
const RECOVERY_OUTCOMES: Record<string, string> = { recovery_started: 'started', resolved_by_bot: 'resolved_without_person', handoff: 'handed_off' };

let processRegistry: Registry | null = null;

/**
 * prom-client's process metrics (CPU, memory, heap, event loop lag, GC), registered once per process: they
 * describe the process, which every app in it shares, and each registration adds a GC observer for good.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Builds the metrics of one app on a registry of its own (never prom-client's global one: apps and tests stay apart). */
export function createPrometheusMetrics(options: PrometheusMetricsOptions): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({ name: 'rebound_build_info', help: 'Always 1; the version of Rebound running.', labelNames: ['version'], registers }).set({ version: options.version }, 1);

  const httpRequests = new Counter({ name: 'rebound_http_requests_total', help: 'HTTP requests answered, by route template, method and status.', labelNames: ['route', 'method', 'status'], registers });
  const httpDuration = new Histogram({ name: 'rebound_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route template and method.', labelNames: ['route', 'method'], buckets: LATENCY, registers });
  const turns = new Counter({ name: 'rebound_turns_total', help: 'Turns of the bot, by channel and outcome (answered, recovery_step, clarification, handoff, relayed, other).', labelNames: ['channel', 'outcome'], registers });
  const turnDuration = new Histogram({ name: 'rebound_turn_duration_seconds', help: "The bot's own time per turn (understanding, dialogs, state), by channel.", labelNames: ['channel'], buckets: LATENCY, registers });
  const verdicts = new Counter({ name: 'rebound_nlu_verdicts_total', help: 'Typed messages by the NLU verdict (in_scope, out_of_scope, ambiguous).', labelNames: ['verdict'], registers });
  const confidence = new Histogram({ name: 'rebound_nlu_confidence', help: "Confidence of the NLU's best candidate per typed message, by verdict: its drift after a publish shows here.", labelNames: ['verdict'], buckets: CONFIDENCE, registers });
  const recovery = new Counter({ name: 'rebound_recovery_sessions_total', help: 'Recovery sessions started, resolved without a person and handed off, per problem.', labelNames: ['problem', 'outcome'], registers });
  const faqAnswers = new Counter({ name: 'rebound_faq_answers_total', help: 'FAQ answers given.', registers });
  const handoffs = new Counter({ name: 'rebound_handoff_events_total', help: 'Cases queued for a person, claimed, resolved, released, expired and returned to the bot.', labelNames: ['event'], registers });
  const caseMessages = new Counter({ name: 'rebound_case_messages_total', help: 'Messages stored on cases, by sender (agent, traveller, bot).', labelNames: ['from'], registers });
  const storageDuration = new Histogram({ name: 'rebound_storage_call_duration_seconds', help: 'Storage calls by operation (store.method), with their latency.', labelNames: ['operation'], buckets: STORAGE_LATENCY, registers });
  const storageErrors = new Counter({ name: 'rebound_storage_errors_total', help: 'Storage calls that failed, by operation and error code.', labelNames: ['operation', 'code'], registers });
  const groupCommit = new Histogram({ name: 'rebound_storage_group_commit_statements', help: 'Statements per SQLite group commit (one fsync each).', buckets: BATCH, registers });
  const rateLimited = new Counter({ name: 'rebound_rate_limit_rejections_total', help: 'Requests and stream upgrades refused by a rate limit (429), by limit.', labelNames: ['limit'], registers });
  const dlConversations = new Counter({ name: 'rebound_directline_conversations_created_total', help: 'Local Direct Line (web chat) conversations created.', registers });
  const kbVersion = new Gauge({ name: 'rebound_knowledge_base_version', help: 'The knowledge base version in service on this instance.', registers });
  const kbPublishes = new Counter({ name: 'rebound_knowledge_base_publishes_total', help: 'Knowledge base versions put into service on this instance since it started (publishes, rollbacks, imports).', registers });

  const sources: MetricsSources[] = [];
  // One read of the queue per scrape, shared by its two gauges (scrape() starts each afresh).
  let snapshot: Promise<QueueSnapshot | null> | null = null;
  const queueSnapshot = (): Promise<QueueSnapshot | null> => {
    const source = sources.find((s) => s.queue);
    if (!source?.queue) return Promise.resolve(null);
    snapshot ??= source.queue().catch(() => null);
    return snapshot;
  };
  const sum = (read: (s: MetricsSources) => number | undefined): number | undefined => {
    const values = sources.map(read).filter((v): v is number => v !== undefined);
    return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
  };
  const gauge = (name: string, help: string, read: (s: MetricsSources) => number | undefined) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const value = sum(read);
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  gauge('rebound_agent_event_streams', 'Open agent event streams (SSE clients) on this instance.', (s) => s.sseClients?.());
  gauge('rebound_directline_websockets', 'Open Direct Line WebSockets on this instance.', (s) => s.webSockets?.());
  new Gauge({
    name: 'rebound_queue_pending_cases',
    help: 'Cases waiting for a person, by priority (the shared queue: every instance reports the same).',
    labelNames: ['priority'],
    registers,
    async collect() {
      const q = await queueSnapshot();
      this.reset();
      if (q) for (const priority of new Set(['normal', 'high', ...Object.keys(q.pendingByPriority)])) this.set({ priority: priority === 'high' ? 'high' : priority === 'normal' ? 'normal' : 'other' }, q.pendingByPriority[priority] ?? 0);
    },
  });
  new Gauge({
    name: 'rebound_queue_oldest_waiting_seconds',
    help: 'How long the oldest pending case has waited for a person (0: nobody waits).',
    registers,
    async collect() {
      const q = await queueSnapshot();
      if (q) this.set(q.oldestWaitingSeconds);
      else this.reset();
    },
  });
  const poolGauge = (name: string, help: string, labelNames: string[], set: (g: Gauge, pool: { pool: string; total: number; idle: number; waiting: number }) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const s of sources) for (const pool of s.pools?.() ?? []) set(this, pool);
      },
    });
  poolGauge('rebound_pg_pool_connections', 'PostgreSQL pool connections, by pool (main, locks) and state (total, idle).', ['pool', 'state'], (g, p) => {
    g.set({ pool: p.pool, state: 'total' }, p.total);
    g.set({ pool: p.pool, state: 'idle' }, p.idle);
  });
  poolGauge('rebound_pg_pool_waiting_clients', 'Callers waiting for a PostgreSQL connection, by pool.', ['pool'], (g, p) => g.set({ pool: p.pool }, p.waiting));
  new Gauge({
    name: 'rebound_ready',
    help: '1 when this instance takes traffic (/readyz answers 200), 0 otherwise.',
    registers,
    collect() {
      const ready = sources.find((s) => s.ready)?.ready?.();
      if (ready === undefined) this.reset();
      else this.set(ready ? 1 : 0);
    },
  });

  // The labelled children of the hot paths, kept: prom-client hashes a label set on every call otherwise.
  const storageOps = new Map<string, { duration: { observe(v: number): void } }>();
  const httpRoutes = new Map<string, { count: { inc(): void }; duration: { observe(v: number): void } }>();
  let version: number | undefined;
  const recorder: MetricsRecorder = {
    httpRequest(route, method, status, seconds) {
      const [m, code] = [methodLabel(method), statusLabel(status)];
      const key = `${route} ${m} ${code}`;
      let child = httpRoutes.get(key);
      if (!child) {
        child = { count: httpRequests.labels({ route, method: m, status: code }), duration: httpDuration.labels({ route, method: m }) };
        httpRoutes.set(key, child);
      }
      child.count.inc();
      child.duration.observe(seconds);
    },
    turn(channel: string, outcome: TurnOutcome, seconds: number) {
      const label = channelLabel(channel);
      turns.inc({ channel: label, outcome });
      turnDuration.observe({ channel: label }, seconds);
    },
    understanding(verdict, value) {
      if (!VERDICTS.includes(verdict)) return;
      verdicts.inc({ verdict });
      confidence.observe({ verdict }, Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)));
    },
    conversationEvent(type, problemId) {
      if (type === 'faq_answered') faqAnswers.inc();
      const outcome = RECOVERY_OUTCOMES[type];
      if (outcome) recovery.inc({ problem: problemLabel(problemId, options.knownProblem), outcome });
      const event = HANDOFF_EVENTS[type];
      if (event) handoffs.inc({ event });
    },
    caseMessage: (from) => caseMessages.inc({ from: senderLabel(from) }),
    storageCall(operation, seconds, errorCode) {
      let child = storageOps.get(operation);
      if (!child) {
        child = { duration: storageDuration.labels({ operation: operationLabel(operation) }) };
        storageOps.set(operation, child);
      }
      child.duration.observe(seconds);
      if (errorCode !== undefined) storageErrors.inc({ operation: operationLabel(operation), code: errorLabel(errorCode) });
    },
    groupCommit: (statements) => groupCommit.observe(statements),
    rateLimited: (limit) => rateLimited.inc({ limit: limitLabel(limit) }),
    directLineConversation: () => dlConversations.inc(),
    knowledgeInService(next) {
      if (!Number.isFinite(next)) return;
      if (version !== undefined && next !== version) kbPublishes.inc();
      version = next;
      kbVersion.set(next);
    },
  };
  return {
    recorder,
    registry,
    observe: (s) => void sources.push(s),
    scrape: async () => {
      snapshot = null;
      const [own, process] = await Promise.all([registry.metrics(), processMetrics().metrics()]);
      return `${process}\n${own}`;
    },
    contentType: registry.contentType,
  };
}
