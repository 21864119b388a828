import { expect } from 'chai';
import { resolutionCheckId } from '../../src/handoff/followUp';
import { AppError } from '../../src/shared/errors';
import { enqueue, HOUR, queueOnFakes } from './queueFixtures';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('QueueService', () => {
  describe('list()', () => {
    it('should order the queue by priority, then waiting time, with positions', async () => {
      const { queue, bot, clock } = queueOnFakes();
      const first = await enqueue(bot, '1');
      clock.advance(60_000);
      const urgent = await enqueue(bot, '2', { priority: 'high' });
      clock.advance(60_000);
      const last = await enqueue(bot, '3');
      const listed = await queue.list(['pending']);
      expect(listed.map((l) => [l.case.id, l.position])).to.deep.equal([[urgent.id, 1], [first.id, 2], [last.id, 3]]);
    });
  });

  describe('a high-priority case queued by the bot', () => {
    it('should tell the travellers it goes ahead of their new place, and nobody when a normal case joins the back', async () => {
      const { bot, clock, messenger, queueUpdates } = queueOnFakes();
      const a = await enqueue(bot, '1');
      clock.advance(1000);
      const b = await enqueue(bot, '2');
      clock.advance(1000);
      await enqueue(bot, '3');
      await queueUpdates();
      expect(messenger.sent).to.deep.equal([]);
      const urgent = await enqueue(bot, '4', { priority: 'high' });
      await queueUpdates();
      expect(messenger.to(a.conversationId)).to.deep.equal([`Update on case ${a.reference}: you are now number 2 in the queue; the expected wait is about 20 minutes.`]);
      expect(messenger.to(b.conversationId)[0]).to.include('number 3');
      expect(messenger.to(urgent.conversationId)).to.deep.equal([]);
    });
  });

  describe('claim()', () => {
    it('should assign the case, tell its traveller who has it, and tell the others their new place', async () => {
      const { queue, bot, clock, messenger, stores } = queueOnFakes();
      const a = await enqueue(bot, '1');
      clock.advance(1000);
      const b = await enqueue(bot, '2');
      clock.advance(1000);
      const c = await enqueue(bot, '3');
      clock.advance(5 * 60_000 - 2000);
      const claimed = await queue.claim(a.id, 'Ana');
      expect(claimed).to.include({ status: 'assigned', assignee: 'Ana', claimedAt: clock.now().toISOString() });
      expect(claimed.dueAt).to.equal(new Date(clock.now().getTime() + HOUR).toISOString());
      expect(messenger.to(a.conversationId)[0]).to.include('Ana').and.include(a.reference);
      expect(messenger.to(b.conversationId)).to.deep.equal([`Update on case ${b.reference}: you are now number 1 in the queue; the expected wait is about 10 minutes.`]);
      expect(messenger.to(c.conversationId)[0]).to.include('number 2');
      const event = (await stores.cases.listEvents(a.id)).at(-1);
      expect(event).to.deep.include({ type: 'claim', actor: { kind: 'agent', id: 'Ana' }, at: clock.now().toISOString() });
      expect(stores.analytics.events.find((e) => e.type === 'handoff_claimed')?.data).to.deep.equal({ waitMs: 5 * 60_000 });
    });

    it('should refuse a claimed case with ILLEGAL_TRANSITION and change nothing', async () => {
      const { queue, bot, messenger, stores } = queueOnFakes();
      const a = await enqueue(bot, '1');
      await queue.claim(a.id, 'Ana');
      const before = await stores.cases.get(a.id);
      const sent = messenger.sent.length;
      const err = await refusal(queue.claim(a.id, 'Ben'));
      expect(err.code).to.equal('ILLEGAL_TRANSITION');
      expect(await stores.cases.get(a.id)).to.deep.equal(before);
      expect(messenger.sent).to.have.length(sent);
    });

    it('should answer NOT_FOUND for an unknown case', async () => {
      const { queue } = queueOnFakes();
      expect((await refusal(queue.claim('nope', 'Ana'))).code).to.equal('NOT_FOUND');
    });
  });

  describe('sendMessage()', () => {
    it('should reach the traveller as the agent, record it redacted and push back the idle deadline', async () => {
      const { queue, bot, clock, messenger, stores } = queueOnFakes();
      const a = await enqueue(bot, '1');
      await queue.claim(a.id, 'Ana');
      clock.advance(20 * 60_000);
      const event = await queue.sendMessage(a.id, 'Ana', 'Write to me at ana@wanderly.example');
      expect(messenger.sent.at(-1)).to.deep.equal({ conversationId: a.conversationId, message: { text: 'Write to me at ana@wanderly.example', from: { kind: 'agent', name: 'Ana' } } });
      expect(event.data.text).to.not.include('ana@wanderly.example');
      expect((await stores.cases.get(a.id))?.dueAt).to.equal(new Date(clock.now().getTime() + HOUR).toISOString());
    });

    it('should refuse a case the agent does not hold', async () => {
      const { queue, bot } = queueOnFakes();
      const a = await enqueue(bot, '1');
      expect((await refusal(queue.sendMessage(a.id, 'Ana', 'hi'))).code).to.equal('ILLEGAL_TRANSITION');
      await queue.claim(a.id, 'Ana');
      expect((await refusal(queue.sendMessage(a.id, 'Ben', 'hi'))).message).to.include('assigned to Ana');
    });

    it('should record nothing when the message cannot be delivered', async () => {
      const { queue, bot, messenger, stores } = queueOnFakes();
      const a = await enqueue(bot, '1');
      await queue.claim(a.id, 'Ana');
      const events = (await stores.cases.listEvents(a.id)).length;
      messenger.unreachable.add(a.conversationId);
      expect((await refusal(queue.sendMessage(a.id, 'Ana', 'hi'))).code).to.equal('NOT_FOUND');
      expect(await stores.cases.listEvents(a.id)).to.have.length(events);
    });
  });

  describe('resolve()', () => {
    it('should refuse remedies outside the policy and leave the case assigned', async () => {
      const { queue, bot, stores } = queueOnFakes();
      const a = await enqueue(bot, '1', { problemId: 'booking_not_found' });
      await queue.claim(a.id, 'Ana');
      const before = await stores.cases.get(a.id);
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ remedyId: 'free_flight' }, /not in the compensation policy/],
        [{ remedyId: 'voucher_large', amount: 10 }, /does not cover/],
        [{ remedyId: 'voucher_small', amount: 25 }, /above the limit of 20 EUR/],
        [{ remedyId: 'voucher_small', amount: 10, currency: 'USD' }, /must be EUR/],
      ];
      for (const [remedy, problem] of cases) {
        const err = await refusal(queue.resolve(a.id, 'Ana', { outcome: 'x', remedy: remedy as never }));
        expect(err.code).to.equal('VALIDATION_FAILED');
        expect((err.details as { problems: string[] }).problems.join(' ')).to.match(problem);
      }
      expect(await stores.cases.get(a.id)).to.deep.equal(before);
    });

    it('should bound a share of the booking by its known value, and grant it without an amount when unknown', async () => {
      const { queue, bot } = queueOnFakes();
      const known = await enqueue(bot, '1', { problemId: 'double_charge', facts: { amount: '120 EUR' } });
      const unknown = await enqueue(bot, '2', { problemId: 'double_charge' });
      await queue.claim(known.id, 'Ana');
      await queue.claim(unknown.id, 'Ana');
      expect(queue.remedies(known).find((r) => r.remedyId === 'refund_duplicate_charge')?.maxAmount).to.deep.equal({ value: 120, currency: 'EUR' });
      expect((await refusal(queue.resolve(known.id, 'Ana', { outcome: 'x', remedy: { remedyId: 'refund_duplicate_charge', amount: 130 } }))).code).to.equal('VALIDATION_FAILED');
      expect((await refusal(queue.resolve(unknown.id, 'Ana', { outcome: 'x', remedy: { remedyId: 'refund_duplicate_charge', amount: 10 } }))).message).to.include('booking value is not known');
      const resolved = await queue.resolve(unknown.id, 'Ana', { outcome: 'refunded', remedy: { remedyId: 'refund_duplicate_charge' } });
      expect(resolved.remedy).to.deep.equal({ remedyId: 'refund_duplicate_charge' });
    });

    it('should close the case, tell the traveller the outcome and remedy, and schedule the follow-up', async () => {
      const { queue, bot, clock, messenger, stores } = queueOnFakes();
      const a = await enqueue(bot, '1', { problemId: 'double_charge' });
      await queue.claim(a.id, 'Ana');
      clock.advance(HOUR / 2);
      const resolved = await queue.resolve(a.id, 'Ana', { outcome: 'the duplicate payment is refunded', remedy: { remedyId: 'voucher_large', amount: 50 } });
      expect(resolved).to.include({ status: 'resolved', outcome: 'the duplicate payment is refunded' });
      expect(resolved.remedy).to.deep.equal({ remedyId: 'voucher_large', amount: 50, currency: 'EUR' });
      const told = messenger.to(a.conversationId).at(-1)!;
      expect(told).to.include('the duplicate payment is refunded').and.include('Larger voucher (50.00 EUR)');
      const followUp = await stores.followUps.get(resolutionCheckId(a.id, resolved.resolvedAt!));
      expect(followUp).to.include({ kind: 'resolution_check', conversationId: a.conversationId, dueAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString() });
      expect(stores.analytics.events.find((e) => e.type === 'handoff_resolved')?.data).to.deep.include({ sinceQueuedMs: HOUR / 2, sinceClaimMs: HOUR / 2, remedyId: 'voucher_large', amount: 50 });
    });
  });

  describe('release()', () => {
    it('should put the case back in the queue with an expiry and tell the traveller their place', async () => {
      const { queue, bot, clock, messenger } = queueOnFakes();
      const a = await enqueue(bot, '1');
      await queue.claim(a.id, 'Ana');
      const released = await queue.release(a.id, 'Ana', 'needs payments');
      expect(released).to.include({ status: 'pending' });
      expect(released.assignee).to.equal(undefined);
      expect(released.dueAt).to.equal(new Date(clock.now().getTime() + 4 * HOUR).toISOString());
      expect(messenger.to(a.conversationId).at(-1)).to.include('back in the queue (number 1)');
    });
  });

  describe('leaveQueue()', () => {
    it('should return the case to the bot and move the others up', async () => {
      const { queue, bot, messenger, clock } = queueOnFakes();
      const a = await enqueue(bot, '1');
      clock.advance(1000);
      const b = await enqueue(bot, '2');
      const returned = await queue.leaveQueue(a, 'user-1');
      expect(returned.status).to.equal('returned_to_bot');
      expect(messenger.to(b.conversationId)[0]).to.include('number 1');
    });
  });

  describe('sweep()', () => {
    it('should expire a case that waited too long, offering the bot or contact details', async () => {
      const { queue, bot, clock, messenger, stores } = queueOnFakes();
      const a = await enqueue(bot, '1');
      clock.advance(HOUR);
      const b = await enqueue(bot, '2');
      clock.advance(3 * HOUR);
      expect(await queue.sweep()).to.deep.equal({ expired: 1, released: 0 });
      expect((await stores.cases.get(a.id))?.status).to.equal('expired');
      expect((await stores.cases.get(b.id))?.status).to.equal('pending');
      expect(messenger.to(a.conversationId).at(-1)).to.include('continue here with me').and.include('e-mail address or phone number');
      expect(messenger.to(b.conversationId).at(-1)).to.include('number 1');
      expect((await stores.cases.listEvents(a.id)).at(-1)).to.deep.include({ type: 'expire', actor: { kind: 'system', id: 'sweeper' } });
      expect(await queue.sweep()).to.deep.equal({ expired: 0, released: 0 });
    });

    it('should release a case whose agent stayed silent too long', async () => {
      const { queue, bot, clock, stores, messenger } = queueOnFakes();
      const a = await enqueue(bot, '1');
      await queue.claim(a.id, 'Ana');
      clock.advance(HOUR - 1);
      expect(await queue.sweep()).to.deep.equal({ expired: 0, released: 0 });
      clock.advance(1);
      expect(await queue.sweep()).to.deep.equal({ expired: 0, released: 1 });
      expect((await stores.cases.get(a.id))?.status).to.equal('pending');
      expect(messenger.to(a.conversationId).at(-1)).to.include('back in the queue');
    });

    it('should let a case queued after hours wait for the morning', async () => {
      // Saturday 23:00 in Paris: the team is back on Monday at 08:00 (07:00 UTC).
      const { queue, bot, clock, stores } = queueOnFakes('2026-03-07T22:00:00.000Z');
      const a = await enqueue(bot, '1');
      expect(a.dueAt).to.equal('2026-03-09T11:00:00.000Z');
      clock.set('2026-03-09T10:59:00.000Z');
      await queue.sweep();
      expect((await stores.cases.get(a.id))?.status).to.equal('pending');
    });
  });
});
