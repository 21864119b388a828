import { expect } from 'chai';
import type { RunningApp } from '../../helpers/testApp';
import { ADMIN_ENV, AdminClient, answerWithin } from './adminClient';
import { freshSchema, startTwoApps, stopAndDropSchema } from '../../helpers/pgApps';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;
const ANSWER = 'SNORKEL: snorkelling gear is included on every boat tour.';

if (PG_URL) {
  const url = PG_URL;
  describe('AdminApi on two instances sharing PostgreSQL', () => {
    const schema = freshSchema('rb_admin');
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(30_000);
      [a, b] = await startTwoApps(url, schema, ADMIN_ENV);
    });
    after(async () => {
      await stopAndDropSchema(url, schema, [a, b]);
    });

    describe('POST /api/admin/kb/publish', () => {
      it('should have instance B answer from the version published on instance A, with no restart', async function () {
        this.timeout(90_000);
        const owner = new AdminClient(a.url);
        await owner.expect(201, 'POST', '/faqs', { body: { id: 'snorkel-gear', questions: ['Is snorkelling gear included on boat tours?'], answer: ANSWER, tags: ['tours'] } });
        const published = await owner.expect(201, 'POST', '/kb/publish', { body: { message: 'snorkel' } });
        // B swaps the KB as soon as A's event arrives, and its NLU retrains in a worker thread meanwhile (five averaged
        // models, about 12 s here): a new conversation for each question (two misunderstandings in one would bring in a person).
        expect(await answerWithin(() => b.client().say('is snorkeling gear included on boat tours?'), ANSWER, 45_000)).to.equal(true);
        expect(b.app.knowledge.current().version).to.equal(published.body.version);
        // B sees A's history and audit trail too: one store.
        const versions = (await new AdminClient(b.url).expect(200, 'GET', '/kb/versions')).body.versions as Array<{ version: number }>;
        expect(versions[0]!.version).to.equal(published.body.version);
      });
    });
  });
}
