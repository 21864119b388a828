import { expect } from 'chai';
import WebSocket from 'ws';
import { securityHeaders } from '../../src/http/securityHeaders';
import { listRoutes } from '../fuzz/routeTable';
import { useTestApp } from '../helpers/testApp';

const EVERY_RESPONSE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The launcher script is loaded by the platform's pages (EMBED_ORIGINS): the one file another origin may read. */
const CROSS_ORIGIN_READABLE = new Set(['GET /embed.js']);

function expectSecurityHeaders(res: Response, what: string): void {
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) {
    const wanted = name === 'cross-origin-resource-policy' && CROSS_ORIGIN_READABLE.has(what) ? 'cross-origin' : value;
    expect(res.headers.get(name), `${what}: ${name}`).to.equal(wanted);
  }
}

describe('securityHeaders', () => {
  describe('securityHeaders()', () => {
    it('should add Strict-Transport-Security only when the public address is https', () => {
      expect(securityHeaders({ publicUrl: 'https://bot.example.com' })['Strict-Transport-Security']).to.match(/^max-age=\d+/);
      expect(securityHeaders({ publicUrl: 'http://localhost:3978' })).not.to.have.property('Strict-Transport-Security');
      expect(securityHeaders({})).not.to.have.property('Strict-Transport-Security');
    });
  });

  describe('registerSecurityHeaders()', () => {
    const app = useTestApp();

    it('should put the security headers on every route of the server, on 404s and on 405s', async () => {
      const routes = listRoutes(app.get().app.server);
      expect(routes.length).to.be.greaterThan(8);
      for (const r of routes) {
        const res = await fetch(`${app.get().url}${r.path}`, { method: r.method, ...(r.method === 'GET' || r.method === 'HEAD' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }) });
        await res.arrayBuffer();
        expect(res.status, `${r.method} ${r.pattern}`).to.be.below(500);
        expectSecurityHeaders(res, `${r.method} ${r.pattern}`);
      }
      for (const [method, path] of [['GET', '/no/such/page'], ['DELETE', '/api/messages']]) {
        const res = await fetch(`${app.get().url}${path}`, { method });
        await res.arrayBuffer();
        expect(res.status).to.be.oneOf([404, 405]);
        expectSecurityHeaders(res, `${method} ${path}`);
      }
    });

    it('should serve every page with one strict Content-Security-Policy (no inline script, no framing)', async () => {
      const pages = listRoutes(app.get().app.server).filter((r) => r.method === 'GET' && !r.pattern.includes(':') && !r.pattern.startsWith('/api/') && !r.pattern.startsWith('/v3/') && r.pattern !== '/healthz');
      expect(pages.map((p) => p.pattern)).to.include('/');
      for (const page of pages) {
        const res = await fetch(`${app.get().url}${page.path}`);
        await res.arrayBuffer();
        if (!String(res.headers.get('content-type')).startsWith('text/html')) continue;
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, page.pattern).to.include("frame-ancestors 'none'");
        expect(csp, page.pattern).to.include("default-src 'none'");
        expect(csp, page.pattern).to.match(/script-src 'self'(;|$)/);
        expect(csp, page.pattern).not.to.include('unsafe-inline');
        expect(csp, page.pattern).not.to.include(','); // one policy, not two merged by a repeated header
      }
    });
  });
});

describe('body limits', () => {
  const app = useTestApp({ MAX_BODY_BYTES: '4096' });

  for (const path of ['/api/messages', '/v3/directline/conversations/x/activities', '/api/webchat/token', '/v3/directline/tokens/generate']) {
    it(`should answer 413 PAYLOAD_TOO_LARGE to an oversized body on ${path}, and keep serving`, async () => {
      const body = JSON.stringify({ type: 'message', text: 'x'.repeat(20_000) });
      const res = await fetch(`${app.get().url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(res.status).to.equal(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('PAYLOAD_TOO_LARGE');
      expect((await fetch(`${app.get().url}/healthz`)).status).to.equal(200);
    });
  }

  it('should close a Direct Line stream that sends a frame over 64 KB (1009) and keep serving', async () => {
    const { url } = app.get();
    const started = (await (await fetch(`${url}/api/webchat/token`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as { token: string };
    const conv = (await (await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${started.token}` } })).json()) as { streamUrl: string };
    const ws = new WebSocket(conv.streamUrl);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(70 * 1024));
    expect(await closed).to.equal(1009);
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
  });
});
