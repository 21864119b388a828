import { expect } from 'chai';
import { type MakeStores, expectAppError, useStores } from './harness';

/** Contract of StateStore (botbuilder Storage with real eTags). */
export function stateStoreContract(makeStores: MakeStores): void {
  describe('StateStore', () => {
    const ctx = useStores(makeStores);

    describe('read()', () => {
      it('should return only the keys that exist, each with an eTag', async () => {
        await ctx.stores.state.write({ 'webchat/conversations/c1': { step: 2, facts: { ref: 'x' } } });
        const items = await ctx.stores.state.read(['webchat/conversations/c1', 'missing']);
        expect(Object.keys(items)).to.deep.equal(['webchat/conversations/c1']);
        expect(items['webchat/conversations/c1']).to.include({ step: 2 });
        expect(items['webchat/conversations/c1'].facts).to.deep.equal({ ref: 'x' });
        expect(items['webchat/conversations/c1'].eTag).to.be.a('string').and.not.equal('*');
      });

      it('should return an empty object for no keys', async () => {
        expect(await ctx.stores.state.read([])).to.deep.equal({});
      });
    });

    describe('write()', () => {
      it('should give each write a fresh eTag', async () => {
        await ctx.stores.state.write({ k: { n: 1 } });
        const first = (await ctx.stores.state.read(['k'])).k;
        await ctx.stores.state.write({ k: { ...first, n: 2 } });
        const second = (await ctx.stores.state.read(['k'])).k;
        expect(second.n).to.equal(2);
        expect(second.eTag).to.not.equal(first.eTag);
      });

      it('should refuse a stale eTag with CONFLICT and keep the newer value', async () => {
        await ctx.stores.state.write({ k: { n: 1 } });
        const read = (await ctx.stores.state.read(['k'])).k;
        await ctx.stores.state.write({ k: { ...read, n: 2 } });
        await expectAppError(ctx.stores.state.write({ k: { ...read, n: 3 } }), 'CONFLICT');
        expect((await ctx.stores.state.read(['k'])).k.n).to.equal(2);
      });

      it('should overwrite unconditionally with eTag "*" or no eTag', async () => {
        await ctx.stores.state.write({ k: { n: 1 } });
        await ctx.stores.state.write({ k: { n: 2, eTag: '*' } });
        await ctx.stores.state.write({ k: { n: 3 } });
        expect((await ctx.stores.state.read(['k'])).k.n).to.equal(3);
      });

      it('should treat an eTag for a deleted item as a conflict', async () => {
        await ctx.stores.state.write({ k: { n: 1 } });
        const read = (await ctx.stores.state.read(['k'])).k;
        await ctx.stores.state.delete(['k']);
        await expectAppError(ctx.stores.state.write({ k: { ...read, n: 2 } }), 'CONFLICT');
        expect(await ctx.stores.state.read(['k'])).to.deep.equal({});
      });

      it('should write nothing of a batch when one of its items is stale', async () => {
        await ctx.stores.state.write({ a: { n: 1 }, b: { n: 1 } });
        const { a, b } = await ctx.stores.state.read(['a', 'b']);
        await ctx.stores.state.write({ b: { ...b, n: 2 } });
        await expectAppError(ctx.stores.state.write({ a: { ...a, n: 9 }, b: { ...b, n: 9 } }), 'CONFLICT');
        const after = await ctx.stores.state.read(['a', 'b']);
        expect([after.a.n, after.b.n]).to.deep.equal([1, 2]);
      });
    });

    describe('delete()', () => {
      it('should delete the keys and ignore missing ones', async () => {
        await ctx.stores.state.write({ a: { n: 1 }, b: { n: 2 } });
        await ctx.stores.state.delete(['a', 'nope']);
        expect(Object.keys(await ctx.stores.state.read(['a', 'b']))).to.deep.equal(['b']);
      });
    });
  });
}
