import { expect } from 'chai';
import { FakeBotGateway } from '../../fakes/fakeBotGateway';
import { call, ManualClock, SECRET, startHarness, StreamClient, type Harness } from './directLineHarness';

describe('DirectLineRoutes', () => {
  let h: Harness;
  let bot: FakeBotGateway;
  const clock = new ManualClock();
  const dl = () => `${h.url}/v3/directline`;

  before(async () => {
    bot = new FakeBotGateway();
    h = await startHarness(bot, clock);
  });
  after(async () => h.close());

  async function startConversation(): Promise<{ conversationId: string; token: string; streamUrl: string }> {
    const generated = await call(`${dl()}/tokens/generate`, 'POST', SECRET, {});
    const started = await call(`${dl()}/conversations`, 'POST', String(generated.json.token));
    expect(started.status).to.equal(201);
    return started.json as { conversationId: string; token: string; streamUrl: string };
  }

  describe('POST /tokens/generate', () => {
    it('should refuse a wrong secret with 401', async () => {
      const res = await call(`${dl()}/tokens/generate`, 'POST', 'not-the-secret-not-the-secret-000000');
      expect(res.status).to.equal(401);
      expect(res.json).to.have.nested.property('error.code', 'UNAUTHENTICATED');
    });

    it('should refuse a missing Authorization header with 401', async () => {
      expect((await call(`${dl()}/tokens/generate`, 'POST')).status).to.equal(401);
    });

    it('should issue a token bound to a new conversation and to the requested user', async () => {
      const res = await call(`${dl()}/tokens/generate`, 'POST', SECRET, { user: { id: 'dl_traveller42' } });
      expect(res.status).to.equal(200);
      expect(res.json.conversationId).to.be.a('string').with.length.above(10);
      expect(res.json.expires_in).to.equal(1800);
      const claims = h.directLine.tokens.verify(String(res.json.token));
      expect(claims).to.include({ conversationId: res.json.conversationId, userId: 'dl_traveller42' });
    });
  });

  describe('POST /conversations', () => {
    it('should start the conversation, send membersAdded to the bot and stream the welcome', async () => {
      const conv = await startConversation();
      const update = bot.received.find((a) => a.conversation.id === conv.conversationId && a.type === 'conversationUpdate');
      expect(update?.membersAdded).to.be.an('array').with.length(1);
      const stream = await StreamClient.open(conv.streamUrl);
      try {
        const welcome = await stream.waitFor((a) => a.text === 'Welcome to the echo bot');
        expect(welcome.id).to.equal(`${conv.conversationId}|0000000`);
        expect(welcome).to.not.have.property('serviceUrl');
      } finally {
        stream.close();
      }
    });

    it('should not start the same conversation twice', async () => {
      const conv = await startConversation();
      const again = await call(`${dl()}/conversations`, 'POST', conv.token);
      expect(again.status).to.equal(200);
      expect(bot.received.filter((a) => a.conversation.id === conv.conversationId && a.type === 'conversationUpdate')).to.have.length(1);
    });
  });

  describe('POST /conversations/:id/activities', () => {
    it('should echo the user activity with its id and deliver the bot reply on the stream', async () => {
      const conv = await startConversation();
      const stream = await StreamClient.open(conv.streamUrl);
      try {
        const posted = await call(`${dl()}/conversations/${conv.conversationId}/activities`, 'POST', conv.token, {
          type: 'message', text: 'hello', from: { id: 'someone-else' }, channelData: { clientActivityID: 'c1' },
        });
        expect(posted.status).to.equal(200);
        expect(posted.json.id).to.equal(`${conv.conversationId}|0000001`);
        const echo = await stream.waitFor((a) => a.id === posted.json.id);
        expect(echo).to.nested.include({ text: 'hello', 'channelData.clientActivityID': 'c1', 'from.role': 'user' });
        expect((echo.from as { id: string }).id).to.match(/^dl_/);
        await stream.waitFor((a) => a.type === 'typing');
        const reply = await stream.waitFor((a) => a.text === 'echo: hello');
        expect(reply.replyToId).to.equal(posted.json.id);
      } finally {
        stream.close();
      }
    });

    it('should refuse an activity without a type with 400', async () => {
      const conv = await startConversation();
      const res = await call(`${dl()}/conversations/${conv.conversationId}/activities`, 'POST', conv.token, { text: 'no type' });
      expect(res.status).to.equal(400);
    });
  });

  describe('GET /conversations/:id/activities', () => {
    it('should return the activities after the watermark', async () => {
      const conv = await startConversation();
      await call(`${dl()}/conversations/${conv.conversationId}/activities`, 'POST', conv.token, { type: 'message', text: 'one' });
      const all = await call(`${dl()}/conversations/${conv.conversationId}/activities`, 'GET', conv.token);
      expect((all.json.activities as Array<{ text: string }>).map((a) => a.text)).to.deep.equal(['Welcome to the echo bot', 'one', 'echo: one']);
      expect(all.json.watermark).to.equal('2');
      const later = await call(`${dl()}/conversations/${conv.conversationId}/activities?watermark=1`, 'GET', conv.token);
      expect((later.json.activities as Array<{ text: string }>).map((a) => a.text)).to.deep.equal(['echo: one']);
    });
  });

  describe('GET /conversations/:id', () => {
    it('should return a fresh streamUrl that resumes after the watermark', async () => {
      const conv = await startConversation();
      await call(`${dl()}/conversations/${conv.conversationId}/activities`, 'POST', conv.token, { type: 'message', text: 'two' });
      const again = await call(`${dl()}/conversations/${conv.conversationId}?watermark=1`, 'GET', conv.token);
      expect(again.status).to.equal(200);
      expect(again.json.streamUrl).to.be.a('string').and.not.equal(conv.streamUrl);
      const stream = await StreamClient.open(String(again.json.streamUrl));
      try {
        const first = await stream.waitFor(() => true);
        expect(first.text).to.equal('echo: two');
      } finally {
        stream.close();
      }
    });
  });

  describe('POST /tokens/refresh', () => {
    it('should return a new token for the same conversation', async () => {
      const conv = await startConversation();
      clock.advance(5);
      const res = await call(`${dl()}/tokens/refresh`, 'POST', conv.token);
      expect(res.status).to.equal(200);
      expect(res.json.token).to.be.a('string').and.not.equal(conv.token);
      expect(h.directLine.tokens.verify(String(res.json.token)).conversationId).to.equal(conv.conversationId);
    });
  });

  describe('isolation', () => {
    it("should refuse a token for conversation A on conversation B with 403", async () => {
      const a = await startConversation();
      const b = await startConversation();
      const read = await call(`${dl()}/conversations/${b.conversationId}/activities`, 'GET', a.token);
      const post = await call(`${dl()}/conversations/${b.conversationId}/activities`, 'POST', a.token, { type: 'message', text: 'intrusion' });
      const reconnect = await call(`${dl()}/conversations/${b.conversationId}`, 'GET', a.token);
      expect([read.status, post.status, reconnect.status]).to.deep.equal([403, 403, 403]);
      const bActivities = await call(`${dl()}/conversations/${b.conversationId}/activities`, 'GET', b.token);
      expect(JSON.stringify(bActivities.json)).to.not.include('intrusion');
    });

    it("should refuse A's stream token on B's stream", async () => {
      const a = await startConversation();
      const b = await startConversation();
      const forged = String(a.streamUrl).replace(encodeURIComponent(a.conversationId), encodeURIComponent(b.conversationId));
      await expectRejected(StreamClient.open(forged), /403/);
    });

    it('should refuse a conversation token used as a stream token', async () => {
      const a = await startConversation();
      const wrongKind = String(a.streamUrl).replace(/t=[^&]+/, `t=${a.token}`);
      await expectRejected(StreamClient.open(wrongKind), /401/);
    });
  });

  describe('expiry', () => {
    it('should refuse an expired token with 403 TokenExpired, as the hosted service does', async () => {
      const conv = await startConversation();
      clock.advance(31 * 60);
      const res = await call(`${dl()}/conversations/${conv.conversationId}/activities`, 'GET', conv.token);
      expect(res.status).to.equal(403);
      expect(res.json).to.have.nested.property('error.details.directLineCode', 'TokenExpired');
      const refresh = await call(`${dl()}/tokens/refresh`, 'POST', conv.token);
      expect(refresh.status).to.equal(403);
    });

    it('should refuse a tampered token with 401', async () => {
      const conv = await startConversation();
      const [head, , sig] = conv.token.split('.');
      const body = Buffer.from(JSON.stringify({ conv: 'other', user: 'x', typ: 'conversation' })).toString('base64url');
      const res = await call(`${dl()}/conversations/other/activities`, 'GET', `${head}.${body}.${sig}`);
      expect(res.status).to.equal(401);
    });
  });
});

async function expectRejected(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  let error: unknown = null;
  try {
    await promise;
  } catch (err) {
    error = err;
  }
  expect(String(error)).to.match(pattern);
}
