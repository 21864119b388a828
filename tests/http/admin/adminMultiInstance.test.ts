import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemClock } from '../../../src/shared/clock';
import { silentLogger } from '../../../src/shared/logger';
import { createStores } from '../../../src/storage';
import { startApp, type RunningApp } from '../../helpers/testApp';
import { ADMIN_ENV, AdminClient, answerWithin } from './adminClient';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;
const ANSWER = 'SNORKEL: snorkelling gear is included on every boat tour.';

if (PG_URL) {
  const url = PG_URL;
  describe('AdminApi on two instances sharing PostgreSQL', () => {
    const schema = `rb_admin_${randomBytes(5).toString('hex')}`;
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(30_000);
      const open = () => createStores({ databaseUrl: url, schema }, { clock: systemClock, logger: silentLogger });
      a = await startApp({ DATABASE_URL: url, ...ADMIN_ENV }, { stores: await open() });
      b = await startApp({ DATABASE_URL: url, ...ADMIN_ENV }, { stores: await open() });
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    });

    describe('POST /api/admin/kb/publish', () => {
      it('should have instance B answer from the version published on instance A within 5 seconds', async function () {
        this.timeout(30_000);
        const owner = new AdminClient(a.url);
        await owner.expect(201, 'POST', '/faqs', { body: { id: 'snorkel-gear', questions: ['Is snorkelling gear included on boat tours?'], answer: ANSWER, tags: ['tours'] } });
        const published = await owner.expect(201, 'POST', '/kb/publish', { body: { message: 'snorkel' } });
        // B swaps the KB as soon as A's event arrives, and its NLU retrains in the background meanwhile: a new
        // conversation for each question (two misunderstandings in one would bring in a person).
        const started = Date.now();
        expect(await answerWithin(() => b.client().say('is snorkeling gear included on boat tours?'), ANSWER, 5_000)).to.equal(true);
        expect(Date.now() - started).to.be.below(5_000);
        expect(b.app.knowledge.current().version).to.equal(published.body.version);
        // B sees A's history and audit trail too: one store.
        const versions = (await new AdminClient(b.url).expect(200, 'GET', '/kb/versions')).body.versions as Array<{ version: number }>;
        expect(versions[0]!.version).to.equal(published.body.version);
      });
    });
  });
}
