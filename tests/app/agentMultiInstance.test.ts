import { expect } from 'chai';
import type { RunningApp } from '../helpers/testApp';
import { AgentClient } from '../http/agent/agentClient';
import { ChannelServer } from '../http/agent/channelServer';
import { freshSchema, startTwoApps, stopAndDropSchema } from '../helpers/pgApps';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;
const TOKEN = 'ana-token-0123456789abcdef';

if (PG_URL) {
  const url = PG_URL;
  describe('Agents on two Rebound instances sharing PostgreSQL', () => {
    const schema = freshSchema('rb_agent');
    const channel = new ChannelServer();
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(30_000);
      await channel.start();
      [a, b] = await startTwoApps(url, schema, { REBOUND_AGENTS: `Ana:${TOKEN}` });
    });
    after(async () => {
      await stopAndDropSchema(url, schema, [a, b]);
      await channel.stop();
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
