import { expect } from 'chai';
import { useTestApp } from '../helpers/testApp';

describe('registerAdminConsole', () => {
  const app = useTestApp({ REBOUND_OWNERS: 'olivia:owner-console-token-0123456789' });

  describe('GET /admin', () => {
    it('should serve the console page with a strict Content-Security-Policy and no caching', async () => {
      const res = await fetch(`${app.get().url}/admin`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).to.include("default-src 'none'").and.include("script-src 'self'").and.include("connect-src 'self'");
      expect(csp).not.to.include('unsafe-inline');
      expect(res.headers.get('cache-control')).to.equal('no-store');
      const html = await res.text();
      expect(html).to.include('<script type="module" src="/admin/assets/main.js">');
      expect(html).not.to.match(/<script>(?!<\/script>)/);
    });
  });

  describe('GET /admin/assets/:name', () => {
    it('should serve the page\'s modules as JavaScript, gzipped when accepted', async () => {
      const res = await fetch(`${app.get().url}/admin/assets/main.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/javascript; charset=utf-8');
      expect(res.headers.get('content-encoding')).to.equal('gzip');
      expect(await res.text()).to.include("from './api.js'");
    });

    it('should answer 404 for a file that is not in public/admin, whatever the name', async () => {
      for (const name of ['nope.js', '..%2F..%2Fpackage.json', '..%2Fchat.js', 'index.html%00.js']) {
        const res = await fetch(`${app.get().url}/admin/assets/${name}`);
        expect(res.status, name).to.equal(404);
        expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('NOT_FOUND');
      }
    });
  });
});
