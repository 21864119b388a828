import { expect } from 'chai';
import { textOf } from '../helpers/botClient';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { AgentClient } from '../http/agent/agentClient';
import { ChannelServer } from '../http/agent/channelServer';

const TOKEN = 'ana-token-0123456789abcdef';

describe('Agent handoff across a restart', () => {
  const channel = new ChannelServer();
  let dataDir: string;
  let first: RunningApp | undefined;
  let second: RunningApp | undefined;

  before(async () => {
    await channel.start();
    dataDir = tempDataDir();
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
    await channel.stop();
    removeDir(dataDir);
  });

  describe('restart while assigned', () => {
    it('should keep the assignment and relay both ways after the restart', async function () {
      this.timeout(60_000);
      const env = { DATA_DIR: dataDir, REBOUND_AGENTS: `Ana:${TOKEN}` };
      first = await startApp(env);
      const traveller = first.client({ serviceUrl: channel.url });
      await traveller.say('I need a human');
      const queued = await first.app.stores.cases.findActiveByConversation(traveller.conversationId);
      expect((await new AgentClient(first.url, TOKEN).call('POST', `/api/agent/cases/${queued!.id}/claim`)).status).to.equal(200);
      await first.stop();

      second = await startApp(env);
      const agent = new AgentClient(second.url, TOKEN);
      const stream = await agent.stream();
      try {
        const same = second.client({ serviceUrl: channel.url, conversationId: traveller.conversationId, userId: traveller.userId });
        expect((await same.say('Are you still there?')).map(textOf)).to.deep.equal([]);
        const live = await stream.waitFor((e) => e.event === 'message' && e.data.caseId === queued!.id);
        expect(live.data).to.include({ from: 'traveller', text: 'Are you still there?' });

        const detail = await agent.call<{ case: { status: string; assignee: string } }>('GET', `/api/agent/cases/${queued!.id}`);
        expect(detail.body.case).to.include({ status: 'assigned', assignee: 'Ana' });
        expect((await agent.call('POST', `/api/agent/cases/${queued!.id}/messages`, { text: 'Yes, still here.' })).status).to.equal(201);
        await channel.waitFor(traveller.conversationId, (t) => t.includes('Yes, still here.'));
      } finally {
        await stream.close();
      }
    });
  });
});
