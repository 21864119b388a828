import { expect } from 'chai';
import { FakeBotGateway } from '../../fakes/fakeBotGateway';
import { call, SECRET, startHarness, StreamClient, type Harness } from './directLineHarness';

describe('ConnectorRoutes', () => {
  let h: Harness;
  let bot: FakeBotGateway;
  before(async () => {
    bot = new FakeBotGateway();
    h = await startHarness(bot);
  });
  after(async () => h.close());

  async function conversation() {
    const generated = await call(`${h.url}/v3/directline/tokens/generate`, 'POST', SECRET);
    const started = await call(`${h.url}/v3/directline/conversations`, 'POST', String(generated.json.token));
    const serviceUrl = bot.received.find((a) => a.conversation.id === started.json.conversationId)!.serviceUrl;
    return { ...(started.json as { conversationId: string; streamUrl: string }), serviceUrl };
  }

  describe('POST /directline-connector/:key/v3/conversations/:id/activities', () => {
    it('should deliver a proactive message to the open stream', async () => {
      const conv = await conversation();
      const stream = await StreamClient.open(conv.streamUrl);
      try {
        const res = await bot.proactive(conv.serviceUrl, conv.conversationId, 'An agent has joined');
        expect(res.status).to.equal(200);
        const message = await stream.waitFor((a) => a.text === 'An agent has joined');
        expect(message.id).to.equal(((await res.json()) as { id: string }).id);
      } finally {
        stream.close();
      }
    });

    it('should refuse a wrong connector key with 401, so outsiders cannot inject messages', async () => {
      const conv = await conversation();
      const forged = conv.serviceUrl.replace(/[^/]+$/, 'guessed-key');
      const res = await bot.proactive(forged, conv.conversationId, 'fake');
      expect(res.status).to.equal(401);
      const log = await call(`${h.url}/v3/directline/conversations/${conv.conversationId}/activities`, 'GET', SECRET);
      expect(JSON.stringify(log.json)).to.not.include('fake');
    });

    it('should refuse an unknown conversation with 404', async () => {
      const conv = await conversation();
      const res = await bot.proactive(conv.serviceUrl, 'no-such-conversation', 'hello?');
      expect(res.status).to.equal(404);
    });

    it('should never give the client the serviceUrl (it carries the key)', async () => {
      const conv = await conversation();
      const log = await call(`${h.url}/v3/directline/conversations/${conv.conversationId}/activities`, 'GET', SECRET);
      expect(JSON.stringify(log.json)).to.not.include('directline-connector');
    });
  });
});
