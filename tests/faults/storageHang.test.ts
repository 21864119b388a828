import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import { createStores } from '../../src/storage';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { ADMIN_ENV, AGENT_TOKEN, OWNER_TOKEN } from '../http/admin/adminClient';
import { startApp, type RunningApp } from '../helpers/testApp';
import { TcpProxy } from './tcpProxy';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;
/** Short, so the test proves the bound without waiting the production 4 s. */
const TIMEOUT_MS = 300;
/** Bound plus the rate limiter's share and scheduling slack; the old behaviour took 5 s to 20 s. */
const ANSWER_WITHIN_MS = TIMEOUT_MS * 4;

if (PG_URL) {
  describe('storage hang (PostgreSQL drops packets, refuses nothing)', function () {
    this.timeout(60_000);
    const schema = `rb_hang_${randomBytes(5).toString('hex')}`;
    const proxy = TcpProxy.forDatabase(PG_URL);
    let running: RunningApp;

    before(async () => {
      await proxy.start();
      const url = proxy.urlThrough(PG_URL);
      const env = { DATABASE_URL: url.toString(), STORAGE_TIMEOUT_MS: String(TIMEOUT_MS), ...ADMIN_ENV };
      const stores = await createStores({ databaseUrl: url.toString(), schema, timeoutMs: TIMEOUT_MS }, { clock: systemClock, logger: silentLogger });
      running = await startApp(env, { stores });
    });
    after(async () => {
      await proxy.stop();
      await running?.stop();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    });

    it('should answer 503 STORAGE_UNAVAILABLE on every route class within the storage timeout', async () => {
      const base = running.url;
      const json = { 'content-type': 'application/json' };
      // Set up while the database answers: a web chat conversation and a bot conversation.
      const session = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST', body: '{"fresh":true}', headers: json })).json()) as { token: string; conversationId: string };
      const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
      expect(started.status).to.equal(201);
      const client = running.client();
      expect((await client.post(client.activity({ type: 'message', text: 'hello' }))).status).to.equal(200);
      const agentBefore = await fetch(`${base}/api/agent/cases`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } });
      expect(agentBefore.status, await agentBefore.clone().text()).to.equal(200);

      proxy.hang();
      const routes: Array<[string, () => Promise<Response>]> = [
        ['bot channel', () => fetch(`${base}/api/messages`, { method: 'POST', body: JSON.stringify(client.activity({ type: 'message', text: 'I was charged twice' })), headers: json })],
        ['direct line', () => fetch(`${base}/v3/directline/conversations/${encodeURIComponent(session.conversationId)}/activities`, { method: 'POST', body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'hi' }), headers: { ...json, authorization: `Bearer ${session.token}` } })],
        ['web chat token', () => fetch(`${base}/api/webchat/token`, { method: 'POST', body: JSON.stringify({ token: session.token }), headers: json })],
        ['agent', () => fetch(`${base}/api/agent/cases`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } })],
        ['admin', () => fetch(`${base}/api/admin/kb/draft`, { headers: { authorization: `Bearer ${OWNER_TOKEN}` } })],
        ['readiness', () => fetch(`${base}/readyz`)],
      ];
      const answers: Array<{ route: string; status: number; code: string | undefined; ms: number }> = [];
      for (const [name, call] of routes) {
        const start = Date.now();
        const res = await call();
        const body = (await res.json()) as { error?: { code: string } };
        answers.push({ route: name, status: res.status, code: body.error?.code, ms: Date.now() - start });
      }
      for (const a of answers) {
        expect(a.status, `${a.route}: ${JSON.stringify(a)}`).to.equal(503);
        if (a.route !== 'readiness') expect(a.code, a.route).to.equal('STORAGE_UNAVAILABLE');
        expect(a.ms, `${a.route} answered in ${a.ms} ms`).to.be.below(ANSWER_WITHIN_MS);
      }
      // Liveness answers at once and holds: a hung database is no reason to restart the process.
      const start = Date.now();
      const live = await fetch(`${base}/healthz`);
      expect(live.status).to.equal(200);
      expect(((await live.json()) as { status: string }).status).to.equal('degraded');
      expect(Date.now() - start).to.be.below(ANSWER_WITHIN_MS);
    });
  });
}
