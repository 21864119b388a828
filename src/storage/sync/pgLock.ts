import type pg from 'pg';
import { AppError } from '../../shared/errors';
import type { ConversationLock } from '../ports';
import { KeyedMutex } from './keyedMutex';

/**
 * ConversationLock across instances: a session-level advisory lock held on a connection of a dedicated pool
 * (so lock holders never starve the query pool), behind an in-process mutex (so turns of one conversation on
 * one instance queue in memory instead of each holding a connection). A crashed instance's locks go with its
 * sessions. The lock key is (hash of schema, hash of key): parallel schemas do not block each other.
 */
export class PgConversationLock implements ConversationLock {
  private readonly local = new KeyedMutex();

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly lockTimeoutMs = 30_000,
    /** Bound of the statements around the wait (STORAGE_TIMEOUT_MS): a database that stops answering fails fast. */
    private readonly statementTimeoutMs = 4000,
  ) {}

  /** Runs fn while holding the key's lock on every instance. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const client = await this.connect();
      let broken: Error | undefined;
      // A checked-out client has no pool listener: without this, a dropped connection is an uncaught 'error'.
      const onError = (err: Error) => (broken = err);
      client.on('error', onError);
      try {
        await this.acquire(client, key).catch((err: unknown) => {
          // A statement that timed out is still pending on this connection: it must not go back to the pool.
          broken = err as Error;
          throw err;
        });
        try {
          return await fn();
        } finally {
          await client
            .query(this.timed('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [this.schema, key]))
            .catch((err: Error) => (broken = err));
        }
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    });
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw new AppError('STORAGE_UNAVAILABLE', `PostgreSQL unavailable for the conversation lock: ${(err as Error).message}`, undefined, { cause: err });
    }
  }

  /** A statement with a client-side read timeout (pg honours query_timeout per statement; its types omit it). */
  private timed(text: string, values: unknown[], extraMs = 0): pg.QueryConfig {
    return { text, values, query_timeout: this.statementTimeoutMs + extraMs } as pg.QueryConfig;
  }

  private async acquire(client: pg.PoolClient, key: string): Promise<void> {
    try {
      // lock_timeout bounds the wait if a holder hangs; SET LOCAL would need a transaction, so set it per session.
      await client.query(this.timed(`SET lock_timeout = ${Math.max(1, Math.floor(this.lockTimeoutMs))}`, []));
      // The wait itself may last lock_timeout; only past that plus the statement bound is the database deemed gone.
      await client.query(this.timed('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [this.schema, key], this.lockTimeoutMs));
    } catch (err) {
      if ((err as { code?: string }).code === '55P03') {
        throw new AppError('CONFLICT', `conversation "${key}" stayed busy for ${this.lockTimeoutMs} ms`, { key }, { cause: err });
      }
      throw new AppError('STORAGE_UNAVAILABLE', `could not take the conversation lock: ${(err as Error).message}`, undefined, { cause: err });
    }
  }
}
