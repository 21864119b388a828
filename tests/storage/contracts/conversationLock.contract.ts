import { expect } from 'chai';
import { type MakeStores, useStores } from './harness';

/** Contract of ConversationLock (within one instance; tests/storage/multiInstance.test.ts covers two). */
export function conversationLockContract(makeStores: MakeStores): void {
  describe('ConversationLock', () => {
    const ctx = useStores(makeStores);

    describe('withLock()', () => {
      it('should run holders of one key one at a time, in arrival order, with no lost update', async () => {
        await ctx.stores.state.write({ counter: { n: 0 } });
        const order: number[] = [];
        const turn = (i: number) =>
          ctx.stores.locks.withLock('conv-1', async () => {
            const { counter } = await ctx.stores.state.read(['counter']);
            order.push(i);
            await ctx.stores.state.write({ counter: { ...counter, n: Number(counter.n) + 1 } });
          });
        await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(turn));
        expect((await ctx.stores.state.read(['counter'])).counter.n).to.equal(8);
        expect(order).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
      });

      it('should not make different keys wait for each other', async () => {
        let releaseA!: () => void;
        const aHeld = new Promise<void>((resolve) => (releaseA = resolve));
        const a = ctx.stores.locks.withLock('conv-a', () => aHeld.then(() => 'a'));
        const b = await ctx.stores.locks.withLock('conv-b', async () => 'b');
        releaseA();
        expect([await a, b]).to.deep.equal(['a', 'b']);
      });

      it('should release the lock when fn throws, and pass the error on', async () => {
        const failing = ctx.stores.locks.withLock('conv-1', async () => {
          throw new Error('boom');
        });
        let caught: unknown;
        await failing.catch((err: unknown) => (caught = err));
        expect((caught as Error).message).to.equal('boom');
        expect(await ctx.stores.locks.withLock('conv-1', async () => 'free')).to.equal('free');
      });
    });
  });
}
