import { expect } from 'chai';
import { MAX_PROOF_FAILURES, OWNER_PROOF_FACT, proofMatches, withBookingLookup, type BookingContext, type RecoverySession } from '../../src/recovery';
import { feed, kinds, makeEngine, only } from './engineHelpers';

const ANNA: BookingContext = {
  reference: 'WL-H482913',
  travellerNames: ['Anna Schmidt', 'Jonas Schmidt'],
  currency: 'EUR',
  totalAmount: 386,
  values: { travellerEmail: 'anna.schmidt@gmail.com', bookingTitle: 'Hôtel Lumière Opéra, Paris' },
};

/** A booking_not_found session where the traveller typed `reference`, and the platform said what it says. */
function typed(reference: string, found: boolean, vouched?: string[]): { engine: ReturnType<typeof makeEngine>['engine']; session: RecoverySession; text: string } {
  const { engine, clock } = makeEngine();
  const lookup = found ? { reference, found: true as const, booking: { ...ANNA, reference } } : { reference, found: false as const, didYouMean: ['WL-H482913'] };
  const started = engine.start('booking_not_found', {
    ...(vouched ? { vouched: { userId: 'u-anna', bookings: vouched.map((r) => ({ reference: r, product: 'hotel', title: 'Hôtel Lumière Opéra' })) } } : {}),
    facts: [{ name: 'bookingReference', value: reference }],
    lookups: [lookup],
  });
  void clock;
  return { engine, session: started.session, text: JSON.stringify(started.actions) };
}

describe('Booking ownership (engine)', () => {
  describe('withBookingLookup()', () => {
    it('should not take an unverified booking: no details, a proof asked instead', () => {
      const { session, text } = typed('WL-H482913', true);
      expect(session.booking).to.equal(undefined);
      expect(session.pendingFact).to.equal(OWNER_PROOF_FACT);
      for (const detail of ['Schmidt', '386', 'Lumière', 'anna.schmidt']) expect(text).not.to.include(detail);
    });

    it('should answer a reference that does not exist exactly like one that exists', () => {
      const existing = typed('WL-H482913', true);
      const missing = typed('WL-H482913', false);
      expect(missing.text).to.equal(existing.text);
      expect(missing.session.referencesNotFound).to.equal(undefined);
      const wrong = (s: RecoverySession) => JSON.stringify(existing.engine.next(s, { kind: 'fact_provided', name: OWNER_PROOF_FACT, value: 'Müller' }).actions);
      expect(wrong(missing.session)).to.equal(wrong(existing.session));
    });

    it('should offer "did you mean" only among the vouched traveller\'s own bookings', () => {
      const anonymous = withBookingLookup(typed('WL-H482913', true).session, { reference: 'WL-H482914', found: false, didYouMean: ['WL-H482913'] }, new Date());
      expect(anonymous.referencesNotFound?.['WL-H482914']).to.equal(undefined);
      const own = typed('WL-H482914', false, ['WL-H482913']);
      expect(own.session.referencesNotFound).to.deep.equal({ 'WL-H482914': ['WL-H482913'] });
      expect(own.text).to.include('Did you mean WL-H482913?');
    });

    it('should take a vouched traveller\'s own booking at once, verified by the platform', () => {
      const { session } = typed('WL-H482913', true, ['WL-H482913']);
      expect(session.booking?.travellerNames).to.deep.equal(ANNA.travellerNames);
      expect(session.verification?.verified).to.deep.include({ reference: 'WL-H482913', method: 'platform', at: session.startedAt });
    });
  });

  describe('next() with the proof', () => {
    it('should take the booking with the surname on it, leniently (accents, case, one typo)', () => {
      for (const answer of ['schmidt', 'SCHMIDT', 'Schmitd', 'my surname is Schmidt', 'Anna Schmidt', 'ANNA.SCHMIDT@gmail.com']) {
        const { engine, session } = typed('WL-H482913', true);
        const r = engine.next(session, { kind: 'fact_provided', name: OWNER_PROOF_FACT, value: answer });
        expect(r.session.booking?.reference, answer).to.equal('WL-H482913');
        expect(r.session.verification?.verified[0]?.method).to.equal(answer.includes('@') ? 'email' : 'surname');
        expect(JSON.stringify(r.actions)).to.include('booking WL-H482913 is yours');
      }
    });

    it('should refuse a wrong surname, a list of names, and stop after the last attempt', () => {
      const { engine, session } = typed('WL-H482913', true);
      const wrong = engine.next(session, { kind: 'fact_provided', name: OWNER_PROOF_FACT, value: 'Meyer Smith Jones Brown Schmidt' });
      expect(wrong.session.booking).to.equal(undefined);
      expect(only(wrong.actions, 'ask_fact').problem).to.include("doesn't match booking WL-H482913");
      const inputs = Array.from({ length: MAX_PROOF_FAILURES - 1 }, () => ({ kind: 'fact_provided' as const, name: OWNER_PROOF_FACT, value: 'Meyer' }));
      const locked = feed(engine, wrong.session, inputs);
      expect(locked.session.booking).to.equal(undefined);
      expect(locked.session.pendingFact).not.to.equal(OWNER_PROOF_FACT);
      expect(JSON.stringify(locked.actions)).to.include("can't confirm that this booking is yours");
      // The right surname afterwards changes nothing: the proofs are used up.
      expect(withBookingLookup(locked.session, { reference: 'WL-H482913', found: true, booking: ANNA }, new Date()).booking).to.equal(undefined);
    });

    it('should go on without the booking when the traveller does not know', () => {
      const { engine, session } = typed('WL-H482913', true);
      const r = engine.next(session, { kind: 'fact_unknown', name: OWNER_PROOF_FACT });
      expect(r.session.booking).to.equal(undefined);
      expect(kinds(r.actions)[0]).to.equal('say');
    });
  });

  describe('proofMatches()', () => {
    it('should not match a short name with a typo or another traveller', () => {
      expect(proofMatches('Li', { travellerNames: ['Wei Lu'] })).to.equal(undefined);
      expect(proofMatches('Lu', { travellerNames: ['Wei Lu'] })).to.equal('surname');
      expect(proofMatches('Garcia', ANNA)).to.equal(undefined);
      expect(proofMatches('anna@gmail.com', ANNA)).to.equal(undefined);
    });
  });
});
