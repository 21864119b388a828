import { expect } from 'chai';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { SQLITE_FILE, createStores } from '../../src/storage';

describe('SQLite adapter on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'rebound-sqlite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const open = (dataDir: string) => createStores({ dataDir }, { clock: systemClock, logger: silentLogger });

  describe('createStores()', () => {
    it('should find its data again after a restart, in DATA_DIR/rebound.db, in WAL mode', async () => {
      const first = await open(path.join(dir, 'nested', 'data'));
      await first.state.write({ k: { step: 'confirm_booking' } });
      await first.knowledge.publish({} as never, 'olga', 'initial', null);
      await first.close();
      const second = await open(path.join(dir, 'nested', 'data'));
      try {
        expect((await second.state.read(['k'])).k.step).to.equal('confirm_booking');
        expect((await second.knowledge.getPublished())?.version).to.equal(1);
      } finally {
        await second.close();
      }
      const raw = new Database(path.join(dir, 'nested', 'data', SQLITE_FILE), { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).to.equal('wal');
      raw.close();
    });

    it('should reject with STORAGE_UNAVAILABLE when the folder cannot be created', async () => {
      await (await open(dir)).close();
      let caught: { code?: string } | undefined;
      // DATA_DIR below a file: the folder cannot exist.
      await open(path.join(dir, SQLITE_FILE, 'data')).catch((err: { code?: string }) => (caught = err));
      expect(caught?.code).to.equal('STORAGE_UNAVAILABLE');
    });
  });
});
