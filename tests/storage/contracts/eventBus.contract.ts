import { expect } from 'chai';
import { type MakeStores, useStores } from './harness';

/** Resolves with the first payload a subscription receives. */
export function nextPayload(subscribe: (handler: (payload: unknown) => void) => Promise<unknown>): { ready: Promise<unknown>; received: Promise<unknown> } {
  let deliver!: (payload: unknown) => void;
  const received = new Promise<unknown>((resolve) => (deliver = resolve));
  return { ready: subscribe((payload) => deliver(payload)), received };
}

/** Contract of EventBus (within one instance; tests/storage/multiInstance.test.ts covers two). */
export function eventBusContract(makeStores: MakeStores): void {
  describe('EventBus', () => {
    const ctx = useStores(makeStores);

    describe('publish()', () => {
      it('should deliver a payload to subscribers of its channel only, in order', async () => {
        const seen: Array<[string, unknown]> = [];
        let done!: () => void;
        const finished = new Promise<void>((resolve) => (done = resolve));
        await ctx.stores.events.subscribe('other', (p) => seen.push(['other', p]));
        await ctx.stores.events.subscribe('cases', (p) => {
          seen.push(['cases', p]);
          if ((p as { n: number }).n === 3) done();
        });
        for (const n of [1, 2, 3]) await ctx.stores.events.publish('cases', { caseId: 'k1', n });
        await finished;
        expect(seen).to.deep.equal([['cases', { caseId: 'k1', n: 1 }], ['cases', { caseId: 'k1', n: 2 }], ['cases', { caseId: 'k1', n: 3 }]]);
      });

      it('should stop delivering after unsubscribe, and survive a throwing handler', async () => {
        const dropped: unknown[] = [];
        const unsubscribe = await ctx.stores.events.subscribe('cases', (p) => dropped.push(p));
        await ctx.stores.events.subscribe('cases', () => {
          throw new Error('handler bug');
        });
        await unsubscribe();
        const probe = nextPayload((h) => ctx.stores.events.subscribe('cases', h));
        await probe.ready;
        await ctx.stores.events.publish('cases', { n: 1 });
        expect(await probe.received).to.deep.equal({ n: 1 });
        expect(dropped).to.deep.equal([]);
      });
    });
  });
}
