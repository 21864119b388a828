import pg from 'pg';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { DEFAULT_RETRY, describe, withRetry, type RetryPolicy } from './retry';
import type { Sql, SqlResult, SqlRunner } from './sql';

/** Connection settings of the PostgreSQL adapter. */
export interface PgOptions {
  databaseUrl: string;
  /** PostgreSQL schema holding the tables (default 'public'); lets parallel test runs stay apart. */
  schema?: string;
  poolSize?: number;
  connectionTimeoutMs?: number;
  retry?: RetryPolicy;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name (it is interpolated into DDL and search_path). */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new AppError('BAD_REQUEST', `invalid PostgreSQL schema name "${schema}"`);
  return schema;
}

/** Builds a pool whose connections use the schema; idle-connection errors are logged, never crash the process. */
export function createPool(options: PgOptions, logger: Logger, max = options.poolSize ?? 10): pg.Pool {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (err) => logger.warn({ err: describe(err) }, 'idle PostgreSQL connection failed'));
  return pool;
}

/** A pg Pool behind the Sql interface, with retries of transient errors. */
export class PgDb implements Sql {
  readonly dialect = 'postgres' as const;
  readonly schema: string;
  private readonly retry: RetryPolicy;

  constructor(
    readonly pool: pg.Pool,
    options: PgOptions,
    private readonly logger: Logger,
  ) {
    this.schema = checkSchemaName(options.schema ?? 'public');
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  /** Runs one statement on any pooled connection. */
  query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    return withRetry(() => run<R>(this.pool, text, params), this.retry, this.logger);
  }

  /** Runs fn in one transaction on one connection; the whole transaction is retried on a transient error. */
  tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T> {
    return withRetry(
      async () => {
        const client = await this.pool.connect();
        let broken: Error | undefined;
        // A checked-out client has no pool listener: without this, a dropped connection is an uncaught 'error'.
        const onError = (err: Error) => (broken = err);
        client.on('error', onError);
        try {
          await client.query('BEGIN');
          const result = await fn({ dialect: 'postgres', query: (text, params = []) => run(client, text, params) });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => (broken = e));
          throw err;
        } finally {
          client.removeListener('error', onError);
          client.release(broken);
        }
      },
      this.retry,
      this.logger,
    );
  }

  /** One SELECT 1, no retry. */
  async ping(): Promise<{ ok: boolean; detail?: string }> {
    try {
      await this.pool.query('SELECT 1');
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: `PostgreSQL unreachable: ${describe(err)}` };
    }
  }

  /** Ends the pool. */
  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function run<R>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[]): Promise<SqlResult<R>> {
  try {
    const result = await client.query(text, params.map((p) => (p === undefined ? null : p)));
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new AppError('CONFLICT', 'a record with this key already exists', { constraint: (err as { constraint?: string }).constraint }, { cause: err });
    }
    throw err;
  }
}
