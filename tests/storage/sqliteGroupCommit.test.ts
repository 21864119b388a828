import { expect } from 'chai';
import Database from 'better-sqlite3';
import { SqliteDb } from '../../src/storage/sql/sqliteDb';
import { expectAppError } from './contracts/harness';

/**
 * A real in-memory database whose exec() is watched: it records every COMMIT in `log`, and fails the next
 * COMMIT when `failNextCommit` is set (a disk error cannot be produced on demand).
 */
function watchedDb(): { db: SqliteDb; raw: Database.Database; log: string[]; failNextCommit: { value: boolean } } {
  const raw = new Database(':memory:');
  raw.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)');
  const log: string[] = [];
  const failNextCommit = { value: false };
  const watched = new Proxy(raw, {
    get(target, prop) {
      if (prop === 'exec') {
        return (sql: string) => {
          if (sql === 'COMMIT') {
            if (failNextCommit.value) {
              failNextCommit.value = false;
              throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
            }
            log.push('commit');
          }
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: new SqliteDb(watched), raw, log, failNextCommit };
}

const keys = (raw: Database.Database) => (raw.prepare('SELECT k FROM t ORDER BY k').all() as { k: string }[]).map((r) => r.k);

describe('SqliteDb group commit', () => {
  it('should let concurrent writers share one commit, and answer none of them before it', async () => {
    const { db, raw, log } = watchedDb();
    const writes = Array.from({ length: 20 }, (_v, i) =>
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', [`k${String(i).padStart(2, '0')}`, 'v']).then(() => log.push(`answered ${i}`)),
    );
    await Promise.all(writes);
    expect(log.filter((e) => e === 'commit')).to.have.length(1);
    expect(log[0]).to.equal('commit');
    expect(keys(raw)).to.have.length(20);
  });

  it('should fail every writer of a group whose commit fails, keep none of their rows, and serve the next write', async () => {
    const { db, raw, failNextCommit } = watchedDb();
    failNextCommit.value = true;
    const [a, b] = [db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['a', '1']), db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['b', '2'])];
    await expectAppError(a, 'STORAGE_UNAVAILABLE');
    await expectAppError(b, 'STORAGE_UNAVAILABLE');
    expect(keys(raw)).to.deep.equal([]);
    await db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['c', '3']);
    expect(keys(raw)).to.deep.equal(['c']);
  });

  it('should fail a statement alone and commit its neighbours', async () => {
    const { db, raw } = watchedDb();
    await db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['dup', 'first']);
    const results = await Promise.allSettled([
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['x', '1']),
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['dup', 'second']),
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['y', '2']),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect(((results[1] as PromiseRejectedResult).reason as { code: string }).code).to.equal('CONFLICT');
    expect(keys(raw)).to.deep.equal(['dup', 'x', 'y']);
  });

  it('should fail the whole group when a statement makes SQLite roll the transaction back, and start afresh', async () => {
    const { db, raw } = watchedDb();
    // RAISE(ROLLBACK) ends the whole transaction, as a full disk or an I/O error does.
    raw.exec(`CREATE TRIGGER boom BEFORE INSERT ON t WHEN NEW.k = 'boom' BEGIN SELECT RAISE(ROLLBACK, 'boom'); END`);
    const results = await Promise.allSettled([
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['before', '1']),
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['boom', '1']),
      // Arrives in the same tick, after the rollback: it belongs to a new group, which commits.
      db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['after', '1']),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected', 'fulfilled']);
    expect(keys(raw)).to.deep.equal(['after']);
    expect(raw.inTransaction).to.equal(false);
  });

  it('should roll back a failed transaction body only, not the writes it shares the group with', async () => {
    const { db, raw } = watchedDb();
    const outside = db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['outside', '1']);
    const failed = db
      .tx(async (q) => {
        await q.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['inside', '1']);
        throw new Error('changed my mind');
      })
      .then(() => 'resolved', (err: Error) => err.message);
    const kept = db.tx(async (q) => q.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['kept', '1']));
    await outside;
    await kept;
    expect(await failed).to.equal('changed my mind');
    expect(keys(raw)).to.deep.equal(['kept', 'outside']);
  });

  it('should read committed data at once when no group is open, and commit what is pending before closing', async () => {
    const { db, raw, log } = watchedDb();
    const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM t');
    expect(rows[0].n).to.equal(0);
    expect(log).to.deep.equal([]);
    const pending = db.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['last', '1']);
    await db.close();
    await pending;
    expect(log).to.deep.equal(['commit']);
    expect(raw.open).to.equal(false);
  });
});
