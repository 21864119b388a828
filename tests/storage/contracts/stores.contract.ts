import { expect } from 'chai';
import { sweepRetention } from '../../../src/storage/retention';
import { followUp } from './followUpStore.contract';
import { type MakeStores, useStores } from './harness';

/** Contract of Stores as a whole: health, retention, close. */
export function storesContract(makeStores: MakeStores): void {
  describe('Stores', () => {
    const ctx = useStores(makeStores);

    describe('health()', () => {
      it('should report ok with the backend name', async () => {
        const health = await ctx.stores.health();
        expect(health).to.deep.include({ ok: true, backend: ctx.stores.backend });
      });
    });

    describe('sweepRetention()', () => {
      it('should purge transcripts, analytics, finished follow-ups and idle Direct Line conversations older than the retention only', async () => {
        const now = new Date('2026-06-30T00:00:00.000Z');
        const old = '2026-01-01T00:00:00.000Z';
        const recent = '2026-06-29T00:00:00.000Z';
        for (const at of [old, recent]) {
          await ctx.stores.transcripts.append({ conversationId: 'c1', at, from: 'traveller', text: at });
          await ctx.stores.analytics.record({ type: 'turn', at });
        }
        ctx.clock.set(old);
        await ctx.stores.followUps.schedule(followUp('done-old', old));
        await ctx.stores.followUps.schedule(followUp('waiting-old', old));
        await ctx.stores.followUps.claimDue(new Date(old), 'i1', 1);
        await ctx.stores.followUps.complete('done-old', 'i1');
        await ctx.stores.directLine.create({ id: 'dl-old', userId: 'u1', createdAt: old });
        await ctx.stores.directLine.create({ id: 'dl-active', userId: 'u1', createdAt: old });
        ctx.clock.set(recent);
        await ctx.stores.directLine.append('dl-active', { type: 'message', text: 'still here' });
        const report = await sweepRetention(ctx.stores, now, 30);
        expect(report).to.deep.equal({ transcripts: 1, analytics: 1, followUps: 1, directLineConversations: 1, cutoff: '2026-05-31T00:00:00.000Z' });
        expect(await ctx.stores.directLine.get('dl-old')).to.equal(null);
        expect((await ctx.stores.directLine.list('dl-active', -1)).activities.map((a) => a.text)).to.deep.equal(['still here']);
        expect((await ctx.stores.transcripts.list('c1')).map((t) => t.text)).to.deep.equal([recent]);
        expect(await ctx.stores.followUps.get('waiting-old')).to.not.equal(null);
      });

      it('should refuse a retention below one day', async () => {
        let caught: unknown;
        await sweepRetention(ctx.stores, new Date(), 0).catch((err: unknown) => (caught = err));
        expect(caught).to.be.instanceOf(RangeError);
      });
    });
  });
}
