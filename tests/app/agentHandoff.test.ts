import { expect } from 'chai';
import { resolutionCheckId } from '../../src/handoff/followUp';
import { textOf } from '../helpers/botClient';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { AgentClient, type EventStreamReader } from '../http/agent/agentClient';
import { ChannelServer } from '../http/agent/channelServer';

export const AGENT_TOKEN = 'ana-token-0123456789abcdef';
export const OWNER_TOKEN = 'olga-token-0123456789abcdef';
export const AGENT_ENV = { REBOUND_AGENTS: `Ana:${AGENT_TOKEN}`, REBOUND_OWNERS: `Olga:${OWNER_TOKEN}` };

interface ListedCase {
  id: string;
  reference: string;
  status: string;
  conversationId: string;
  priority: string;
  createdAt: string;
  position?: number;
  summary: { title: string };
}

describe('Agent handoff through /api/messages and the agent API', () => {
  const channel = new ChannelServer();
  let running: RunningApp;
  let dataDir: string;
  let agent: AgentClient;
  let stream: EventStreamReader;

  before(async function () {
    this.timeout(30_000);
    await channel.start();
    dataDir = tempDataDir();
    running = await startApp({ DATA_DIR: dataDir, ...AGENT_ENV });
    agent = new AgentClient(running.url, AGENT_TOKEN);
    stream = await agent.stream();
  });
  after(async () => {
    await stream?.close();
    await running?.stop();
    await channel.stop();
    if (dataDir) removeDir(dataDir);
  });

  describe('the whole handoff', () => {
    it('should queue, claim, relay both ways, resolve and hand the conversation back to the bot', async function () {
      this.timeout(30_000);
      const traveller = running.client({ serviceUrl: channel.url, channelId: 'webchat' });
      await traveller.join();
      const handoffReplies = await traveller.say('I want to talk to a person');
      const intro = handoffReplies.map(textOf).join('\n');
      const reference = /RB-[0-9A-Z]{6}/.exec(intro)?.[0];
      expect(reference, intro).to.be.a('string');

      // The case waits in the queue with its summary.
      const pending = await agent.call<{ cases: ListedCase[] }>('GET', '/api/agent/cases?status=pending');
      expect(pending.status).to.equal(200);
      const listed = pending.body.cases.find((c) => c.conversationId === traveller.conversationId);
      expect(listed).to.include({ reference, status: 'pending', priority: 'normal', position: 1 });
      expect(listed!.summary.title).to.be.a('string').and.not.empty;
      expect(Date.parse(listed!.createdAt)).to.be.a('number').and.not.NaN;
      await stream.waitFor((e) => e.event === 'case' && e.data.caseId === listed!.id && e.data.status === 'pending');

      // An agent claims it; the traveller hears who has it, on the conversation's own channel.
      const claimed = await agent.call<{ case: { status: string; assignee: string } }>('POST', `/api/agent/cases/${listed!.id}/claim`);
      expect(claimed.status).to.equal(200);
      expect(claimed.body.case).to.include({ status: 'assigned', assignee: 'Ana' });
      await channel.waitFor(traveller.conversationId, (t) => t.includes('Ana') && t.includes(reference!));

      // The agent's message reaches the traveller on the channel.
      const sent = await agent.call('POST', `/api/agent/cases/${listed!.id}/messages`, { text: 'Hello, I am looking at your booking now.' });
      expect(sent.status).to.equal(201);
      await channel.waitFor(traveller.conversationId, (t) => t.includes('Ana') && t.includes('Hello, I am looking at your booking now.'));

      // The traveller's reply reaches the agent (the bot stays quiet), live and in the case.
      const quiet = await traveller.say('Thanks! It was booking for 2 nights, mail me at jo@example.com');
      expect(quiet.map(textOf)).to.deep.equal([]);
      const live = await stream.waitFor((e) => e.event === 'message' && e.data.caseId === listed!.id && e.data.from === 'traveller');
      expect(live.data.text).to.include('2 nights').and.not.include('jo@example.com');
      const detail = await agent.call<{ events: Array<{ type: string; actor: { kind: string }; data: { text?: string } }>; transcript: Array<{ from: string; text: string }>; summary: unknown; remedies: unknown[] }>('GET', `/api/agent/cases/${listed!.id}`);
      expect(detail.status).to.equal(200);
      const fromTraveller = detail.body.events.filter((e) => e.type === 'message' && e.actor.kind === 'traveller');
      expect(fromTraveller.map((e) => e.data.text)).to.have.length(1);
      expect(fromTraveller[0]!.data.text).to.include('2 nights').and.not.include('jo@example.com');
      expect(detail.body.transcript.some((t) => t.from === 'agent' && t.text.includes('looking at your booking'))).to.equal(true);
      expect(detail.body.transcript.every((t) => !t.text.includes('jo@example.com'))).to.equal(true);
      expect(detail.body.summary).to.be.an('object');

      // "status" still works while a person has the case.
      const status = await traveller.say('status');
      expect(status.map(textOf).join('\n')).to.include(reference!).and.include('support team');

      // The agent resolves; the bot confirms the outcome with the traveller and schedules the follow-up.
      const resolved = await agent.call<{ case: { status: string; outcome: string; resolvedAt: string } }>('POST', `/api/agent/cases/${listed!.id}/resolve`, { outcome: 'We found the booking and re-sent the confirmation' });
      expect(resolved.status).to.equal(200);
      expect(resolved.body.case.status).to.equal('resolved');
      await channel.waitFor(traveller.conversationId, (t) => t.includes('re-sent the confirmation') && t.includes('resolved'));
      const followUp = await running.app.stores.followUps.get(resolutionCheckId(listed!.id, resolved.body.case.resolvedAt));
      expect(followUp).to.include({ kind: 'resolution_check', status: 'scheduled', conversationId: traveller.conversationId });
      await stream.waitFor((e) => e.event === 'case' && e.data.caseId === listed!.id && e.data.status === 'resolved');

      // The bot has the conversation again.
      const back = await traveller.say('how long does a refund take?');
      expect(back.map(textOf).join('\n')).to.not.equal('');
      const events = await agent.call<{ events: Array<{ type: string }> }>('GET', `/api/agent/cases/${listed!.id}`);
      expect(events.body.events.filter((e) => e.type === 'message')).to.have.length(2);

      // The measures were recorded.
      const measures = await running.app.stores.analytics.query({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
      const types = measures.filter((m) => m.caseId === listed!.id).map((m) => m.type);
      expect(types).to.include.members(['handoff', 'handoff_claimed', 'handoff_resolved']);
    });
  });

  describe('HandoffRelay while queued', () => {
    it('should keep what the traveller adds for the agent, and let them leave the queue with "cancel"', async () => {
      const traveller = running.client({ serviceUrl: channel.url });
      await traveller.say('talk to a person');
      const queued = await running.app.stores.cases.findActiveByConversation(traveller.conversationId);
      const added = await traveller.say('my flight leaves at 6pm');
      // One of the knowledge base's ways of saying it was kept with the case.
      const said = running.app.knowledge.current().kb.platform.replies.addedToCase!.map((v) => v.replace('{caseReference}', queued!.reference));
      expect(said).to.include(added.map(textOf).join('\n'));
      const events = await running.app.stores.cases.listEvents(queued!.id);
      expect(events.filter((e) => e.type === 'message').map((e) => e.data.text)).to.deep.equal(['my flight leaves at 6pm']);
      const left = await traveller.say('cancel');
      expect(left.map(textOf).join('\n')).to.include("you've left the queue");
      expect((await running.app.stores.cases.get(queued!.id))?.status).to.equal('returned_to_bot');
    });
  });

  describe('authentication', () => {
    it('should answer 401 without a token and with an unknown one', async () => {
      for (const client of [new AgentClient(running.url, null), new AgentClient(running.url, 'not-a-known-token-at-all')]) {
        const answer = await client.call<{ error: { code: string } }>('GET', '/api/agent/cases');
        expect(answer.status).to.equal(401);
        expect(answer.body.error.code).to.equal('UNAUTHENTICATED');
      }
      const sse = await fetch(`${running.url}/api/agent/events`);
      expect(sse.status).to.equal(401);
    });

    it('should answer 403 to an owner-only token', async () => {
      const owner = new AgentClient(running.url, OWNER_TOKEN);
      const list = await owner.call<{ error: { code: string } }>('GET', '/api/agent/cases?status=pending');
      expect(list.status).to.equal(403);
      expect(list.body.error.code).to.equal('FORBIDDEN');
      expect((await owner.call('POST', '/api/agent/cases/x/claim')).status).to.equal(403);
    });
  });
});
