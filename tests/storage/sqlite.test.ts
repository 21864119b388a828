import { expect } from 'chai';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src/storage/sql/migrations';
import { SqliteDb } from '../../src/storage/sql/sqliteDb';
import { allContracts } from './contracts';

describe('SQLite adapter', () => {
  // A fresh in-memory database per test: the contracts start from empty stores.
  allContracts((clock) => createStores({ dataDir: ':memory:' }, { clock, logger: silentLogger }));

  describe('migrate()', () => {
    it('should apply every migration once, in version order, up to the newest', async () => {
      const db = SqliteDb.open(':memory:');
      try {
        const applied = await migrate(db);
        expect(applied).to.deep.equal([...applied].sort((a, b) => a - b));
        expect(applied.at(-1)).to.equal(LATEST_SCHEMA_VERSION);
        expect(await migrate(db)).to.deep.equal([]);
      } finally {
        await db.close();
      }
    });
  });
});
