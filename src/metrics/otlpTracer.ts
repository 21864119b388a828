import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { isThenable, type SpanAttributes, type SpanHandle, type Tracer } from './tracing';

/** Where and as what the spans go. */
export interface OtlpTracerOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; spans are posted to `<endpoint>/v1/traces`. */
  endpoint: string;
  serviceName: string;
  serviceVersion: string;
  /** Another exporter (tests use an in-memory one); default: OTLP over HTTP/JSON to the endpoint. */
  exporter?: SpanExporter;
}

/**
 * A Tracer on the OpenTelemetry SDK, loaded only when traces are on (app.ts imports this module lazily).
 * It registers nothing global: its own provider, and the current span kept in an AsyncLocalStorage of its own,
 * so two apps in one process (tests) keep their traces apart and nothing else in the process is traced by it.
 */
export async function createOtlpTracer(options: OtlpTracerOptions): Promise<Tracer> {
  const exporter = options.exporter ?? (await otlpExporter(options.endpoint));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, 'service.version': options.serviceVersion }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('rebound', options.serviceVersion);
  const current = new AsyncLocalStorage<Context>();
  return {
    enabled: true,
    span<T>(name: string, kind: 'root' | 'child', attributes: SpanAttributes, fn: (span: SpanHandle) => T): T {
      const parent = current.getStore();
      if (kind === 'child' && !parent) return fn({ set: () => undefined });
      const span = tracer.startSpan(name, { attributes }, kind === 'root' ? ROOT_CONTEXT : parent);
      const handle: SpanHandle = { set: (more) => void span.setAttributes(more) };
      const failed = (err: unknown) => {
        // The error's code only: its message may quote what the traveller wrote.
        span.setStatus({ code: SpanStatusCode.ERROR, message: String((err as { code?: unknown })?.code ?? (err as Error)?.name ?? 'error') });
        span.end();
      };
      return current.run(trace.setSpan(parent ?? ROOT_CONTEXT, span), () => {
        let result: T;
        try {
          result = fn(handle);
        } catch (err) {
          failed(err);
          throw err;
        }
        if (!isThenable(result)) {
          span.end();
          return result;
        }
        return Promise.resolve(result).then(
          (value) => {
            span.end();
            return value;
          },
          (err: unknown) => {
            failed(err);
            throw err;
          },
        ) as T;
      });
    },
    shutdown: () => provider.shutdown(),
  };
}

/** The OTLP/HTTP exporter (loaded here, so an instance without traces never loads it). */
async function otlpExporter(endpoint: string): Promise<SpanExporter> {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
}
