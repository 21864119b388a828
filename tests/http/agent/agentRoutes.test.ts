import { expect } from 'chai';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../../helpers/testApp';
import { AgentClient } from './agentClient';
import { ChannelServer } from './channelServer';

const ANA = 'ana-token-0123456789abcdef';
const BEN = 'ben-token-0123456789abcdef';

interface ErrorAnswer {
  error: { code: string; details?: { problems?: string[]; status?: string } };
}
interface CaseAnswer {
  case: { id: string; status: string; assignee?: string; remedy?: unknown; version: number };
}

describe('Agent API routes', () => {
  const channel = new ChannelServer();
  let running: RunningApp;
  let dataDir: string;
  let ana: AgentClient;
  let ben: AgentClient;

  before(async function () {
    this.timeout(30_000);
    await channel.start();
    dataDir = tempDataDir();
    running = await startApp({ DATA_DIR: dataDir, REBOUND_AGENTS: `Ana:${ANA},Ben:${BEN}` });
    ana = new AgentClient(running.url, ANA);
    ben = new AgentClient(running.url, BEN);
  });
  after(async () => {
    await running?.stop();
    await channel.stop();
    if (dataDir) removeDir(dataDir);
  });

  /** A traveller asks for a person; returns the id of the queued case. */
  async function queuedCase(): Promise<string> {
    const traveller = running.client({ serviceUrl: channel.url });
    await traveller.say('talk to a person please');
    const c = await running.app.stores.cases.findActiveByConversation(traveller.conversationId);
    expect(c?.status).to.equal('pending');
    return c!.id;
  }

  async function stored(id: string) {
    return running.app.stores.cases.get(id);
  }

  describe('POST /api/agent/cases/{id}/claim', () => {
    it('should refuse to claim a claimed case with 409 and change nothing', async () => {
      const id = await queuedCase();
      expect((await ana.call('POST', `/api/agent/cases/${id}/claim`)).status).to.equal(200);
      const before = await stored(id);
      const again = await ben.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/claim`);
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('ILLEGAL_TRANSITION');
      expect(await stored(id)).to.deep.equal(before);
    });

    it('should answer 404 for an unknown case', async () => {
      const answer = await ana.call<ErrorAnswer>('POST', '/api/agent/cases/no-such-case/claim');
      expect(answer.status).to.equal(404);
      expect(answer.body.error.code).to.equal('NOT_FOUND');
      expect((await ana.call('GET', '/api/agent/cases/no-such-case')).status).to.equal(404);
    });
  });

  describe('POST /api/agent/cases/{id}/messages', () => {
    it('should refuse a message to a case held by another agent or resolved, with 409', async () => {
      const id = await queuedCase();
      const unclaimed = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/messages`, { text: 'hi' });
      expect(unclaimed.status).to.equal(409);
      await ana.call('POST', `/api/agent/cases/${id}/claim`);
      const otherAgent = await ben.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/messages`, { text: 'hi' });
      expect(otherAgent.status).to.equal(409);
      expect((await ana.call('POST', `/api/agent/cases/${id}/resolve`, { outcome: 'done' })).status).to.equal(200);
      const events = (await running.app.stores.cases.listEvents(id)).length;
      const resolved = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/messages`, { text: 'one more thing' });
      expect(resolved.status).to.equal(409);
      expect(resolved.body.error.details?.status).to.equal('resolved');
      expect(await running.app.stores.cases.listEvents(id)).to.have.length(events);
    });

    it('should answer 502 CHANNEL_UNAVAILABLE and record nothing when the traveller\'s channel is gone', async () => {
      const id = await queuedCase();
      expect((await ana.call('POST', `/api/agent/cases/${id}/claim`)).status).to.equal(200);
      channel.gone.add((await stored(id))!.conversationId);
      const events = (await running.app.stores.cases.listEvents(id)).length;
      const answer = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/messages`, { text: 'Hello, I am looking at it' });
      expect(answer.status).to.equal(502);
      expect(answer.body.error.code).to.equal('CHANNEL_UNAVAILABLE');
      expect(await running.app.stores.cases.listEvents(id)).to.have.length(events);
    });

    it('should answer 422 listing the problems of a bad body', async () => {
      const id = await queuedCase();
      const empty = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/messages`, { text: '   ' });
      expect(empty.status).to.equal(422);
      expect(empty.body.error.code).to.equal('VALIDATION_FAILED');
      expect(empty.body.error.details?.problems).to.deep.equal(['text: must not be empty']);
      const missing = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/messages`, {});
      expect(missing.status).to.equal(422);
      expect(missing.body.error.details?.problems?.[0]).to.match(/^text: /);
    });
  });

  describe('POST /api/agent/cases/{id}/resolve', () => {
    it('should refuse a remedy outside the compensation policy with 422 and leave the case assigned', async () => {
      const id = await queuedCase();
      await ana.call('POST', `/api/agent/cases/${id}/claim`);
      const before = await stored(id);
      // The case has no recognised problem: no remedy covers it.
      const answer = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/resolve`, { outcome: 'voucher', remedy: { remedyId: 'goodwill_voucher_small', amount: 10 } });
      expect(answer.status).to.equal(422);
      expect(answer.body.error.details?.problems?.[0]).to.match(/^remedy\.remedyId: .*does not cover/);
      const unknown = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/resolve`, { outcome: 'x', remedy: { remedyId: 'free_flight' } });
      expect(unknown.body.error.details?.problems?.[0]).to.match(/not in the compensation policy/);
      expect(await stored(id)).to.deep.equal(before);
    });

    it('should grant a remedy within the policy for the case problem', async () => {
      const id = await queuedCase();
      const c = (await stored(id))!;
      // The problem as the bot would have recognised it before the handoff.
      await running.app.stores.cases.update({ ...c, summary: { ...c.summary, problemId: 'double_charge' } }, c.version);
      await ana.call('POST', `/api/agent/cases/${id}/claim`);
      const detail = await ana.call<{ remedies: Array<{ remedyId: string; maxAmount?: { value: number } }> }>('GET', `/api/agent/cases/${id}`);
      const large = detail.body.remedies.find((r) => r.remedyId === 'goodwill_voucher_large');
      expect(large?.maxAmount?.value).to.equal(75);
      const over = await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/resolve`, { outcome: 'voucher', remedy: { remedyId: 'goodwill_voucher_large', amount: 80 } });
      expect(over.status).to.equal(422);
      expect(over.body.error.details?.problems).to.deep.equal(['remedy.amount: 80 is above the limit of 75 EUR']);
      const ok = await ana.call<CaseAnswer>('POST', `/api/agent/cases/${id}/resolve`, { outcome: 'voucher', remedy: { remedyId: 'goodwill_voucher_large', amount: 50 } });
      expect(ok.status).to.equal(200);
      expect(ok.body.case.remedy).to.deep.equal({ remedyId: 'goodwill_voucher_large', amount: 50, currency: 'EUR' });
    });
  });

  describe('POST /api/agent/cases/{id}/release', () => {
    it('should put the case back in the queue and refuse a second release', async () => {
      const id = await queuedCase();
      await ana.call('POST', `/api/agent/cases/${id}/claim`);
      const released = await ana.call<CaseAnswer>('POST', `/api/agent/cases/${id}/release`, { reason: 'needs the payments team' });
      expect(released.status).to.equal(200);
      expect(released.body.case.status).to.equal('pending');
      expect(released.body.case.assignee).to.equal(undefined);
      expect((await ana.call<ErrorAnswer>('POST', `/api/agent/cases/${id}/release`)).status).to.equal(409);
      const list = await ana.call<{ cases: Array<{ id: string }> }>('GET', '/api/agent/cases?status=pending,assigned');
      expect(list.body.cases.map((c) => c.id)).to.include(id);
    });
  });

  describe('POST /api/agent/cases/{id}/notes', () => {
    it('should record an internal note that the traveller never sees', async () => {
      const id = await queuedCase();
      const c = (await stored(id))!;
      const note = await ana.call<{ event: { type: string; data: { text: string } } }>('POST', `/api/agent/cases/${id}/notes`, { text: 'Call the hotel first' });
      expect(note.status).to.equal(201);
      expect(note.body.event).to.deep.include({ type: 'note', data: { text: 'Call the hotel first' } });
      expect(channel.messages(c.conversationId).join('\n')).to.not.include('Call the hotel');
    });
  });

  describe('GET /api/agent/cases', () => {
    it('should refuse an unknown status with 422', async () => {
      const answer = await ana.call<ErrorAnswer>('GET', '/api/agent/cases?status=lost');
      expect(answer.status).to.equal(422);
      expect(answer.body.error.details?.problems?.[0]).to.match(/^status: /);
    });
  });

  describe('GET /api/agent/events', () => {
    it('should end open streams cleanly when the app stops', async function () {
      this.timeout(30_000);
      const dir = tempDataDir();
      const other = await startApp({ DATA_DIR: dir, REBOUND_AGENTS: `Ana:${ANA}` });
      try {
        const stream = await new AgentClient(other.url, ANA).stream();
        await other.stop();
        expect(await stream.untilEnded()).to.equal(true);
      } finally {
        await other.stop();
        removeDir(dir);
      }
    });
  });
});
