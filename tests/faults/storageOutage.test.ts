import { expect } from 'chai';
import { createStores } from '../../src/storage';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { withOutageSwitch, type OutageSwitch } from './outageSwitch';

const message = (text: string) => ({ type: 'message', text });

describe('storage outage (SQLite, mid-traffic)', () => {
  let running: RunningApp;
  let outage: OutageSwitch;
  let dataDir: string;

  before(async function () {
    this.timeout(30_000);
    dataDir = tempDataDir();
    const real = await createStores({ dataDir }, { clock: systemClock, logger: silentLogger });
    const wrapped = withOutageSwitch(real);
    outage = wrapped.outage;
    running = await startApp({ DATA_DIR: dataDir }, { stores: wrapped.stores });
  });
  after(async () => {
    outage.down = false;
    await running.stop();
    removeDir(dataDir);
  });

  it('should answer 503 STORAGE_UNAVAILABLE with Retry-After while the database is down, and come back by itself', async () => {
    const client = running.client();
    const acknowledged: string[] = [];
    for (const text of ['hello', 'how long does a refund take?']) {
      const answer = await client.post(client.activity(message(text)));
      expect(answer.status, text).to.equal(200);
      acknowledged.push(text);
    }

    outage.down = true;
    const refused = await fetch(`${running.url}/api/messages`, { method: 'POST', body: JSON.stringify(client.activity(message('I was charged twice'))), headers: { 'content-type': 'application/json' } });
    expect(refused.status).to.equal(503);
    expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('STORAGE_UNAVAILABLE');
    // Liveness holds (no restart for an outage); readiness takes the instance out of the load balancer.
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).to.equal(200);
    expect(((await health.json()) as { status: string; storage: { ok: boolean } })).to.deep.include({ status: 'degraded', storage: { ok: false, backend: 'sqlite', detail: 'attempt to write a readonly database (injected)' } });
    expect((await fetch(`${running.url}/readyz`)).status).to.equal(503);
    expect(outage.refused).to.be.greaterThan(0);

    outage.down = false;
    // The channel resends what was refused: it goes through now, with no restart.
    const resent = await client.post(client.activity(message('I was charged twice')));
    expect(resent.status).to.equal(200);
    acknowledged.push('I was charged twice');
    expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);
    expect((await fetch(`${running.url}/readyz`)).status).to.equal(200);

    // Nothing acknowledged is lost: every message answered 200 is in the stored transcript, once.
    const lines = (await running.app.stores.transcripts.list(client.conversationId)).filter((l) => l.from === 'traveller').map((l) => l.text);
    expect(lines).to.deep.equal(acknowledged);
  });

  it('should answer a Direct Line message with 503 and Retry-After while down, and take it again after', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${running.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    const session = (await (await post('/api/webchat/token', {})).json()) as { token: string; conversationId: string };
    expect((await post('/v3/directline/conversations', {}, session.token)).status).to.be.oneOf([200, 201]);
    const activities = `/v3/directline/conversations/${encodeURIComponent(session.conversationId)}/activities`;
    const text = { type: 'message', text: 'how long does a refund take?', from: { id: 'x' } };
    outage.down = true;
    try {
      const refused = await post(activities, text, session.token);
      expect(refused.status).to.equal(503);
      expect(refused.headers.get('retry-after')).to.match(/^\d+$/);
      expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('STORAGE_UNAVAILABLE');
    } finally {
      outage.down = false;
    }
    expect((await post(activities, text, session.token)).status).to.equal(200);
    expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);
  });
});
