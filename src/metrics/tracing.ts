/*
 * Traces (optional, off by default): the services hold this port; only when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set does the composition root load the OpenTelemetry SDK (otlpTracer.ts, imported lazily) behind it.
 * Attributes are ids of the KB and of cases, outcomes and operation names: never a conversation id or user text.
 */

/** Span attribute values: ids, names, numbers, flags. */
export type SpanAttributes = Record<string, string | number | boolean>;

/** The span being run, to add attributes once they are known (the outcome of a turn, its case reference). */
export interface SpanHandle {
  set(attributes: SpanAttributes): void;
}

/** Runs work in spans. */
export interface Tracer {
  /** False for the no-op tracer: callers skip building names and attributes. */
  readonly enabled: boolean;
  /**
   * Runs fn in a span named `name`. A root span starts a trace (a turn); a child span is made only inside
   * another one (storage calls outside a turn, such as a sweep, make no trace of their own).
   */
  span<T>(name: string, kind: 'root' | 'child', attributes: SpanAttributes, fn: (span: SpanHandle) => T): T;
  /** Sends what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

const noSpan: SpanHandle = { set: () => undefined };

/** The tracer when traces are off: runs fn, records nothing. */
export const noopTracer: Tracer = {
  enabled: false,
  span: (_name, _kind, _attributes, fn) => fn(noSpan),
  shutdown: async () => undefined,
};

/** Whether a value is a promise-like (storage and platform calls are; the NLU is synchronous). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return !!value && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/** The object with each method call run in a child span `<prefix>.<method>` (the NLU, the platform); itself when traces are off. */
export function traceCalls<T extends object>(target: T, prefix: string, tracer: Tracer): T {
  if (!tracer.enabled) return target;
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, prop, receiver) {
      const value = Reflect.get(object, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      if (!cache.has(prop)) {
        const method = value as (...args: unknown[]) => unknown;
        cache.set(prop, (...args: unknown[]) => tracer.span(`${prefix}.${prop}`, 'child', {}, () => method.apply(object, args)));
      }
      return cache.get(prop);
    },
  });
}
