import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { KeyedMutex } from '../sync/keyedMutex';
import type { StorageObserver } from '../ports';
import type { Sql, SqlResult, SqlRunner } from './sql';

/**
 * WAL with synchronous=FULL: each commit is fsynced, so an acknowledged turn survives a power loss, not only
 * a process crash (NORMAL would only lose on an OS crash, but the issue says nothing may vanish). The bench
 * measures the cost of each.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** The statements of one group commit, and who waits for it. */
interface Group {
  readonly committed: Promise<void>;
  /** Statements and transactions that joined it. */
  size: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * better-sqlite3 behind the async Sql interface, with group commit: a write opens a transaction that every
 * statement and `tx` arriving before the next turn of the event loop joins, and one fsynced COMMIT ends it.
 * No caller hears back before the commit that holds its statement is durable (a failed commit fails every
 * caller of the group, none of which was acknowledged); a statement that fails alone is rolled back alone.
 * Concurrent turns thus share one fsync instead of paying one each. `tx` bodies are savepoints inside the
 * group and hold a mutex, so no other statement slips into them.
 */
export class SqliteDb implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly gate = new KeyedMutex();
  private readonly direct: SqlRunner = { dialect: 'sqlite', query: async (text, params = []) => this.run(text, params) };
  private group: Group | null = null;

  constructor(
    private readonly db: Database.Database,
    synchronous: SqliteSynchronous = 'FULL',
    private readonly observer: StorageObserver = {},
  ) {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    // Another process (db:migrate, data:erase) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
  }

  /** Opens (creating) the database file. */
  static open(file: string, synchronous?: SqliteSynchronous, observer?: StorageObserver): SqliteDb {
    return new SqliteDb(new Database(file), synchronous, observer);
  }

  /** Runs one statement, after any open transaction body; resolves once what it saw or wrote is committed. */
  async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    const ran = this.gate.isLocked('tx') ? await this.gate.run('tx', async () => this.grouped<R>(text, params)) : this.grouped<R>(text, params);
    return this.settled(ran);
  }

  /** Runs fn as one savepoint of the current group (all or nothing); resolves once the group commits. */
  async tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T> {
    const ran = await this.gate.run('tx', async () => {
      const group = this.join();
      this.exec('SAVEPOINT tx');
      try {
        const value = await fn(this.direct);
        this.exec('RELEASE tx');
        return { result: value, group };
      } catch (err) {
        if (this.db.inTransaction) {
          this.db.exec('ROLLBACK TO tx');
          this.db.exec('RELEASE tx');
        } else {
          this.abandonIfRolledBack(err);
        }
        throw err;
      }
    });
    return this.settled(ran);
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

  /** Commits what is pending, then closes the file (checkpointing the WAL). */
  async close(): Promise<void> {
    await this.gate.run('tx', async () => {
      this.commit();
      this.db.close();
    });
  }

  /** Runs a statement now: reads outside a group read committed data and need no commit; anything else joins the group. */
  private grouped<R>(text: string, params: readonly unknown[]): Ran<SqlResult<R>> {
    const { sql, values } = positional(text, params);
    const statement = this.prepare(sql);
    if (statement.readonly && !this.group) return { result: this.execute<R>(statement, values), group: null };
    const group = this.join();
    try {
      return { result: this.execute<R>(statement, values), group };
    } catch (err) {
      this.abandonIfRolledBack(err);
      throw err;
    }
  }

  /** Waits for the commit of the group a statement joined (that one: a later group may be open by now). */
  private async settled<T>(ran: Ran<T>): Promise<T> {
    if (ran.group) await ran.group.committed;
    return ran.result;
  }

  /** The open group, opening its transaction (and scheduling its commit for the next turn of the event loop) if none is. */
  private join(): Group {
    if (this.group) {
      this.group.size += 1;
      return this.group;
    }
    this.exec('BEGIN IMMEDIATE');
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const committed = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    // Nobody may be waiting yet (a statement that failed alone): the rejection is handled by the waiters that exist.
    committed.catch(() => undefined);
    const group: Group = { committed, resolve, reject, size: 1 };
    this.group = group;
    setImmediate(() => void this.gate.run('tx', async () => this.commit()));
    return group;
  }

  /**
   * Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction: the group is over, and
   * every statement of it failed; the next write opens a new one.
   */
  private abandonIfRolledBack(err: unknown): void {
    const group = this.group;
    if (!group || this.db.inTransaction) return;
    this.group = null;
    group.reject(err);
  }

  /** Commits the open group (if any) and tells its waiters; a failed commit rolls back and fails them all. */
  private commit(): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    try {
      this.exec('COMMIT');
      this.observer.groupCommit?.(group.size);
      group.resolve();
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      group.reject(err);
    }
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.wrap(() => this.db.prepare(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private run<R>(text: string, params: readonly unknown[]): SqlResult<R> {
    const { sql, values } = positional(text, params);
    return this.execute<R>(this.prepare(sql), values);
  }

  private execute<R>(statement: Database.Statement, values: unknown[]): SqlResult<R> {
    return this.wrap(() => {
      if (statement.reader) {
        const rows = statement.all(...values) as R[];
        return { rows, rowCount: rows.length };
      }
      return { rows: [], rowCount: statement.run(...values).changes };
    });
  }

  private exec(sql: string): void {
    this.wrap(() => this.db.exec(sql));
  }

  /** Maps SQLite's errors to the app's: a duplicate key is a CONFLICT, a busy or broken file STORAGE_UNAVAILABLE. */
  private wrap<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AppError('CONFLICT', 'a record with this key already exists', undefined, { cause: err });
      }
      if (/^SQLITE_(BUSY|CANTOPEN|IOERR|FULL|READONLY)/.test(code)) {
        throw new AppError('STORAGE_UNAVAILABLE', `SQLite: ${(err as Error).message}`, undefined, { cause: err });
      }
      throw err;
    }
  }
}

/** A result, and the group whose commit it waits for (none for a read of committed data). */
interface Ran<T> {
  result: T;
  group: Group | null;
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
