import { expect } from 'chai';
import { silentLogger } from '../../src/shared/logger';
import { FallbackRateLimitStore, MemoryRateLimitStore, SqlRateLimitStore, type RateDecision, type RateLimitStore } from '../../src/storage/rateLimit';
import { migrate } from '../../src/storage/sql/migrations';
import { SqliteDb } from '../../src/storage/sql/sqliteDb';
import { rateLimitStoreContract } from './contracts/rateLimitStore.contract';
import { PG_URL, usePgSchema } from './pgHarness';

// The embedded default: one process, so both "instances" are the same store.
rateLimitStoreContract('memory', async (clock) => {
  const store = new MemoryRateLimitStore(() => clock.now().getTime());
  return { stores: [store, store], close: async () => undefined };
});

// The SQL adapter speaks both dialects; SQLite proves the statements outside PostgreSQL too.
rateLimitStoreContract('SQL on SQLite', async (clock) => {
  const db = SqliteDb.open(':memory:');
  await migrate(db);
  const now = () => clock.now().getTime();
  return { stores: [new SqlRateLimitStore(db, now), new SqlRateLimitStore(db, now)], close: () => db.close() };
});

if (PG_URL) {
  const url = PG_URL;
  describe('PostgreSQL', () => {
    const pg = usePgSchema(url);
    // Two sets of stores with their own pools: two app instances on one database.
    rateLimitStoreContract('PostgreSQL', async (clock) => {
      const first = await pg.fresh(clock);
      const second = await pg.open(clock);
      return {
        stores: [first.rateLimits!, second.rateLimits!],
        close: async () => void (await Promise.all([first.close(), second.close()])),
      };
    });
  });
}

/** A shared store that never answers, as a database that drops packets. */
class HangingStore implements RateLimitStore {
  calls = 0;
  take(): Promise<RateDecision> {
    this.calls += 1;
    return new Promise(() => undefined);
  }
  check(): Promise<RateDecision> {
    return this.take();
  }
}

describe('FallbackRateLimitStore', () => {
  describe('take()', () => {
    it('should count locally when the shared store does not answer in time, and skip it during the cooldown', async () => {
      let now = 0;
      const shared = new HangingStore();
      const store = new FallbackRateLimitStore(shared, new MemoryRateLimitStore(() => now), { timeoutMs: 10, cooldownMs: 30_000, now: () => now }, silentLogger);
      const policy = { capacity: 2, perSeconds: 60 };
      expect(await store.take('k', policy)).to.deep.equal({ allowed: true });
      expect(await store.take('k', policy)).to.deep.equal({ allowed: true });
      expect((await store.take('k', policy)).allowed, 'still limited, locally').to.equal(false);
      expect(shared.calls, 'one wait, then the cooldown').to.equal(1);
      now += 30_000;
      await store.check('k', policy);
      expect(shared.calls, 'tried again after the cooldown').to.equal(2);
    });
  });
});
