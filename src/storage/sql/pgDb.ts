import pg from 'pg';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, describe, withDeadline, withRetry, type RetryPolicy } from './retry';
import type { Sql, SqlResult, SqlRunner } from './sql';

/** Connection settings of the PostgreSQL adapter. */
export interface PgOptions {
  databaseUrl: string;
  /** PostgreSQL schema holding the tables (default 'public'); lets parallel test runs stay apart. */
  schema?: string;
  poolSize?: number;
  /** Longest wait for a new connection (default and maximum: timeoutMs). */
  connectionTimeoutMs?: number;
  /** Longest a storage call may take, retries included, before STORAGE_UNAVAILABLE (STORAGE_TIMEOUT_MS; default 4 s). */
  timeoutMs?: number;
  retry?: RetryPolicy;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name (it is interpolated into DDL and search_path). */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new AppError('BAD_REQUEST', `invalid PostgreSQL schema name "${schema}"`);
  return schema;
}

/** The storage call bound of these options. */
export function timeoutOf(options: PgOptions): number {
  return options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/**
 * Builds a pool whose connections use the schema; idle-connection errors are logged, never crash the process.
 * Connecting and every statement are bounded by the storage timeout (client side: a database that drops packets
 * never answers, so a server-side statement_timeout would not help); a statement that needs longer, such as a
 * migration or a lock wait, passes its own query_timeout.
 */
export function createPool(options: PgOptions, logger: Logger, max = options.poolSize ?? 10): pg.Pool {
  const schema = checkSchemaName(options.schema ?? 'public');
  const timeout = timeoutOf(options);
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max,
    connectionTimeoutMillis: Math.min(options.connectionTimeoutMs ?? timeout, timeout),
    query_timeout: timeout,
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
  private readonly timeoutMs: number;

  constructor(
    readonly pool: pg.Pool,
    options: PgOptions,
    private readonly logger: Logger,
  ) {
    this.schema = checkSchemaName(options.schema ?? 'public');
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.timeoutMs = timeoutOf(options);
  }

  /** Runs one statement on any pooled connection. */
  query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    return withRetry((left) => run<R>(this.pool, text, params, left), this.retry, this.logger, this.timeoutMs);
  }

  /** Runs fn in one transaction on one connection; the whole transaction is retried on a transient error. */
  tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T> {
    return withRetry(
      async (left) => {
        const client = await this.pool.connect();
        let broken: Error | undefined;
        // A checked-out client has no pool listener: without this, a dropped connection is an uncaught 'error'.
        const onError = (err: Error) => (broken = err);
        client.on('error', onError);
        try {
          await run(client, 'BEGIN', [], left);
          const result = await fn({ dialect: 'postgres', query: (text, params = []) => run(client, text, params, left) });
          await run(client, 'COMMIT', [], left);
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
      this.timeoutMs,
    );
  }

  /** One SELECT 1, no retry. */
  async ping(): Promise<{ ok: boolean; detail?: string }> {
    try {
      await withDeadline(this.pool.query('SELECT 1'), this.timeoutMs);
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

/** pg reads a per-statement query_timeout (over the pool's) that its types do not declare. */
type TimedQuery = pg.QueryConfig & { query_timeout: number };

async function run<R>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[], timeoutMs: number): Promise<SqlResult<R>> {
  try {
    const query: TimedQuery = { text, values: params.map((p) => (p === undefined ? null : p)), query_timeout: Math.max(1, Math.ceil(timeoutMs)) };
    const result = await client.query(query);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new AppError('CONFLICT', 'a record with this key already exists', { constraint: (err as { constraint?: string }).constraint }, { cause: err });
    }
    throw err;
  }
}
