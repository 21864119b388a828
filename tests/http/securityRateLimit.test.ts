import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { StaticTokenAuthenticator, requireRole } from '../../src/http/auth';
import { route } from '../../src/http/errors';
import { TokenBucketLimiter } from '../../src/http/rateLimit';
import { registerRateLimits, type RateLimitSettings } from '../../src/http/rateLimitRules';
import { makeServer } from '../../src/server';
import { silentLogger } from '../../src/shared/logger';
import { FakeBotGateway } from '../fakes/fakeBotGateway';
import { useTestApp } from '../helpers/testApp';

describe('TokenBucketLimiter', () => {
  describe('take()', () => {
    it('should allow the capacity at once, refuse the next with a retry time, and refill over time', () => {
      let now = 0;
      const limiter = new TokenBucketLimiter({ capacity: 3, perSeconds: 60 }, () => now);
      for (let i = 0; i < 3; i += 1) expect(limiter.take('a').allowed).to.equal(true);
      expect(limiter.take('a')).to.deep.equal({ allowed: false, retryAfterSeconds: 20 });
      expect(limiter.take('b').allowed, 'another key has its own bucket').to.equal(true);
      now += 20_000;
      expect(limiter.take('a').allowed).to.equal(true);
      expect(limiter.take('a').allowed).to.equal(false);
    });

    it('should drop buckets that refilled completely and never hold more than maxKeys', () => {
      let now = 0;
      const limiter = new TokenBucketLimiter({ capacity: 5, perSeconds: 1 }, () => now, 100);
      for (let i = 0; i < 1000; i += 1) limiter.take(`k${i}`);
      expect(limiter.size).to.equal(100);
      now += 5_000;
      limiter.take('fresh');
      expect(limiter.size).to.equal(1);
    });
  });

  describe('check()', () => {
    it('should not consume tokens', () => {
      const limiter = new TokenBucketLimiter({ capacity: 1, perSeconds: 60 }, () => 0);
      expect(limiter.check('a').allowed).to.equal(true);
      expect(limiter.check('a').allowed).to.equal(true);
      limiter.take('a');
      expect(limiter.check('a').allowed).to.equal(false);
    });
  });
});

async function expect429(res: Response): Promise<void> {
  expect(res.status).to.equal(429);
  expect(Number(res.headers.get('retry-after'))).to.be.greaterThan(0);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).to.equal('RATE_LIMITED');
  expect(body.error.message).to.match(/retry in \d+ s/);
}

describe('registerRateLimits()', () => {
  describe('on the public endpoints of the app', () => {
    const app = useTestApp({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '3', RATE_LIMIT_TOKENS_PER_MINUTE: '2' });
    const activity = (conversation: string) => ({ type: 'conversationUpdate', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: conversation }, membersAdded: [] });
    const post = (path: string, body: unknown) => fetch(`${app.get().url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

    it('should limit /api/messages per conversation, not per client', async () => {
      for (let i = 0; i < 3; i += 1) expect((await post('/api/messages', activity('c1'))).status).to.be.below(400);
      await expect429(await post('/api/messages', activity('c1')));
      expect((await post('/api/messages', activity('c2'))).status).to.be.below(400);
    });

    it('should limit web chat token requests per client', async () => {
      for (let i = 0; i < 2; i += 1) expect((await post('/api/webchat/token', { fresh: true })).status).to.equal(200);
      await expect429(await post('/api/webchat/token', { fresh: true }));
      expect((await fetch(`${app.get().url}/healthz`)).status, 'other routes keep serving').to.equal(200);
    });
  });

  describe('on sign-in prefixes', () => {
    const settings: RateLimitSettings = { enabled: true, conversationPerMinute: 100, clientPerMinute: 100, tokensPerMinute: 100, authFailuresPer15Minutes: 3, trustProxy: true };
    const auth = new StaticTokenAuthenticator({ owner: [{ name: 'olga', token: 'owner-token-0123456789' }] });
    let url = '';
    const server = makeServer({
      logger: silentLogger,
      bot: new FakeBotGateway(),
      health: { health: async () => ({ status: 'ok', version: 't', uptimeSeconds: 0, knowledgeBase: null, storage: { ok: true, backend: 'memory' }, authentication: 'none (local use)' }) },
      maxBodyBytes: 4096,
      rateLimits: settings,
      extraRoutes: [(s) => s.get('/api/admin/probe', route(silentLogger, async (req, res) => void res.json({ who: requireRole(auth, req, 'owner').name })))],
    });
    before(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin/probe`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const probe = (token: string, ip: string) => fetch(url, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `203.0.113.9, ${ip}` } });

    it('should refuse a client, even with a right token, once its 401s spend the failure budget', async () => {
      expect((await probe('owner-token-0123456789', '198.51.100.1')).status).to.equal(200);
      for (let i = 0; i < 3; i += 1) expect((await probe('wrong-token-wrong-token', '198.51.100.1')).status).to.equal(401);
      await expect429(await probe('owner-token-0123456789', '198.51.100.1'));
      expect((await probe('owner-token-0123456789', '198.51.100.2')).status, 'another client is not affected').to.equal(200);
    });
  });

  it('should install nothing when disabled', () => {
    const calls: unknown[] = [];
    const fakeServer = { use: (h: unknown) => calls.push(h) } as unknown as Parameters<typeof registerRateLimits>[0];
    registerRateLimits(fakeServer, { enabled: false, conversationPerMinute: 1, clientPerMinute: 1, tokensPerMinute: 1, authFailuresPer15Minutes: 1, trustProxy: false }, silentLogger);
    expect(calls).to.have.length(0);
  });
});
