import { performance } from 'node:perf_hooks';
import type { Stores } from '../storage/ports';
import type { MetricsRecorder } from './ports';
import { isThenable, type Tracer } from './tracing';

/** Stores whose calls are not timed: a lock is held for a whole turn, so its time is the turn's, not storage's. */
const UNTIMED = new Set(['locks']);

type Method = (...args: unknown[]) => unknown;

/**
 * The stores with every port call timed (`store.method`, its latency and its error code) and, when traces are on,
 * run in a child span of the turn. A few calls also say what happened in the conversations: an analytics event
 * (recovery started, resolved by the bot, a handoff...), a message on a case, a web chat conversation created.
 * Counting them here, where every instance records them anyway, keeps prom-client out of the engine.
 */
export function meteredStores(stores: Stores, metrics: MetricsRecorder, tracer: Tracer): Stores {
  const wrapStore = (name: string, store: object): object => {
    const cache = new Map<PropertyKey, Method>();
    return new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        let wrapped = cache.get(prop);
        if (!wrapped) {
          wrapped = timed(`${name}.${prop}`, value as Method, target, metrics, tracer, tapOf(name, prop, metrics));
          cache.set(prop, wrapped);
        }
        return wrapped;
      },
    });
  };
  const wrapped: Record<string, unknown> = { ...stores };
  for (const [name, store] of Object.entries(stores)) {
    if (store && typeof store === 'object' && !UNTIMED.has(name)) wrapped[name] = wrapStore(name, store);
  }
  return wrapped as unknown as Stores;
}

/** What a call's arguments and result say about the conversations, recorded once it succeeded. */
type Tap = (args: unknown[], result: unknown) => void;

function tapOf(store: string, method: string, metrics: MetricsRecorder): Tap | undefined {
  if (store === 'analytics' && method === 'record') {
    return (args) => {
      const event = args[0] as { type?: unknown; data?: { problemId?: unknown } } | undefined;
      if (typeof event?.type === 'string') metrics.conversationEvent(event.type, typeof event.data?.problemId === 'string' ? event.data.problemId : undefined);
    };
  }
  // A case's events arrive with its creation, with a move (update) or alone (appendEvent).
  const eventsAt = store === 'cases' ? { create: 1, update: 2, appendEvent: 0 }[method] : undefined;
  if (eventsAt !== undefined) {
    return (args) => {
      const given = args[eventsAt];
      for (const event of (Array.isArray(given) ? given : [given]) as Array<{ type?: unknown; actor?: { kind?: unknown } } | undefined>) {
        if (event?.type === 'message' && typeof event.actor?.kind === 'string') metrics.caseMessage(event.actor.kind);
      }
    };
  }
  if (store === 'directLine' && method === 'create') {
    return (_args, created) => {
      if (created === true) metrics.directLineConversation();
    };
  }
  return undefined;
}

function timed(operation: string, method: Method, target: object, metrics: MetricsRecorder, tracer: Tracer, tap: Tap | undefined): Method {
  const call = (args: unknown[]): unknown => {
    const start = performance.now();
    const done = (result: unknown) => {
      metrics.storageCall(operation, (performance.now() - start) / 1000);
      tap?.(args, result);
      return result;
    };
    const failed = (err: unknown) => {
      metrics.storageCall(operation, (performance.now() - start) / 1000, String((err as { code?: unknown })?.code ?? 'other'));
      throw err;
    };
    let result: unknown;
    try {
      result = method.apply(target, args);
    } catch (err) {
      return failed(err);
    }
    return isThenable(result) ? result.then(done, failed) : done(result);
  };
  if (!tracer.enabled) return (...args) => call(args);
  return (...args) => tracer.span(`storage ${operation}`, 'child', { 'rebound.storage.operation': operation }, () => call(args));
}
