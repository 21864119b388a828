/*
 * What the services record, as narrow typed calls. The services hold this port (injected where the composition
 * root builds them), never prom-client itself; with METRICS_ENABLED=false they get noopMetrics. Every argument
 * that becomes a label is bounded by the recorder (labels.ts): no conversation id or user text ever becomes one.
 */

/** What a turn came to, from the traveller's side. */
export type TurnOutcome = 'answered' | 'recovery_step' | 'clarification' | 'handoff' | 'relayed' | 'other' | 'failed';

/** The NLU's verdict on a typed message. */
export type NluVerdict = 'in_scope' | 'out_of_scope' | 'ambiguous';

/** What the engine records; every call is cheap and synchronous. */
export interface MetricsRecorder {
  /** One HTTP request answered: the route template (never the raw URL), the method, the status, the seconds it took. */
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  /** One turn: the channel id (bounded to the known channels), what it came to, the bot's own seconds. */
  turn(channel: string, outcome: TurnOutcome, seconds: number): void;
  /** The NLU's reading of one typed message: its verdict and the best candidate's confidence in [0,1]. */
  understanding(verdict: NluVerdict, confidence: number): void;
  /** An analytics event of the conversations and cases (recovery_started, resolved_by_bot, handoff, handoff_claimed...). */
  conversationEvent(type: string, problemId?: string): void;
  /** A message stored on a case, by who said it (agent, traveller, bot). */
  caseMessage(from: string): void;
  /** One storage call: `store.method`, its seconds, and the error code when it failed. */
  storageCall(operation: string, seconds: number, errorCode?: string): void;
  /** Statements that shared one SQLite group commit. */
  groupCommit(statements: number): void;
  /** A request refused by a rate limit (its name, e.g. "messages per conversation"). */
  rateLimited(limit: string): void;
  /** A local Direct Line conversation was created. */
  directLineConversation(): void;
  /** A knowledge base version went into service on this instance (start-up, a publish, a rollback). */
  knowledgeInService(version: number): void;
}

/** Connections of one PostgreSQL pool. */
export interface PoolUse {
  pool: string;
  total: number;
  idle: number;
  waiting: number;
}

/** The escalation queue as a scrape sees it. */
export interface QueueSnapshot {
  pendingByPriority: Record<string, number>;
  /** Seconds the oldest pending case has waited; 0 when none waits. */
  oldestWaitingSeconds: number;
}

/** Values read when Prometheus scrapes (gauges): each source is optional, and a failing one is left out of that scrape. */
export interface MetricsSources {
  queue?(): Promise<QueueSnapshot>;
  sseClients?(): number;
  webSockets?(): number;
  pools?(): readonly PoolUse[];
  /** Whether this instance takes traffic (what /readyz answers). */
  ready?(): boolean;
}

/** A recorder that records nothing (METRICS_ENABLED=false, tools, unit tests). */
export const noopMetrics: MetricsRecorder = {
  httpRequest: () => undefined,
  turn: () => undefined,
  understanding: () => undefined,
  conversationEvent: () => undefined,
  caseMessage: () => undefined,
  storageCall: () => undefined,
  groupCommit: () => undefined,
  rateLimited: () => undefined,
  directLineConversation: () => undefined,
  knowledgeInService: () => undefined,
};
