// Public API of the storage adapters. Consumers depend on the ports; only src/app.ts and the CLIs call createStores.
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { StorageObserver, Stores } from './ports';
import { createPostgresStores, type PostgresStoreOptions } from './postgres';
import { createSqliteStores, type SqliteStoreOptions } from './sqlite';

export * from './ports';
export { sweepRetention } from './retention';
export { migrate, LATEST_SCHEMA_VERSION } from './sql/migrations';
export { SQLITE_FILE, type SqliteStoreOptions } from './sqlite';
export type { PostgresStoreOptions } from './postgres';
export { contentHash } from './repos/knowledgeRepository';

/** Where the data lives: a folder (embedded SQLite) or a PostgreSQL URL (several instances). */
export type StoreOptions = SqliteStoreOptions | PostgresStoreOptions;

/** Opens the backend the options name, migrated and ready; AppError('STORAGE_UNAVAILABLE') if it cannot. */
export function createStores(options: StoreOptions, deps: { clock: Clock; logger: Logger; observer?: StorageObserver }): Promise<Stores> {
  return 'databaseUrl' in options ? createPostgresStores(options, deps) : createSqliteStores(options, deps);
}
export { storeOptionsFromSettings, cliFlag } from './options';
