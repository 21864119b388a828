import type { Case } from '../handoff/caseModel';
import type { Logger } from '../shared/logger';
import type { Clock } from '../shared/clock';
import { noopMetrics, type MetricsRecorder, type QueueSnapshot } from './ports';
import { createPrometheusMetrics, type PrometheusMetrics } from './prometheus';
import { noopTracer, type Tracer } from './tracing';

/** The settings observability is built from (src/config.ts). */
export interface ObservabilitySettings {
  METRICS_ENABLED: boolean;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  OTEL_SERVICE_NAME: string;
}

/** What the composition root hands the services: a recorder and a tracer (no-ops when off), and the scrape. */
export interface Observability {
  readonly recorder: MetricsRecorder;
  readonly tracer: Tracer;
  /** The Prometheus metrics; null with METRICS_ENABLED=false. */
  readonly prometheus: PrometheusMetrics | null;
  /** Whether anything listens (else the stores are left unwrapped, at no cost). */
  readonly active: boolean;
}

/**
 * Builds the metrics (unless METRICS_ENABLED=false) and, only when OTEL_EXPORTER_OTLP_ENDPOINT is set, loads
 * the OpenTelemetry SDK: an instance without traces never loads it.
 */
export async function createObservability(
  settings: ObservabilitySettings,
  deps: { version: string; knownProblem(id: string): boolean; logger: Logger; tracer?: Tracer },
): Promise<Observability> {
  const prometheus = settings.METRICS_ENABLED ? createPrometheusMetrics({ version: deps.version, knownProblem: deps.knownProblem }) : null;
  let tracer = deps.tracer ?? noopTracer;
  if (!deps.tracer && settings.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { createOtlpTracer } = await import('./otlpTracer');
    tracer = await createOtlpTracer({ endpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: settings.OTEL_SERVICE_NAME, serviceVersion: deps.version });
    deps.logger.info({ endpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT }, 'traces exported over OTLP');
  }
  return { recorder: prometheus?.recorder ?? noopMetrics, tracer, prometheus, active: prometheus !== null || tracer.enabled };
}

/** Cases waiting longest are listed first per priority; a scrape reads at most this many. */
const QUEUE_SCAN_LIMIT = 1000;

/** The queue gauges from the cases: pending ones by priority, and how long the oldest has waited. */
export async function queueSnapshot(cases: { list(status: 'pending', options?: { limit?: number }): Promise<Case[]> }, clock: Clock): Promise<QueueSnapshot> {
  const pending = await cases.list('pending', { limit: QUEUE_SCAN_LIMIT });
  const pendingByPriority: Record<string, number> = { normal: 0, high: 0 };
  let oldest = Infinity;
  for (const c of pending) {
    pendingByPriority[c.priority] = (pendingByPriority[c.priority] ?? 0) + 1;
    oldest = Math.min(oldest, Date.parse(c.queuedAt ?? c.createdAt));
  }
  const now = clock.now().getTime();
  return { pendingByPriority, oldestWaitingSeconds: Number.isFinite(oldest) ? Math.max(0, Math.round((now - oldest) / 1000)) : 0 };
}

/** Whether an id is one of the KB's problems, with the set rebuilt only when the KB changes. */
export function problemIndex(problems: () => ReadonlyArray<{ id: string }> | undefined): (id: string) => boolean {
  let seen: ReadonlyArray<{ id: string }> | undefined;
  let ids = new Set<string>();
  return (id) => {
    const current = problems();
    if (current !== seen) {
      seen = current;
      ids = new Set((current ?? []).map((p) => p.id));
    }
    return ids.has(id);
  };
}
