import { expect } from 'chai';
import { createServer } from 'node:net';
import { removeDir, startApp, tempDataDir, useTestApp, type RunningApp } from '../helpers/testApp';
import { scrape } from './exposition';

const AGENT_TOKEN = 'ana-token-0123456789abcdef';
const OWNER_TOKEN = 'olga-token-0123456789abcdef';
const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
const PEOPLE = { REBOUND_AGENTS: `Ana:${AGENT_TOKEN}`, REBOUND_OWNERS: `Olga:${OWNER_TOKEN}` };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A port free right now (the OS hands out a fresh one for port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /metrics access', () => {
  describe('on PORT', () => {
    const app = useTestApp({ ...PEOPLE, METRICS_TOKEN });

    it('should answer 401 without a token or with an unknown one', async () => {
      expect((await fetch(`${app.get().url}/metrics`)).status).to.equal(401);
      expect((await fetch(`${app.get().url}/metrics`, { headers: bearer('not-a-token-0123456789') })).status).to.equal(401);
    });

    it("should answer 403 to an agent's token", async () => {
      const res = await fetch(`${app.get().url}/metrics`, { headers: bearer(AGENT_TOKEN) });
      expect(res.status).to.equal(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('FORBIDDEN');
    });

    it('should serve METRICS_TOKEN and an owner token', async () => {
      expect((await scrape(app.get().url, bearer(METRICS_TOKEN))).has('rebound_build_info')).to.equal(true);
      expect((await scrape(app.get().url, bearer(OWNER_TOKEN))).has('rebound_http_requests_total')).to.equal(true);
    });
  });

  describe('on METRICS_PORT', () => {
    const apps: RunningApp[] = [];
    const dirs: string[] = [];
    let open = '';
    let guarded = '';
    let main = '';

    /** Starts an app whose metrics are on a port of their own; resolves with that port's URL. */
    async function withMetricsPort(env: Record<string, string>): Promise<string> {
      const port = await freePort();
      dirs.push(tempDataDir());
      const running = await startApp({ ...PEOPLE, ...env, DATA_DIR: dirs[dirs.length - 1]!, METRICS_PORT: String(port) });
      apps.push(running);
      main = running.url;
      return `http://127.0.0.1:${port}`;
    }

    before(async function () {
      this.timeout(30_000);
      guarded = await withMetricsPort({ METRICS_TOKEN });
      open = await withMetricsPort({});
    });
    after(async () => {
      await Promise.all(apps.map((a) => a.stop()));
      dirs.forEach(removeDir);
    });

    it('should serve the scrape there without a token when none is set, and nothing else', async () => {
      expect((await scrape(open)).has('rebound_build_info')).to.equal(true);
      expect((await fetch(`${open}/healthz`)).status).to.equal(404);
      expect((await fetch(`${open}/metrics`, { method: 'POST' })).status).to.equal(405);
    });

    it('should not serve /metrics on PORT then', async () => {
      expect((await fetch(`${main}/metrics`, { headers: bearer(OWNER_TOKEN) })).status).to.equal(404);
    });

    it('should ask for METRICS_TOKEN when one is set (an owner token is not taken there)', async () => {
      expect((await fetch(`${guarded}/metrics`)).status).to.equal(401);
      expect((await fetch(`${guarded}/metrics`, { headers: bearer(OWNER_TOKEN) })).status).to.equal(401);
      expect((await scrape(guarded, bearer(METRICS_TOKEN))).has('rebound_build_info')).to.equal(true);
    });
  });

  describe('with METRICS_ENABLED=false', () => {
    const app = useTestApp({ ...PEOPLE, METRICS_ENABLED: 'false' });

    it('should have no /metrics route, and serve the bot as before', async () => {
      expect((await fetch(`${app.get().url}/metrics`, { headers: bearer(OWNER_TOKEN) })).status).to.equal(404);
      const replies = await app.get().client().say('how long does a refund take?');
      expect(replies.length).to.be.greaterThan(0);
    });
  });
});
