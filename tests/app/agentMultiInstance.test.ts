import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import { startApp, type RunningApp } from '../helpers/testApp';
import { AgentClient } from '../http/agent/agentClient';
import { ChannelServer } from '../http/agent/channelServer';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;
const TOKEN = 'ana-token-0123456789abcdef';

if (PG_URL) {
  const url = PG_URL;
  describe('Agents on two Rebound instances sharing PostgreSQL', () => {
    const schema = `rb_agent_${randomBytes(5).toString('hex')}`;
    const channel = new ChannelServer();
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(30_000);
      await channel.start();
      const open = () => createStores({ databaseUrl: url, schema }, { clock: systemClock, logger: silentLogger });
      const env = { DATABASE_URL: url, REBOUND_AGENTS: `Ana:${TOKEN}` };
      // One after the other: the first imports the KB files as version 1, the second finds it published.
      a = await startApp(env, { stores: await open() });
      b = await startApp(env, { stores: await open() });
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await channel.stop();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    });

    describe('GET /api/agent/events', () => {
      it('should stream to an agent on B what the traveller writes on A, without reloading', async function () {
        this.timeout(30_000);
        const agentOnB = new AgentClient(b.url, TOKEN);
        const stream = await agentOnB.stream();
        try {
          const traveller = a.client({ serviceUrl: channel.url });
          await traveller.say('talk to a person');
          const queued = await stream.waitFor((e) => e.event === 'case' && e.data.status === 'pending');
          const caseId = String(queued.data.caseId);
          expect((await agentOnB.call('POST', `/api/agent/cases/${caseId}/claim`)).status).to.equal(200);

          await traveller.say('The hotel desk still cannot find me');
          const live = await stream.waitFor((e) => e.event === 'message' && e.data.caseId === caseId && e.data.from === 'traveller');
          expect(live.data.text).to.equal('The hotel desk still cannot find me');

          // And back: the agent on B reaches the traveller whose turns run on A.
          expect((await agentOnB.call('POST', `/api/agent/cases/${caseId}/messages`, { text: 'Calling the hotel now.' })).status).to.equal(201);
          await channel.waitFor(traveller.conversationId, (t) => t.includes('Calling the hotel now.'));
        } finally {
          await stream.close();
        }
      });
    });
  });
}
