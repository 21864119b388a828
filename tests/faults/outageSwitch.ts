import type { Stores } from '../../src/storage';
import { AppError } from '../../src/shared/errors';

/** A switch that makes the wrapped stores fail as an unreachable database does, and heal again. */
export interface OutageSwitch {
  down: boolean;
  /** Calls refused while down. */
  refused: number;
}

const PASS_THROUGH = new Set(['close', 'backend']);

/**
 * Wraps every store of a real backend: while `down`, each call fails with what the adapters throw when the
 * database is unreachable (AppError STORAGE_UNAVAILABLE, after their own retries) and health() reports it.
 * Used because the fault itself cannot be produced on demand in a test: chmod does not stop root or an open
 * file descriptor, and a locked SQLite file blocks the process for busy_timeout on every call.
 */
export function withOutageSwitch(stores: Stores): { stores: Stores; outage: OutageSwitch } {
  const outage: OutageSwitch = { down: false, refused: 0 };
  const refuse = () => {
    outage.refused += 1;
    return new AppError('STORAGE_UNAVAILABLE', 'SQLite: attempt to write a readonly database (injected)');
  };
  const wrapStore = (store: object): object =>
    new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (outage.down) return Promise.reject(refuse());
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const wrapped = new Proxy(stores, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'health') return async () => (outage.down ? { ok: false, backend: target.backend, detail: 'attempt to write a readonly database (injected)' } : target.health());
      if (typeof prop === 'string' && PASS_THROUGH.has(prop)) return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      if (typeof value === 'function') return (...args: unknown[]) => (outage.down ? Promise.reject(refuse()) : (value as (...a: unknown[]) => unknown).apply(target, args));
      return value && typeof value === 'object' ? wrapStore(value) : value;
    },
  });
  return { stores: wrapped, outage };
}
