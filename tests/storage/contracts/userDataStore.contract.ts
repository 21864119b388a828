import { expect } from 'chai';
import { newCase, newCaseEvent } from '../../../src/handoff/caseModel';
import type { Stores } from '../../../src/storage/ports';
import { caseInput } from './caseRepository.contract';
import { followUp } from './followUpStore.contract';
import { type MakeStores, useStores } from './harness';

const AT = '2026-03-01T09:00:00.000Z';

/** Stores data of travellers u1 (conversation c1) and u10 (conversation c10), whose ids share a prefix. */
async function seed(stores: Stores, userId: string, conversationId: string): Promise<void> {
  await stores.state.write({
    [`webchat/conversations/${conversationId}`]: { dialog: 'recovery' },
    [`webchat/users/${userId}`]: { locale: 'en' },
    [`webchat/conversations/${conversationId}/users/${userId}`]: { private: true },
  });
  const made = newCase(caseInput({ userId, conversationId }), { kind: 'bot', id: 'b' }, new Date(AT));
  await stores.cases.create(made.case, [made.event]);
  await stores.cases.appendEvent(newCaseEvent(made.case.id, 'message', { kind: 'traveller', id: userId }, new Date(AT), { text: 'hi' }));
  await stores.transcripts.append({ conversationId, userId, at: AT, from: 'traveller', text: 'my booking' });
  await stores.transcripts.append({ conversationId, at: AT, from: 'bot', text: 'let us look' });
  await stores.analytics.record({ type: 'turn', at: AT, conversationId, userId });
  await stores.followUps.schedule(followUp(`f-${userId}`, AT, { conversationId }));
  await stores.conversationReferences.save(conversationId, { conversation: { id: conversationId } }, userId);
  // The user's web chat: its own conversation id, linked by the user id only.
  await stores.directLine.create({ id: `dl-${conversationId}`, userId, createdAt: AT });
  await stores.directLine.append(`dl-${conversationId}`, { type: 'message', text: `web chat of ${userId}` });
}

/** Contract of UserDataStore. */
export function userDataStoreContract(makeStores: MakeStores): void {
  describe('UserDataStore', () => {
    const ctx = useStores(makeStores);
    beforeEach(async () => {
      await seed(ctx.stores, 'u1', 'c1');
      await seed(ctx.stores, 'u10', 'c10');
    });

    describe('exportUser()', () => {
      it("should gather every record of the user's conversations and nobody else's", async () => {
        const data = await ctx.stores.userData.exportUser('u1');
        expect(data.conversationIds).to.deep.equal(['c1', 'dl-c1']);
        expect(data.state.map((s) => s.key).sort()).to.deep.equal(['webchat/conversations/c1', 'webchat/conversations/c1/users/u1', 'webchat/users/u1']);
        expect(data.cases).to.have.length(1);
        expect(data.caseEvents).to.have.length(2);
        expect(data.transcripts.map((t) => t.text)).to.deep.equal(['my booking', 'let us look']);
        expect(data.analytics).to.have.length(1);
        expect(data.followUps.map((f) => f.id)).to.deep.equal(['f-u1']);
        expect(data.conversationReferences).to.deep.equal([{ conversationId: 'c1', reference: { conversation: { id: 'c1' } } }]);
        expect(data.directLineActivities.map((a) => a.text)).to.deep.equal(['web chat of u1']);
      });
    });

    describe('eraseUser()', () => {
      it('should delete the user from every table and leave other travellers intact', async () => {
        const report = await ctx.stores.userData.eraseUser('u1');
        expect(report).to.deep.include({ cases: 1, caseEvents: 2, transcripts: 2, analytics: 1, followUps: 1, conversationReferences: 1, state: 3, directLineConversations: 1, directLineActivities: 1 });
        const after = await ctx.stores.userData.exportUser('u1');
        expect([after.state, after.cases, after.caseEvents, after.transcripts, after.analytics, after.followUps, after.conversationReferences, after.directLineActivities]).to.deep.equal([
          [], [], [], [], [], [], [], [],
        ]);
        expect(await ctx.stores.directLine.get('dl-c1')).to.equal(null);
        expect(await ctx.stores.directLine.get('dl-c10')).to.not.equal(null);
        const other = await ctx.stores.userData.exportUser('u10');
        expect(other.state).to.have.length(3);
        expect(other.cases).to.have.length(1);
        expect(other.transcripts).to.have.length(2);
      });
    });
  });
}
