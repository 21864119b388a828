import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { assembleStores } from './assemble';
import type { StorageObserver, Stores } from './ports';
import { migrate } from './sql/migrations';
import { SqliteDb, type SqliteSynchronous } from './sql/sqliteDb';
import { InProcessLock } from './sync/keyedMutex';
import { InProcessEventBus } from './sync/memoryEventBus';

/** Options of the embedded SQLite backend. */
export interface SqliteStoreOptions {
  /** Folder of rebound.db (created if missing); ':memory:' for a throwaway database. */
  dataDir: string;
  synchronous?: SqliteSynchronous;
}

/** The file name of the embedded database inside DATA_DIR. */
export const SQLITE_FILE = 'rebound.db';

/** Opens (creating and migrating) DATA_DIR/rebound.db. One process owns the file: locks and events are in-process. */
export async function createSqliteStores(options: SqliteStoreOptions, deps: { clock: Clock; logger: Logger; observer?: StorageObserver }): Promise<Stores> {
  let db: SqliteDb;
  try {
    if (options.dataDir === ':memory:') {
      db = SqliteDb.open(':memory:', options.synchronous, deps.observer);
    } else {
      mkdirSync(options.dataDir, { recursive: true });
      db = SqliteDb.open(path.join(options.dataDir, SQLITE_FILE), options.synchronous, deps.observer);
    }
  } catch (err) {
    throw new AppError('STORAGE_UNAVAILABLE', `cannot open the SQLite database in "${options.dataDir}": ${(err as Error).message}`, undefined, { cause: err });
  }
  const applied = await migrate(db);
  if (applied.length) deps.logger.info({ applied, backend: 'sqlite' }, 'database migrated');
  return assembleStores(
    {
      db,
      locks: new InProcessLock(),
      events: new InProcessEventBus(deps.logger),
      health: async () => {
        const ping = await db.ping();
        return { ok: ping.ok, backend: 'sqlite', ...(ping.detail ? { detail: ping.detail } : {}) };
      },
      close: () => db.close(),
    },
    deps,
  );
}
