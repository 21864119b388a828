import { expect } from 'chai';
import { registerWebChat, RESUME_COOKIE } from '../../src/http/web';
import { silentLogger } from '../../src/shared/logger';
import { FakeBotGateway } from '../fakes/fakeBotGateway';
import { call, startHarness, type Harness } from '../http/directline/directLineHarness';

describe('registerWebChat()', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new FakeBotGateway(), undefined, [(directLine) => (server) => registerWebChat(server, { directLine, logger: silentLogger })]);
  });
  after(async () => h.close());

  async function session(body: unknown, cookie?: string) {
    const res = await fetch(`${h.url}/api/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { status: res.status, json: (await res.json()) as { token: string; conversationId: string; resumed: boolean; userId: string }, setCookie };
  }

  describe('GET /', () => {
    it('should serve the page with a CSP whose style nonce matches the one the page passes to Web Chat', async () => {
      const res = await fetch(`${h.url}/`);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(res.status).to.equal(200);
      expect(nonce).to.be.a('string');
      expect(html).to.include(`content="${nonce}"`);
      expect(csp).to.include("script-src 'self'").and.not.include('unsafe');
      expect(html).to.not.match(/<script>(?!<\/script>)/);
    });
  });

  describe('GET /assets/webchat.js', () => {
    it('should serve the Web Chat bundle from node_modules, gzipped when accepted', async () => {
      const res = await fetch(`${h.url}/assets/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-encoding')).to.equal('gzip');
      const text = await res.text();
      expect(text.length).to.be.above(1_000_000);
      expect(text).to.include('renderWebChat');
    });

    it('should answer 404 for files outside the list', async () => {
      expect((await fetch(`${h.url}/assets/..%2Fpackage.json`)).status).to.equal(404);
      expect((await fetch(`${h.url}/assets/index.html`)).status).to.equal(404);
    });
  });

  describe('POST /api/webchat/token', () => {
    it('should give a new conversation token and an HttpOnly resume cookie, never the secret', async () => {
      const first = await session({});
      expect(first.status).to.equal(200);
      expect(first.json.resumed).to.equal(false);
      expect(first.setCookie).to.include(`${RESUME_COOKIE}=`).and.include('HttpOnly').and.include('SameSite=Strict');
      expect(JSON.stringify(first.json)).to.not.include('test-secret');
    });

    it('should resume the conversation with the page token once the conversation exists', async () => {
      const first = await session({});
      await call(`${h.url}/v3/directline/conversations`, 'POST', first.json.token);
      const again = await session({ token: first.json.token });
      expect(again.json).to.include({ resumed: true, conversationId: first.json.conversationId, userId: first.json.userId });
    });

    it('should resume with the cookie alone when the page lost its token', async () => {
      const first = await session({});
      await call(`${h.url}/v3/directline/conversations`, 'POST', first.json.token);
      const cookie = first.setCookie.split(';')[0]!;
      const again = await session({ token: 'garbage' }, cookie);
      expect(again.json).to.include({ resumed: true, conversationId: first.json.conversationId });
    });

    it('should start over when asked for a fresh conversation', async () => {
      const first = await session({});
      await call(`${h.url}/v3/directline/conversations`, 'POST', first.json.token);
      const fresh = await session({ fresh: true, token: first.json.token });
      expect(fresh.json.resumed).to.equal(false);
      expect(fresh.json.conversationId).to.not.equal(first.json.conversationId);
    });
  });
});
