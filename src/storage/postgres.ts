import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { assembleStores } from './assemble';
import type { PoolUse, Stores } from './ports';
import { migrate } from './sql/migrations';
import { PgDb, createPool, timeoutOf, type PgOptions } from './sql/pgDb';
import { SqlRateLimitStore } from './rateLimit';
import { PgEventBus } from './sync/pgEventBus';
import { PgConversationLock } from './sync/pgLock';

/** Options of the PostgreSQL backend. */
export interface PostgresStoreOptions extends PgOptions {
  /** Apply pending migrations at start-up (default true). */
  migrate?: boolean;
  /** Connections reserved for conversation locks (default 10). */
  lockPoolSize?: number;
  /** Longest wait for a conversation lock before AppError('CONFLICT') (default 30 s). */
  lockTimeoutMs?: number;
}

/** Migrations may rewrite big tables and wait for another instance's: they get longer than a request's bound. */
const MIGRATION_TIMEOUT_MS = 120_000;

/** Connects to PostgreSQL, migrates, and builds the stores; STORAGE_UNAVAILABLE if the server cannot be reached. */
export async function createPostgresStores(options: PostgresStoreOptions, deps: { clock: Clock; logger: Logger }): Promise<Stores> {
  const logger = deps.logger.child({ backend: 'postgres' });
  const pool = createPool(options, logger);
  const lockPool = createPool(options, logger, options.lockPoolSize ?? 10);
  const db = new PgDb(pool, options, logger);
  const timeoutMs = timeoutOf(options);
  const events = new PgEventBus(db, options.databaseUrl, db.schema, logger, timeoutMs);
  const close = async () => {
    await events.close();
    await Promise.all([pool.end(), lockPool.end()]);
  };
  try {
    if (options.migrate ?? true) {
      const migrationDb = new PgDb(pool, { ...options, timeoutMs: Math.max(MIGRATION_TIMEOUT_MS, timeoutMs) }, logger);
      const applied = await migrate(migrationDb, db.schema);
      if (applied.length) logger.info({ applied, schema: db.schema }, 'database migrated');
    }
  } catch (err) {
    await close();
    throw err;
  }
  return assembleStores(
    {
      db,
      locks: new PgConversationLock(lockPool, db.schema, options.lockTimeoutMs, timeoutMs),
      rateLimits: new SqlRateLimitStore(db, () => deps.clock.now().getTime()),
      events,
      health: async () => {
        const ping = await db.ping();
        return { ok: ping.ok, backend: 'postgres', ...(ping.detail ? { detail: ping.detail } : {}) };
      },
      close,
      pools: () => [poolUse('main', pool), poolUse('locks', lockPool)],
    },
    deps,
  );
}

function poolUse(name: string, pool: { totalCount: number; idleCount: number; waitingCount: number }): PoolUse {
  return { pool: name, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
