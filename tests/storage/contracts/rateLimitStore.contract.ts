import { expect } from 'chai';
import type { RateLimitPolicy, RateLimitStore } from '../../../src/storage/rateLimit';
import { ManualClock } from '../../fakes/manualClock';

/** Two handles on one backend (two instances of the app), closed together; both read the given clock. */
export interface SharedRateLimitStores {
  stores: [RateLimitStore, RateLimitStore];
  close(): Promise<void>;
}

/** Opens empty rate-limit stores of one backend. */
export type MakeRateLimitStores = (clock: ManualClock) => Promise<SharedRateLimitStores>;

const PER_MINUTE: RateLimitPolicy = { capacity: 3, perSeconds: 60 };

/** The RateLimitStore contract, for one adapter. */
export function rateLimitStoreContract(name: string, make: MakeRateLimitStores): void {
  describe(`RateLimitStore contract (${name})`, () => {
    let clock: ManualClock;
    let opened: SharedRateLimitStores;
    let store: RateLimitStore;
    beforeEach(async () => {
      // On a minute boundary: a fixed window and a bucket then agree on what "after perSeconds" means.
      clock = new ManualClock('2026-03-01T09:00:00.000Z');
      opened = await make(clock);
      store = opened.stores[0];
    });
    afterEach(async () => opened.close());

    describe('take()', () => {
      it('should allow the capacity, then refuse with a retry time within the period', async () => {
        for (let i = 0; i < 3; i += 1) expect(await store.take('k', PER_MINUTE)).to.deep.equal({ allowed: true });
        const refused = await store.take('k', PER_MINUTE);
        expect(refused.allowed).to.equal(false);
        if (refused.allowed) return;
        expect(refused.retryAfterSeconds).to.be.within(1, 60);
      });

      it('should keep keys apart', async () => {
        for (let i = 0; i < 3; i += 1) await store.take('a', PER_MINUTE);
        expect((await store.take('a', PER_MINUTE)).allowed).to.equal(false);
        expect((await store.take('b', PER_MINUTE)).allowed).to.equal(true);
      });

      it('should allow the whole capacity again once the period has passed, refusals having spent nothing', async () => {
        for (let i = 0; i < 3; i += 1) await store.take('k', PER_MINUTE);
        for (let i = 0; i < 5; i += 1) expect((await store.take('k', PER_MINUTE)).allowed).to.equal(false);
        clock.advance(60_000);
        for (let i = 0; i < 3; i += 1) expect((await store.take('k', PER_MINUTE)).allowed, `take ${i + 1}`).to.equal(true);
        expect((await store.take('k', PER_MINUTE)).allowed).to.equal(false);
      });

      it('should refuse a cost above what is left without spending it', async () => {
        expect((await store.take('k', PER_MINUTE, 4)).allowed).to.equal(false);
        expect((await store.take('k', PER_MINUTE, 2)).allowed).to.equal(true);
        expect((await store.take('k', PER_MINUTE, 2)).allowed).to.equal(false);
        expect((await store.take('k', PER_MINUTE, 1)).allowed).to.equal(true);
      });

      it('should never allow more than the capacity to concurrent takes from two handles on one backend', async () => {
        const policy = { capacity: 5, perSeconds: 60 };
        const [a, b] = opened.stores;
        const decisions = await Promise.all(Array.from({ length: 20 }, (_v, i) => (i % 2 ? a : b).take('busy', policy)));
        expect(decisions.filter((d) => d.allowed)).to.have.length(5);
        expect((await a.take('busy', policy)).allowed).to.equal(false);
        expect((await b.take('busy', policy)).allowed).to.equal(false);
      });
    });

    describe('check()', () => {
      it('should answer without spending, and refuse once the budget is spent', async () => {
        for (let i = 0; i < 5; i += 1) expect((await store.check('k', PER_MINUTE)).allowed).to.equal(true);
        for (let i = 0; i < 3; i += 1) await store.take('k', PER_MINUTE);
        const refused = await store.check('k', PER_MINUTE);
        expect(refused.allowed).to.equal(false);
        expect((await opened.stores[1].check('k', PER_MINUTE)).allowed, 'the other handle sees it too').to.equal(false);
      });
    });
  });
}
