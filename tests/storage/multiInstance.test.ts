import { expect } from 'chai';
import { newCase, transition } from '../../src/handoff/caseModel';
import type { Stores } from '../../src/storage/ports';
import { ManualClock } from '../fakes/manualClock';
import { caseInput } from './contracts/caseRepository.contract';
import { nextPayload } from './contracts/eventBus.contract';
import { expectAppError } from './contracts/harness';
import { followUp } from './contracts/followUpStore.contract';
import { PG_URL, usePgSchema } from './pgHarness';

if (PG_URL) {
  const url = PG_URL;
  describe('Two instances on one PostgreSQL', () => {
    const pg = usePgSchema(url);
    const clock = new ManualClock();
    let a: Stores;
    let b: Stores;
    beforeEach(async () => {
      a = await pg.fresh(clock);
      b = await pg.open(clock);
    });
    afterEach(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    describe('ConversationLock.withLock()', () => {
      it('should serialise turns of one conversation across instances: no lost update, never two inside', async () => {
        await a.state.write({ 'webchat/conversations/c1': { turns: 0 } });
        let inside = 0;
        let maxInside = 0;
        // Like botbuilder: read state, work, write with eTag '*' (last writer wins) - only the lock prevents lost updates.
        const turn = (stores: Stores) =>
          stores.locks.withLock('c1', async () => {
            maxInside = Math.max(maxInside, ++inside);
            const state = (await stores.state.read(['webchat/conversations/c1']))['webchat/conversations/c1'];
            await stores.transcripts.append({ conversationId: 'c1', at: clock.now().toISOString(), from: 'traveller', text: 'msg' });
            await stores.state.write({ 'webchat/conversations/c1': { turns: Number(state.turns) + 1, eTag: '*' } });
            inside--;
          });
        await Promise.all(Array.from({ length: 20 }, (_v, i) => turn(i % 2 ? a : b)));
        expect((await b.state.read(['webchat/conversations/c1']))['webchat/conversations/c1'].turns).to.equal(20);
        expect(maxInside).to.equal(1);
      });
    });

    describe('FollowUpStore.claimDue()', () => {
      it('should hand each due follow-up to exactly one of two racing instances', async () => {
        const ids = Array.from({ length: 40 }, (_v, i) => `f${String(i).padStart(2, '0')}`);
        for (const id of ids) await a.followUps.schedule(followUp(id, '2026-03-01T08:00:00.000Z'));
        const drain = async (stores: Stores, owner: string) => {
          const mine: string[] = [];
          for (;;) {
            const batch = await stores.followUps.claimDue(clock.now(), owner, 3);
            if (batch.length === 0) return mine;
            mine.push(...batch.map((f) => f.id));
          }
        };
        const [fromA, fromB] = await Promise.all([drain(a, 'A'), drain(b, 'B')]);
        expect([...fromA, ...fromB].sort()).to.deep.equal(ids);
        expect(fromA.filter((id) => fromB.includes(id))).to.deep.equal([]);
      });
    });

    describe('EventBus.publish()', () => {
      it('should reach a subscriber on the other instance', async () => {
        const probe = nextPayload((handler) => b.events.subscribe('traveller-message', handler));
        await probe.ready;
        await a.events.publish('traveller-message', { caseId: 'k1', text: 'still waiting' });
        expect(await probe.received).to.deep.equal({ caseId: 'k1', text: 'still waiting' });
      });
    });

    describe('CaseRepository.update()', () => {
      it('should let the other instance see and claim a case, and detect the stale writer', async () => {
        const made = newCase(caseInput({ status: 'pending' }), { kind: 'bot', id: 'bot' }, clock.now());
        const created = await a.cases.create(made.case, [made.event]);
        const seen = await b.cases.getByReference(created.reference);
        expect(seen?.id).to.equal(created.id);
        const claim = transition(seen!, { type: 'claim' }, { kind: 'agent', id: 'ana' }, clock.now());
        await b.cases.update(claim.case, seen!.version, [claim.event]);
        const abandon = transition(created, { type: 'abandon' }, { kind: 'traveller', id: 'u1' }, clock.now());
        await expectAppError(a.cases.update(abandon.case, created.version, [abandon.event]), 'CONFLICT');
        expect(await a.cases.get(created.id)).to.deep.include({ status: 'assigned', assignee: 'ana', version: 2 });
        expect((await a.cases.list('pending')).length).to.equal(0);
      });
    });
  });
}
