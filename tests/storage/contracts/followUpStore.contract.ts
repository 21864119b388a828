import { expect } from 'chai';
import type { NewFollowUp } from '../../../src/storage/ports';
import { type MakeStores, useStores } from './harness';

/** A follow-up due at the given ISO time. */
export function followUp(id: string, dueAt: string, overrides: Partial<NewFollowUp> = {}): NewFollowUp {
  return { id, conversationId: 'c1', caseId: 'k1', kind: 'resolution_check', dueAt, payload: { question: 'held?' }, ...overrides };
}

/** Contract of FollowUpStore. */
export function followUpStoreContract(makeStores: MakeStores): void {
  describe('FollowUpStore', () => {
    const ctx = useStores(makeStores);
    const T0 = '2026-03-01T09:00:00.000Z';
    const T1 = '2026-03-01T10:00:00.000Z';
    const T2 = '2026-03-01T11:00:00.000Z';

    describe('schedule()', () => {
      it('should store a follow-up once and ignore the same id again', async () => {
        expect(await ctx.stores.followUps.schedule(followUp('f1', T1))).to.equal(true);
        expect(await ctx.stores.followUps.schedule(followUp('f1', T2))).to.equal(false);
        expect(await ctx.stores.followUps.get('f1')).to.deep.include({ status: 'scheduled', dueAt: T1, attempts: 0, payload: { question: 'held?' } });
        expect(await ctx.stores.followUps.get('nope')).to.equal(null);
      });
    });

    describe('claimDue()', () => {
      it('should hand out only due follow-ups, earliest first, up to the limit', async () => {
        await ctx.stores.followUps.schedule(followUp('late', T2));
        await ctx.stores.followUps.schedule(followUp('b', T1));
        await ctx.stores.followUps.schedule(followUp('a', T0));
        expect((await ctx.stores.followUps.claimDue(new Date(T1), 'i1', 1)).map((f) => f.id)).to.deep.equal(['a']);
        const next = await ctx.stores.followUps.claimDue(new Date(T1), 'i2', 10);
        expect(next.map((f) => f.id)).to.deep.equal(['b']);
        expect(next[0]).to.deep.include({ status: 'claimed', owner: 'i2', attempts: 1 });
        expect(await ctx.stores.followUps.claimDue(new Date(T1), 'i3', 10)).to.deep.equal([]);
      });

      it('should hand a claim whose lease ran out to another caller', async () => {
        await ctx.stores.followUps.schedule(followUp('f', T0));
        await ctx.stores.followUps.claimDue(new Date(T0), 'dead', 10, 60_000);
        expect(await ctx.stores.followUps.claimDue(new Date('2026-03-01T09:00:59.000Z'), 'i2', 10)).to.deep.equal([]);
        const retaken = await ctx.stores.followUps.claimDue(new Date('2026-03-01T09:01:00.000Z'), 'i2', 10);
        expect(retaken.map((f) => [f.id, f.owner, f.attempts])).to.deep.equal([['f', 'i2', 2]]);
        expect(await ctx.stores.followUps.complete('f', 'dead')).to.equal(false);
        expect(await ctx.stores.followUps.complete('f', 'i2')).to.equal(true);
      });
    });

    describe('complete()', () => {
      it('should mark a claimed follow-up done so it is never handed out again', async () => {
        await ctx.stores.followUps.schedule(followUp('f', T0));
        await ctx.stores.followUps.claimDue(new Date(T0), 'i1', 10, 1000);
        expect(await ctx.stores.followUps.complete('f', 'i1')).to.equal(true);
        expect((await ctx.stores.followUps.get('f'))?.status).to.equal('done');
        expect(await ctx.stores.followUps.claimDue(new Date(T2), 'i2', 10)).to.deep.equal([]);
      });
    });

    describe('fail()', () => {
      it('should reschedule with retryAt, or fail for good without it', async () => {
        await ctx.stores.followUps.schedule(followUp('f', T0));
        await ctx.stores.followUps.claimDue(new Date(T0), 'i1', 10);
        expect(await ctx.stores.followUps.fail('f', 'i1', 'channel down', new Date(T1))).to.equal(true);
        expect(await ctx.stores.followUps.get('f')).to.deep.include({ status: 'scheduled', dueAt: T1, lastError: 'channel down' });
        expect(await ctx.stores.followUps.claimDue(new Date(T0), 'i1', 10)).to.deep.equal([]);
        await ctx.stores.followUps.claimDue(new Date(T1), 'i1', 10);
        expect(await ctx.stores.followUps.fail('f', 'i1', 'gone')).to.equal(true);
        expect((await ctx.stores.followUps.get('f'))?.status).to.equal('failed');
        expect(await ctx.stores.followUps.fail('f', 'i1', 'again')).to.equal(false);
      });
    });

    describe('cancel()', () => {
      it('should cancel a scheduled follow-up only', async () => {
        await ctx.stores.followUps.schedule(followUp('f', T0));
        expect(await ctx.stores.followUps.cancel('f')).to.equal(true);
        expect(await ctx.stores.followUps.cancel('f')).to.equal(false);
        expect(await ctx.stores.followUps.claimDue(new Date(T2), 'i1', 10)).to.deep.equal([]);
      });
    });
  });
}
