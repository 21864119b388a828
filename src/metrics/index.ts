// Public API of the operations module: metrics (prom-client, on a registry of its own), readiness, traces.
export * from './ports';
export { createObservability, queueSnapshot, problemIndex, type Observability, type ObservabilitySettings } from './setup';
export { createPrometheusMetrics, type PrometheusMetrics } from './prometheus';
export { meteredStores } from './meteredStores';
export { Readiness, type ReadinessReport, type NotReadyReason, type StartupPhase } from './readiness';
export { noopTracer, traceCalls, type Tracer, type SpanAttributes, type SpanHandle } from './tracing';
