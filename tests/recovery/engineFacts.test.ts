import { expect } from 'chai';
import { feed, kinds, makeEngine, only } from './engineHelpers';

describe('RecoveryEngine', () => {
  describe('start()', () => {
    it('should acknowledge first, then ask the first fact with why', () => {
      const { engine } = makeEngine();
      const { session, actions } = engine.start('booking_not_found', { caseReference: 'RB-1001' });
      expect(kinds(actions)).to.deep.equal(['acknowledge', 'ask_fact']);
      expect(only(actions, 'ask_fact')).to.include({ name: 'bookingReference', why: 'It identifies the booking.', required: true });
      expect(session).to.include({ status: 'gathering_facts', pendingFact: 'bookingReference', caseReference: 'RB-1001' });
    });

    it('should refuse an unknown problem with NOT_FOUND', () => {
      const { engine } = makeEngine();
      expect(() => engine.start('nope')).to.throw().with.property('code', 'NOT_FOUND');
    });
  });

  describe('next() while gathering facts', () => {
    it('should store a valid fact normalised and unconfirmed, then ask the next', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const r = engine.next(session, { kind: 'fact_provided', name: 'bookingReference', value: 'wl h482913' });
      expect(r.session.facts.bookingReference).to.deep.equal({ kind: 'bookingReference', value: 'WL-H482913', raw: 'wl h482913', confirmed: false });
      expect(only(r.actions, 'ask_fact').name).to.equal('email');
    });

    it('should re-ask an invalid fact with the reason in plain words', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const r = engine.next(session, { kind: 'fact_provided', name: 'bookingReference', value: '12' });
      expect(r.session.status).to.equal('gathering_facts');
      expect(r.session.facts).to.deep.equal({});
      expect(only(r.actions, 'ask_fact').problem).to.include('WL-H482913 (hotel)');
    });

    it('should ask "did you mean" for a near miss and take the suggestion when accepted', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const asked = feed(engine, session, [
        { kind: 'fact_provided', name: 'bookingReference', value: 'WL-H482913' },
        { kind: 'fact_provided', name: 'email', value: 'anna@gmial.com' },
      ]);
      expect(asked.session.status).to.equal('confirming_facts');
      const confirm = only(asked.actions, 'confirm_facts');
      expect(confirm.mode).to.equal('suggestion');
      expect(confirm.facts[0]).to.deep.include({ name: 'email', value: 'anna@gmial.com', suggestion: { value: 'anna@gmail.com', reason: 'Did you mean anna@gmail.com?' } });
      const accepted = engine.next(asked.session, { kind: 'suggestion_accepted', name: 'email' });
      expect(accepted.session.facts.email).to.include({ value: 'anna@gmail.com', confirmed: true });
      expect(accepted.session.status).to.equal('gathering_facts');
      expect(only(accepted.actions, 'ask_fact')).to.include({ name: 'phone', required: false });
    });

    it('should confirm all facts in one summary before acting, then ask the wished outcome', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const summary = feed(engine, session, [
        { kind: 'fact_provided', name: 'bookingReference', value: 'WL-H482913' },
        { kind: 'fact_provided', name: 'email', value: 'anna@gmail.com' },
        { kind: 'fact_skipped', name: 'phone' },
      ]);
      const confirm = only(summary.actions, 'confirm_facts');
      expect(confirm.mode).to.equal('summary');
      expect(confirm.facts.map((f) => f.name)).to.deep.equal(['bookingReference', 'email']);
      const confirmed = engine.next(summary.session, { kind: 'facts_confirmed' });
      expect(confirmed.session.status).to.equal('asking_wished_outcome');
      expect(Object.values(confirmed.session.facts).every((f) => f.confirmed)).to.equal(true);
      expect(only(confirmed.actions, 'ask_wished_outcome').suggestions.length).to.be.greaterThan(1);
    });

    it('should re-confirm after a correction in the summary', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const r = feed(engine, session, [
        { kind: 'fact_provided', name: 'bookingReference', value: 'WL-H482913' },
        { kind: 'fact_provided', name: 'email', value: 'anna@gmail.com' },
        { kind: 'fact_skipped', name: 'phone' },
        { kind: 'fact_corrected', name: 'email', value: 'anna.b@gmail.com' },
      ]);
      expect(only(r.actions, 'confirm_facts').facts.find((f) => f.name === 'email')?.value).to.equal('anna.b@gmail.com');
    });

    it('should refuse to skip a required fact and to take an unknown fact', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      expect(() => engine.next(session, { kind: 'fact_skipped', name: 'email' })).to.throw().with.property('code', 'VALIDATION_FAILED');
      expect(() => engine.next(session, { kind: 'fact_provided', name: 'shoeSize', value: '42' })).to.throw().with.property('code', 'VALIDATION_FAILED');
    });

    it('should check a date fact against the clock (a payment date in the future is refused)', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('double_charge');
      const r = feed(engine, session, [
        { kind: 'fact_provided', name: 'bookingReference', value: 'WL-H482913' },
        { kind: 'fact_provided', name: 'amount', value: '240 EUR' },
        { kind: 'fact_provided', name: 'paymentDate', value: '12/05/2026' },
      ]);
      expect(only(r.actions, 'ask_fact')).to.include({ name: 'paymentDate' });
      expect(only(r.actions, 'ask_fact').problem).to.include('still to come');
    });
  });
});
