import { expect } from 'chai';
import { RecoveryEngine, type RecoverySession } from '../../src/recovery';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import { ManualClock } from '../fakes/manualClock';
import { shippedKb } from '../helpers/shippedKb';
import { feed, kinds, only } from './engineHelpers';

// On the shipped playbooks: what the traveller sorts out on their own, part-way, ends that part of the walkthrough.
describe('RecoveryEngine on the shipped knowledge base', () => {
  let engine: RecoveryEngine;
  let kb: KnowledgeBase;

  before(async () => {
    kb = await shippedKb();
    engine = new RecoveryEngine({ current: () => kb }, new ManualClock('2026-03-02T09:30:00.000Z'));
  });

  describe('a reference found after "I don\'t know"', () => {
    it('should stop asking the e-mail and date that stood in for it', () => {
      const { session } = engine.start('wrong_details_entered');
      const unknown = engine.next(session, { kind: 'fact_unknown', name: 'bookingReference' });
      expect(only(unknown.actions, 'ask_fact').name).to.equal('bookingEmail');
      const found = engine.next(unknown.session, { kind: 'facts_given', facts: [{ name: 'bookingReference', value: 'WL-F205847' }] });
      expect(found.actions.filter((a) => a.kind === 'ask_fact').map((a) => (a as { name: string }).name)).to.not.include.members(['bookingEmail', 'bookingDate']);
      expect(found.session.pendingFact).to.not.be.oneOf(['bookingEmail', 'bookingDate']);
    });

    it('should still ask them while the reference stays unknown', () => {
      const { session } = engine.start('wrong_details_entered');
      const r = feed(engine, session, [{ kind: 'fact_unknown', name: 'bookingReference' }, { kind: 'facts_given', facts: [{ name: 'bookingEmail', value: 'anna.schmidt@gmail.com' }] }]);
      expect(r.session.pendingFact).to.equal('bookingDate');
    });
  });

  describe('a reference for a booking made elsewhere', () => {
    it('should go on without it and ask nothing to search for it', () => {
      const { session } = engine.start('wrong_details_entered');
      const r = engine.next(session, { kind: 'fact_unknown', name: 'bookingReference', elsewhere: true });
      const asked = r.actions.filter((a) => a.kind === 'ask_fact').map((a) => (a as { name: string }).name);
      expect(asked).to.not.include.members(['bookingEmail', 'bookingDate']);
      expect(asked).to.have.length.above(0);
      expect(r.session.unknownFacts).to.include('bookingReference');
      expect(r.session.alternatives ?? []).to.deep.equal([]);
    });
  });

  describe('a choice implied by a date (fromDate)', () => {
    it('should leave where the traveller is to ask when they arrive tomorrow (they may be at the door)', () => {
      const { session } = engine.start('host_not_responding', { facts: [{ name: 'bookingReference', value: 'WL-H731502' }, { name: 'guestName', value: 'Lena' }, { name: 'arrivalDate', value: '2026-03-03' }] });
      expect(session.facts.urgency).to.equal(undefined);
      expect(session.pendingFact).to.equal('urgency');
    });

    it('should take "more than a day away" for an arrival in two weeks', () => {
      const { session } = engine.start('host_not_responding', { facts: [{ name: 'bookingReference', value: 'WL-H915406' }, { name: 'arrivalDate', value: '2026-03-16' }] });
      expect(session.facts.urgency?.value).to.equal('My trip is more than a day away');
    });
  });

  describe('next({ kind: "solved" })', () => {
    const resolvedFrom = (session: RecoverySession) => engine.next(session, { kind: 'solved' });

    it('should resolve while facts are still being asked', () => {
      const { session } = engine.start('booking_not_found');
      const r = resolvedFrom(session);
      expect(r.session.status).to.equal('resolved');
      expect(kinds(r.actions)).to.deep.equal(['resolved']);
    });

    it('should resolve from the confirmation and from a running step alike', () => {
      const { session } = engine.start('booking_not_found');
      const confirming = feed(engine, session, [
        { kind: 'facts_given', facts: [{ name: 'email', value: 'sophie.martin@hotmail.fr' }, { name: 'bookingDate', value: '2026-02-16' }] },
        { kind: 'fact_skipped', name: 'bookingReference' },
        { kind: 'fact_skipped', name: 'chargeAmount' },
      ]);
      expect(confirming.session.status).to.equal('confirming_facts');
      expect(resolvedFrom(confirming.session).session.status).to.equal('resolved');
      const running = feed(engine, confirming.session, [{ kind: 'facts_confirmed' }, { kind: 'wished_outcome', text: 'find it' }]);
      expect(running.session.status).to.equal('running_step');
      expect(only(resolvedFrom(running.session).actions, 'resolved').stepId).to.equal(running.session.currentStepId);
    });

    it('should be refused once the walkthrough has ended', () => {
      const { session } = engine.start('booking_not_found');
      const abandoned = engine.next(session, { kind: 'abandon' }).session;
      expect(() => resolvedFrom(abandoned)).to.throw();
    });
  });
});
