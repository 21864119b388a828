import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import { createStores } from '../../src/storage';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { startApp, type RunningApp } from '../helpers/testApp';
import { TcpProxy } from './tcpProxy';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;

/** Polls until fn() is true (bounded: the recovery must happen within the deadline). */
async function eventually(fn: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`not true within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (PG_URL) {
  describe('storage outage (PostgreSQL unreachable mid-traffic)', function () {
    this.timeout(60_000);
    const schema = `rb_fault_${randomBytes(5).toString('hex')}`;
    const proxy = TcpProxy.forDatabase(PG_URL);
    let running: RunningApp;

    before(async () => {
      await proxy.start();
      const url = proxy.urlThrough(PG_URL);
      // Named, so pg_terminate_backend below ends this app's sessions only, not those of other suites.
      url.searchParams.set('application_name', schema);
      const stores = await createStores({ databaseUrl: url.toString(), schema }, { clock: systemClock, logger: silentLogger });
      running = await startApp({ DATABASE_URL: url.toString() }, { stores });
    });
    after(async () => {
      await proxy.start().catch(() => undefined);
      await running?.stop();
      await proxy.stop();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    });

    it('should answer 503 STORAGE_UNAVAILABLE with Retry-After while the database is unreachable, and recover by itself', async () => {
      const client = running.client();
      const acknowledged: string[] = [];
      for (const text of ['hello', 'how long does a refund take?']) {
        expect((await client.post(client.activity({ type: 'message', text }))).status).to.equal(200);
        acknowledged.push(text);
      }

      await proxy.stop();
      const refused = await fetch(`${running.url}/api/messages`, { method: 'POST', body: JSON.stringify(client.activity({ type: 'message', text: 'I was charged twice' })), headers: { 'content-type': 'application/json' } });
      expect(refused.status).to.equal(503);
      expect(refused.headers.get('retry-after')).to.match(/^\d+$/);
      expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('STORAGE_UNAVAILABLE');
      expect((await fetch(`${running.url}/readyz`)).status).to.equal(503);
      expect((await fetch(`${running.url}/healthz`)).status, 'liveness holds').to.equal(200);

      await proxy.start();
      // The pools reconnect by themselves: no restart, the resent message goes through.
      await eventually(async () => (await fetch(`${running.url}/readyz`)).status === 200, 20_000);
      expect((await client.post(client.activity({ type: 'message', text: 'I was charged twice' }))).status).to.equal(200);
      acknowledged.push('I was charged twice');

      const lines = (await running.app.stores.transcripts.list(client.conversationId)).filter((l) => l.from === 'traveller').map((l) => l.text);
      expect(lines).to.deep.equal(acknowledged);
    });

    it('should survive its backends being terminated by the server (pg_terminate_backend)', async () => {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [schema]);
        expect(killed.rowCount, 'sessions terminated').to.be.greaterThan(0);
      } finally {
        await admin.end();
      }
      await eventually(async () => (await fetch(`${running.url}/readyz`)).status === 200, 20_000);
      const client = running.client();
      await eventually(async () => (await client.post(client.activity({ type: 'message', text: 'hello' }))).status === 200, 20_000);
    });
  });
}
