import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { KeyedMutex } from '../sync/keyedMutex';
import type { Sql, SqlResult, SqlRunner } from './sql';

/**
 * WAL with synchronous=FULL: each commit is fsynced, so an acknowledged turn survives a power loss, not only
 * a process crash (NORMAL would only lose on an OS crash, but the issue says nothing may vanish). The bench
 * measures the cost of each.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** better-sqlite3 behind the async Sql interface; transactions hold a mutex so no statement slips into them. */
export class SqliteDb implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly gate = new KeyedMutex();
  private readonly direct: SqlRunner = { dialect: 'sqlite', query: async (text, params = []) => this.run(text, params) };

  constructor(
    private readonly db: Database.Database,
    synchronous: SqliteSynchronous = 'FULL',
  ) {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    // Another process (db:migrate, data:erase) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
  }

  /** Opens (creating) the database file. */
  static open(file: string, synchronous?: SqliteSynchronous): SqliteDb {
    return new SqliteDb(new Database(file), synchronous);
  }

  /** Runs one statement, after any open transaction. */
  async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    if (this.gate.isLocked('tx')) return this.gate.run('tx', async () => this.run<R>(text, params));
    return this.run<R>(text, params);
  }

  /** Runs fn in one IMMEDIATE transaction (takes the write lock at once, so no upgrade deadlock). */
  tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T> {
    return this.gate.run('tx', async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  /** Probes the file with a trivial query. */
  async ping(): Promise<{ ok: boolean; detail?: string }> {
    try {
      this.db.prepare('SELECT 1').get();
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }

  /** Closes the file (checkpointing the WAL). */
  async close(): Promise<void> {
    await this.gate.run('tx', async () => this.db.close());
  }

  private run<R>(text: string, params: readonly unknown[]): SqlResult<R> {
    const { sql, values } = positional(text, params);
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    try {
      if (statement.reader) {
        const rows = statement.all(...values) as R[];
        return { rows, rowCount: rows.length };
      }
      return { rows: [], rowCount: statement.run(...values).changes };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AppError('CONFLICT', 'a record with this key already exists', undefined, { cause: err });
      }
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL') {
        throw new AppError('STORAGE_UNAVAILABLE', `SQLite: ${(err as Error).message}`, undefined, { cause: err });
      }
      throw err;
    }
  }
}

/** Rewrites $n placeholders to positional ? (better-sqlite3 has no numbered parameters) and converts values. */
function positional(text: string, params: readonly unknown[]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_m, n: string) => {
    values.push(sqliteValue(params[Number(n) - 1]));
    return '?';
  });
  return { sql, values };
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}
