import { expect } from 'chai';
import { migrate } from '../../src/storage/sql/migrations';
import { SqliteDb } from '../../src/storage/sql/sqliteDb';
import { SqlDirectLineStore } from '../../src/storage/repos/directLineStore';
import { ManualClock } from '../fakes/manualClock';

describe('SqlDirectLineStore', () => {
  let db: SqliteDb;
  let store: SqlDirectLineStore;

  beforeEach(async () => {
    db = SqliteDb.open(':memory:');
    await migrate(db);
    store = new SqlDirectLineStore(db, new ManualClock(), { maxActivitiesPerConversation: 3 });
  });
  afterEach(async () => {
    await db.close();
  });

  describe('append()', () => {
    it('should keep only the newest activities of a conversation, with their numbering unchanged', async () => {
      await store.create({ id: 'c1', userId: 'u1', createdAt: '2026-03-01T09:00:00.000Z' });
      for (const text of ['a', 'b', 'c', 'd', 'e']) await store.append('c1', { type: 'message', text });
      const all = await store.list('c1', -1);
      expect(all.activities.map((a) => [a.id, a.text])).to.deep.equal([['c1|0000002', 'c'], ['c1|0000003', 'd'], ['c1|0000004', 'e']]);
      expect(all.watermark).to.equal('4');
      const { rows } = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM directline_activities');
      expect(Number(rows[0]!.n)).to.equal(3);
    });
  });
});
