import { expect } from 'chai';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import { freshSchema, stopAndDropSchema } from '../helpers/pgApps';
import { startApp, type RunningApp } from '../helpers/testApp';
import { scrape } from './exposition';

const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;
const OWNER = { authorization: 'Bearer olga-token-0123456789abcdef' };

if (PG_URL) {
  describe('GET /metrics on PostgreSQL', () => {
    const schema = freshSchema('metrics');
    let running: RunningApp | undefined;

    before(async function () {
      this.timeout(30_000);
      const stores = await createStores({ databaseUrl: PG_URL, schema }, { clock: systemClock, logger: silentLogger });
      running = await startApp({ DATABASE_URL: PG_URL, REBOUND_OWNERS: 'Olga:olga-token-0123456789abcdef' }, { stores });
    });
    after(() => stopAndDropSchema(PG_URL, schema, [running]));

    it('should report the pools, the storage calls and readiness', async () => {
      const client = running!.client();
      await client.say('how long does a refund take?');
      const s = await scrape(running!.url, OWNER);
      expect(s.value('rebound_pg_pool_connections', { pool: 'main', state: 'total' })).to.be.at.least(1);
      expect(s.value('rebound_pg_pool_connections', { pool: 'locks', state: 'total' })).to.be.at.least(1);
      expect(s.has('rebound_pg_pool_waiting_clients')).to.equal(true);
      expect(s.value('rebound_storage_call_duration_seconds_count', { operation: 'state.write' })).to.be.at.least(1);
      expect(s.value('rebound_storage_group_commit_statements_count'), 'no group commit on PostgreSQL').to.equal(0);
      expect(s.value('rebound_turns_total', { outcome: 'answered' })).to.equal(1);
      expect((await fetch(`${running!.url}/readyz`)).status).to.equal(200);
    });
  });
}
