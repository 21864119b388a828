import { expect } from 'chai';
import { type MakeStores, useStores } from './harness';

/** Contract of AnalyticsStore. */
export function analyticsStoreContract(makeStores: MakeStores): void {
  describe('AnalyticsStore', () => {
    const ctx = useStores(makeStores);
    const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

    describe('query()', () => {
      it('should return events in [from, to), oldest first, filtered by type', async () => {
        await ctx.stores.analytics.record({ type: 'handoff', at: at(3), caseId: 'k1', data: { reason: 'asked' } });
        await ctx.stores.analytics.record({ type: 'turn', at: at(1), conversationId: 'c1' });
        await ctx.stores.analytics.record({ type: 'turn', at: at(2) });
        await ctx.stores.analytics.record({ type: 'turn', at: at(9) });
        const range = { from: new Date(at(1)), to: new Date(at(9)) };
        expect((await ctx.stores.analytics.query(range)).map((e) => e.at)).to.deep.equal([at(1), at(2), at(3)]);
        const handoffs = await ctx.stores.analytics.query({ ...range, types: ['handoff'] });
        expect(handoffs).to.have.length(1);
        expect(handoffs[0]).to.deep.include({ type: 'handoff', caseId: 'k1', data: { reason: 'asked' } });
        expect(handoffs[0].id).to.be.a('string');
      });
    });

    describe('purgeOlderThan()', () => {
      it('should delete only events older than the date', async () => {
        await ctx.stores.analytics.record({ type: 'turn', at: at(1) });
        await ctx.stores.analytics.record({ type: 'turn', at: at(4) });
        expect(await ctx.stores.analytics.purgeOlderThan(new Date(at(2)))).to.equal(1);
        expect(await ctx.stores.analytics.query({ from: new Date(at(1)), to: new Date(at(30)) })).to.have.length(1);
      });
    });
  });
}
