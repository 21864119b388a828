import { expect } from 'chai';
import { newCase, newCaseEvent, transition, type Case, type CaseActor, type NewCaseInput } from '../../../src/handoff/caseModel';
import { type MakeStores, expectAppError, useStores } from './harness';

const bot: CaseActor = { kind: 'bot', id: 'rebound' };
const agent: CaseActor = { kind: 'agent', id: 'ana' };

/** A case input for tests. */
export function caseInput(overrides: Partial<NewCaseInput> = {}): NewCaseInput {
  return {
    conversationId: 'conv-1',
    userId: 'user-1',
    channelId: 'webchat',
    summary: { problemId: 'double_charge', title: 'Charged twice', facts: { bookingReference: 'WL-H482913' }, steps: [], sentimentTrend: [-0.2], remedies: [] },
    ...overrides,
  };
}

/** Contract of CaseRepository. */
export function caseRepositoryContract(makeStores: MakeStores): void {
  describe('CaseRepository', () => {
    const ctx = useStores(makeStores);
    const create = async (overrides: Partial<NewCaseInput> = {}): Promise<Case> => {
      const made = newCase(caseInput(overrides), bot, ctx.clock.now());
      return ctx.stores.cases.create(made.case, [made.event]);
    };

    describe('create()', () => {
      it('should store the case as version 1, readable by id and by reference typed loosely', async () => {
        const created = await create();
        expect(created.version).to.equal(1);
        expect(await ctx.stores.cases.get(created.id)).to.deep.equal(created);
        const typed = created.reference.toLowerCase().replace('-', ' ');
        expect((await ctx.stores.cases.getByReference(typed))?.id).to.equal(created.id);
        expect((await ctx.stores.cases.listEvents(created.id)).map((e) => e.type)).to.deep.equal(['created']);
      });

      it('should refuse a duplicate reference with CONFLICT', async () => {
        const first = await create();
        const second = newCase(caseInput({ conversationId: 'conv-2' }), bot, ctx.clock.now(), first.reference);
        await expectAppError(ctx.stores.cases.create(second.case), 'CONFLICT');
        expect(await ctx.stores.cases.get(second.case.id)).to.equal(null);
      });

      it('should return null for unknown ids and references', async () => {
        expect(await ctx.stores.cases.get('nope')).to.equal(null);
        expect(await ctx.stores.cases.getByReference('RB-ZZZZZZ')).to.equal(null);
        expect(await ctx.stores.cases.getByReference('not a reference')).to.equal(null);
      });
    });

    describe('update()', () => {
      it('should save a transition with its event and bump the version', async () => {
        const created = await create({ status: 'pending' });
        const moved = transition(created, { type: 'claim' }, agent, ctx.clock.advance(60_000));
        const saved = await ctx.stores.cases.update(moved.case, created.version, [moved.event]);
        expect(saved.version).to.equal(2);
        const read = await ctx.stores.cases.get(created.id);
        expect(read).to.deep.include({ status: 'assigned', assignee: 'ana', version: 2 });
        expect((await ctx.stores.cases.listEvents(created.id)).map((e) => e.type)).to.deep.equal(['created', 'claim']);
      });

      it('should refuse a stale version with CONFLICT, change nothing and record no event', async () => {
        const created = await create({ status: 'pending' });
        const claimA = transition(created, { type: 'claim' }, agent, ctx.clock.now());
        const claimB = transition(created, { type: 'claim' }, { kind: 'agent', id: 'bo' }, ctx.clock.now());
        await ctx.stores.cases.update(claimA.case, created.version, [claimA.event]);
        await expectAppError(ctx.stores.cases.update(claimB.case, created.version, [claimB.event]), 'CONFLICT');
        expect((await ctx.stores.cases.get(created.id))?.assignee).to.equal('ana');
        expect(await ctx.stores.cases.listEvents(created.id)).to.have.length(2);
      });

      it('should refuse an unknown case with NOT_FOUND', async () => {
        const made = newCase(caseInput(), bot, ctx.clock.now());
        await expectAppError(ctx.stores.cases.update(made.case, 1), 'NOT_FOUND');
      });
    });

    describe('findActiveByConversation()', () => {
      it('should find the newest active case and ignore closed ones', async () => {
        const old = await create();
        const resolved = transition(old, { type: 'resolve', outcome: 'refunded' }, bot, ctx.clock.advance(1000));
        await ctx.stores.cases.update(resolved.case, old.version);
        expect(await ctx.stores.cases.findActiveByConversation('conv-1')).to.equal(null);
        ctx.clock.advance(1000);
        const current = await create({ status: 'pending' });
        expect((await ctx.stores.cases.findActiveByConversation('conv-1'))?.id).to.equal(current.id);
        expect(await ctx.stores.cases.findActiveByConversation('conv-other')).to.equal(null);
      });
    });

    describe('list()', () => {
      it('should order by priority, then oldest first, and filter by status', async () => {
        const a = await create({ status: 'pending', conversationId: 'a' });
        ctx.clock.advance(1000);
        const b = await create({ status: 'pending', conversationId: 'b', priority: 'high' });
        ctx.clock.advance(1000);
        const c = await create({ status: 'pending', conversationId: 'c' });
        await create({ status: 'open', conversationId: 'd' });
        expect((await ctx.stores.cases.list('pending')).map((x) => x.id)).to.deep.equal([b.id, a.id, c.id]);
        expect(await ctx.stores.cases.list(['pending', 'open'])).to.have.length(4);
        expect(await ctx.stores.cases.list('pending', { limit: 1 })).to.have.length(1);
        expect(await ctx.stores.cases.list([])).to.deep.equal([]);
      });
    });

    describe('appendEvent()', () => {
      it('should record notes in order after the moves', async () => {
        const created = await create();
        await ctx.stores.cases.appendEvent(newCaseEvent(created.id, 'note', agent, ctx.clock.now(), { text: 'called the hotel' }));
        await ctx.stores.cases.appendEvent(newCaseEvent(created.id, 'message', bot, ctx.clock.now(), { text: 'second' }));
        const events = await ctx.stores.cases.listEvents(created.id);
        expect(events.map((e) => e.type)).to.deep.equal(['created', 'note', 'message']);
        expect(events[1]).to.deep.include({ actor: agent, data: { text: 'called the hotel' } });
      });

      it('should refuse an event of an unknown case with NOT_FOUND', async () => {
        await expectAppError(ctx.stores.cases.appendEvent(newCaseEvent('nope', 'note', agent, ctx.clock.now())), 'NOT_FOUND');
      });
    });

    describe('findDue()', () => {
      it('should return active cases whose dueAt has passed, earliest first', async () => {
        const start = ctx.clock.now().getTime();
        const later = await create({ conversationId: 'x', dueAt: new Date(start + 20_000).toISOString() });
        const sooner = await create({ conversationId: 'y', dueAt: new Date(start + 10_000).toISOString() });
        await create({ conversationId: 'z', dueAt: new Date(start + 90_000).toISOString() });
        await create({ conversationId: 'w' });
        expect(await ctx.stores.cases.findDue(new Date(start + 5_000))).to.deep.equal([]);
        expect((await ctx.stores.cases.findDue(new Date(start + 30_000))).map((c) => c.id)).to.deep.equal([sooner.id, later.id]);
        const expired = transition(sooner, { type: 'expire' }, { kind: 'system', id: 'sweeper' }, new Date(start + 30_000));
        await ctx.stores.cases.update(expired.case, sooner.version, [expired.event]);
        expect((await ctx.stores.cases.findDue(new Date(start + 30_000))).map((c) => c.id)).to.deep.equal([later.id]);
      });
    });
  });
}
