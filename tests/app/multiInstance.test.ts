import { expect } from 'chai';
import { transition } from '../../src/handoff/caseModel';
import type { Stores } from '../../src/storage/ports';
import { buttonsOf, textOf } from '../helpers/botClient';
import type { RunningApp } from '../helpers/testApp';
import { freshSchema, startTwoApps, stopAndDropSchema } from '../helpers/pgApps';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;

/** Counts the turns inside a conversation lock across every instance of this process. */
class OverlapProbe {
  private inside = 0;
  maxInside = 0;

  /** The stores with their conversation lock wrapped so every turn is counted. */
  wrap(stores: Stores): Stores {
    const locks = stores.locks;
    return {
      ...stores,
      locks: {
        withLock: (key, fn) =>
          locks.withLock(key, async () => {
            this.maxInside = Math.max(this.maxInside, ++this.inside);
            try {
              return await fn();
            } finally {
              this.inside--;
            }
          }),
      },
    };
  }
}

if (PG_URL) {
  const url = PG_URL;
  describe('Two Rebound instances on one PostgreSQL', () => {
    const schema = freshSchema('rb_app');
    const probe = new OverlapProbe();
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(30_000);
      [a, b] = await startTwoApps(url, schema, {}, { wrapStores: (stores) => probe.wrap(stores) });
    });
    after(async () => {
      await stopAndDropSchema(url, schema, [a, b]);
    });

    describe('POST /api/messages', () => {
      it('should serialise the turns of one conversation sent to both instances at once and lose none', async () => {
        const first = a.client();
        const second = b.client({ conversationId: first.conversationId, userId: first.userId });
        const questions = ['how lnog does a refnd take', 'wil my refnud go bakc to the card i paid with'];
        const turns = Array.from({ length: 10 }, (_v, i) => (i % 2 ? second : first).say(questions[i % 2]!));
        const replies = await Promise.all(turns);
        expect(replies.map((r) => r.length)).to.deep.equal(Array(10).fill(1));
        expect(probe.maxInside, 'turns of one conversation inside at once').to.equal(1);
        const events = await a.app.stores.analytics.query({ from: new Date(0), to: new Date(Date.now() + 86_400_000), types: ['faq_answered'] });
        const mine = events.filter((e) => e.conversationId === first.conversationId).map((e) => e.data?.faqId);
        expect(mine.sort()).to.deep.equal([...Array(5).fill('refund-method'), ...Array(5).fill('refund-timeline')]);
      });
    });

    describe('CaseRepository', () => {
      it('should let an agent on one instance see and claim the case the bot opened on the other', async () => {
        const traveller = a.client();
        const opening = await traveller.say('i was charged twice for my hotel');
        const connect = opening.flatMap(buttonsOf).find((btn) => (btn.data?.input as { kind?: string } | undefined)?.kind === 'handoff_requested');
        expect(connect, `a "connect me" button in ${JSON.stringify(opening.map(textOf))}`).to.not.equal(undefined);
        await traveller.press(connect!.data!);

        const seen = await b.app.stores.cases.findActiveByConversation(traveller.conversationId);
        expect(seen, 'the case, seen from instance B').to.not.equal(null);
        expect(seen!.status).to.equal('pending');
        expect((await b.app.stores.cases.list('pending')).map((c) => c.id)).to.include(seen!.id);
        const claim = transition(seen!, { type: 'claim' }, { kind: 'agent', id: 'ana' }, new Date());
        await b.app.stores.cases.update(claim.case, seen!.version, [claim.event]);
        expect(await a.app.stores.cases.get(seen!.id)).to.deep.include({ status: 'assigned', assignee: 'ana' });
      });
    });
  });
}
