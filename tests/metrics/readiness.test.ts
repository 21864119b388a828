import { expect } from 'chai';
import { createApp } from '../../src/app';
import { listenStartupProbes } from '../../src/http/startupProbes';
import { Readiness } from '../../src/metrics';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores, type Stores } from '../../src/storage';
import { withOutageSwitch, type OutageSwitch } from '../faults/outageSwitch';
import { removeDir, startApp, tempDataDir, testConfig, type RunningApp } from '../helpers/testApp';

const ok = async () => ({ ok: true, backend: 'sqlite' });

async function probe(url: string, path: '/readyz' | '/healthz'): Promise<{ status: number; body: { ready?: boolean; reasons?: string[]; status?: string } }> {
  const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as { ready?: boolean; reasons?: string[]; status?: string } };
}

describe('Readiness', () => {
  describe('report()', () => {
    it('should be not ready until start-up is over, with the phase as the reason', async () => {
      const readiness = new Readiness();
      expect(await readiness.report()).to.deep.equal({ ready: false, reasons: ['starting'] });
      readiness.begin('migrating');
      expect((await readiness.report()).reasons).to.include('migrating');
      readiness.end('migrating');
      readiness.started(ok);
      expect(await readiness.report()).to.deep.include({ ready: true, reasons: [] });
    });

    it('should be not ready while the storage probe fails, throws or does not answer in time', async () => {
      for (const storage of [async () => ({ ok: false, backend: 'postgres' }), () => Promise.reject(new Error('refused')), () => new Promise<never>(() => undefined)]) {
        const readiness = new Readiness(50);
        readiness.started(storage);
        expect(await readiness.report()).to.deep.include({ ready: false, reasons: ['storage unreachable'] });
      }
    });

    it('should stay not ready for good once draining began', async () => {
      const readiness = new Readiness();
      readiness.started(ok);
      readiness.drain();
      expect(await readiness.report()).to.deep.equal({ ready: false, reasons: ['shutting down'] });
      expect(readiness.readyWithoutProbe).to.equal(false);
    });
  });

  describe('start-up', () => {
    it('should report the phase while createApp() loads the knowledge base', async function () {
      this.timeout(30_000);
      const dataDir = tempDataDir();
      const real = await createStores({ dataDir }, { clock: systemClock, logger: silentLogger });
      // The knowledge base read waits until the test lets it go.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reading!: () => void;
      const reached = new Promise<void>((resolve) => (reading = resolve));
      const getPublished = real.knowledge.getPublished.bind(real.knowledge);
      const stores: Stores = { ...real, knowledge: Object.assign(Object.create(real.knowledge) as Stores['knowledge'], { getPublished: async () => (reading(), await gate, getPublished()) }) };
      const readiness = new Readiness();
      const building = createApp(testConfig({ DATA_DIR: dataDir }), { logger: silentLogger, stores, readiness });
      try {
        await reached;
        expect((await readiness.report()).reasons).to.include('loading knowledge base');
      } finally {
        release();
      }
      const app = await building;
      try {
        await app.start(0, '127.0.0.1');
        expect((await app.readiness.report()).ready).to.equal(true);
      } finally {
        await app.stop();
        removeDir(dataDir);
      }
    });

    it('should serve the start-up probes on the port while the app is built', async () => {
      const readiness = new Readiness();
      readiness.begin('migrating');
      const server = await listenStartupProbes(readiness, 0, '127.0.0.1');
      try {
        const url = `http://127.0.0.1:${server.address().port}`;
        const ready = await probe(url, '/readyz');
        expect(ready.status).to.equal(503);
        expect(ready.body.reasons).to.include('migrating');
        expect((await probe(url, '/healthz')).status).to.equal(200);
        expect((await fetch(`${url}/api/messages`, { method: 'POST' })).status).to.equal(503);
      } finally {
        await server.close();
      }
    });
  });

  describe('/readyz and /healthz of a running app', () => {
    let running: RunningApp;
    let outage: OutageSwitch;
    let dataDir: string;

    beforeEach(async function () {
      this.timeout(30_000);
      dataDir = tempDataDir();
      const wrapped = withOutageSwitch(await createStores({ dataDir }, { clock: systemClock, logger: silentLogger }));
      outage = wrapped.outage;
      running = await startApp({ DATA_DIR: dataDir }, { stores: wrapped.stores });
    });
    afterEach(async () => {
      outage.down = false;
      await running.stop();
      removeDir(dataDir);
    });

    it('should answer /readyz 503 while the storage is down, /healthz still 200, and 200 again once it is back', async () => {
      expect((await probe(running.url, '/readyz')).status).to.equal(200);
      outage.down = true;
      const down = await probe(running.url, '/readyz');
      expect(down.status).to.equal(503);
      expect(down.body.reasons).to.deep.equal(['storage unreachable']);
      const live = await probe(running.url, '/healthz');
      expect(live.status).to.equal(200);
      expect(live.body.status).to.equal('degraded');
      outage.down = false;
      expect((await probe(running.url, '/readyz')).status).to.equal(200);
    });

    it('should answer /readyz 503 from the moment shutdown begins, while requests are still served', async () => {
      running.app.drain();
      const draining = await probe(running.url, '/readyz');
      expect(draining.status).to.equal(503);
      expect(draining.body.reasons).to.deep.equal(['shutting down']);
      expect((await probe(running.url, '/healthz')).status).to.equal(200);
      const replies = await running.client().say('how long does a refund take?');
      expect(replies.length, 'a traveller mid-drain is still answered').to.be.greaterThan(0);
    });

    it('should turn not ready before stop() closes anything', async () => {
      expect(running.app.readiness.readyWithoutProbe).to.equal(true);
      const stopping = running.stop();
      expect(running.app.readiness.isDraining).to.equal(true);
      await stopping;
    });
  });
});
