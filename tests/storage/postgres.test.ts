import { expect } from 'chai';
import { silentLogger } from '../../src/shared/logger';
import { systemClock } from '../../src/shared/clock';
import { createStores } from '../../src/storage';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src/storage/sql/migrations';
import { PgDb, createPool } from '../../src/storage/sql/pgDb';
import { allContracts } from './contracts';
import { expectAppError } from './contracts/harness';
import { PG_URL, usePgSchema } from './pgHarness';

if (PG_URL) {
  const url = PG_URL;
  describe('PostgreSQL adapter', () => {
    const pg = usePgSchema(url);
    allContracts((clock) => pg.fresh(clock));

    describe('migrate()', () => {
      it('should be idempotent when two instances start at once', async () => {
        const pools = [createPool({ databaseUrl: url, schema: pg.schema }, silentLogger), createPool({ databaseUrl: url, schema: pg.schema }, silentLogger)];
        try {
          const dbs = pools.map((pool) => new PgDb(pool, { databaseUrl: url, schema: pg.schema }, silentLogger));
          const applied = await Promise.all(dbs.map((db) => migrate(db, pg.schema)));
          expect(applied).to.deep.equal([[], []]);
          const { rows } = await dbs[0].query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
          // Each migration recorded once, up to the newest (more than one migration exists since migration 5).
          const versions = rows.map((r) => Number(r.version));
          expect(versions).to.include(LATEST_SCHEMA_VERSION);
          expect(new Set(versions).size).to.equal(versions.length);
        } finally {
          await Promise.all(pools.map((p) => p.end()));
        }
      });

      it('should create a brand-new schema once when two instances race on it', async () => {
        const schema = `${pg.schema}_race`;
        const opened = await Promise.all([0, 1].map(() => createStores({ databaseUrl: url, schema }, { clock: systemClock, logger: silentLogger })));
        try {
          expect((await opened[0].health()).ok).to.equal(true);
          const made = await opened[1].knowledge.appendAudit({ actor: 'a', action: 'x', target: 't' });
          expect((await opened[0].knowledge.listAudit()).map((e) => e.id)).to.deep.equal([made.id]);
        } finally {
          await Promise.all(opened.map((s) => s.close()));
          const cleanup = createPool({ databaseUrl: url }, silentLogger);
          await cleanup.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await cleanup.end();
        }
      });
    });
  });
}

describe('PostgreSQL adapter when the server is unreachable', () => {
  const unreachable = { databaseUrl: 'postgres://root@127.0.0.1:9/test', retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } };

  describe('createStores()', () => {
    it('should reject with STORAGE_UNAVAILABLE, not crash', async () => {
      const err = await expectAppError(createStores(unreachable, { clock: systemClock, logger: silentLogger }), 'STORAGE_UNAVAILABLE');
      expect(err.message).to.match(/ECONNREFUSED|unavailable/i);
    });
  });

  describe('PgDb.ping()', () => {
    it('should report the problem instead of throwing', async () => {
      const pool = createPool(unreachable, silentLogger);
      try {
        const ping = await new PgDb(pool, unreachable, silentLogger).ping();
        expect(ping.ok).to.equal(false);
        expect(ping.detail).to.match(/unreachable/);
      } finally {
        await pool.end();
      }
    });
  });
});
