import { expect } from 'chai';
import { allowedRemedies, withBookingContext } from '../../src/recovery';
import { recoveryKb } from '../fixtures/recovery/kb';
import { doubleChargeFacts, feed, makeEngine, only } from './engineHelpers';

const fail = { kind: 'step_outcome', outcome: 'failure' } as const;

describe('RecoveryEngine', () => {
  describe('next() through double_charge (platform at fault)', () => {
    it('should resolve at the S1 step when it works', () => {
      const { engine } = makeEngine();
      const r = feed(engine, engine.start('double_charge').session, [...doubleChargeFacts, { kind: 'step_outcome', outcome: 'success' }]);
      expect(r.session.status).to.equal('resolved');
    });

    it('should offer only the remedies the policy allows for this problem, within limits', () => {
      const { engine } = makeEngine();
      const r = feed(engine, engine.start('double_charge').session, [...doubleChargeFacts, fail]);
      expect(r.session.status).to.equal('offering_remedy');
      const offer = only(r.actions, 'offer_remedies');
      expect(offer.say).to.equal('We can put this right for WL-H482913.');
      // goodwill-agent is agent-only; rebook-free is not for double_charge.
      expect(offer.remedies).to.deep.equal([
        { remedyId: 'refund-duplicate', kind: 'refund', label: 'Refund of the duplicate charge', maxAmount: { value: 240, currency: 'EUR' }, stepId: 'remedy' },
        { remedyId: 'voucher-50', kind: 'voucher', label: 'A 50 EUR voucher', maxAmount: { value: 50, currency: 'EUR' }, stepId: 'remedy' },
      ]);
      expect(r.session.remedies.offered.map((o) => o.remedyId)).to.deep.equal(['refund-duplicate', 'voucher-50']);
    });

    it('should record an accepted remedy and resolve', () => {
      const { engine } = makeEngine();
      const r = feed(engine, engine.start('double_charge').session, [...doubleChargeFacts, fail, { kind: 'remedy_accepted', remedyId: 'refund-duplicate' }]);
      expect(r.session.status).to.equal('resolved');
      expect(r.session.remedies.accepted).to.equal('refund-duplicate');
      expect(r.session.steps.at(-1)).to.include({ stepId: 'remedy', outcome: 'success' });
    });

    it('should never accept a remedy that was not offered', () => {
      const { engine } = makeEngine();
      const r = feed(engine, engine.start('double_charge').session, [...doubleChargeFacts, fail]);
      expect(() => engine.next(r.session, { kind: 'remedy_accepted', remedyId: 'goodwill-agent' })).to.throw().with.property('code', 'VALIDATION_FAILED');
    });

    it('should follow onFailure after a decline (S2 bank) and then the playbook handoff', () => {
      const { engine } = makeEngine();
      const declined = feed(engine, engine.start('double_charge').session, [...doubleChargeFacts, fail, { kind: 'remedy_declined' }]);
      expect(declined.session.remedies.declined).to.deep.equal(['refund-duplicate', 'voucher-50']);
      const bank = only(declined.actions, 'show_step');
      expect(bank.stepId).to.equal('bank');
      // No sources named on the step: the sources listed for the problem.
      expect(bank.detail).to.deep.equal({ kind: 'outside_source', sources: [{ id: 'bank-line', title: 'Your bank', url: 'https://bank.example', lookFor: 'The dispute line' }] });
      const handed = engine.next(declined.session, fail);
      expect(handed.actions).to.deep.equal([{ kind: 'handoff', reason: 'playbook_handoff' }]);
    });
  });

  describe('allowedRemedies()', () => {
    const problem = recoveryKb.problems.find((p) => p.id === 'double_charge')!;
    const step = problem.steps.find((s) => s.id === 'remedy')!;

    it('should cap a share of the booking by the booking value from the platform', () => {
      const offered = allowedRemedies(recoveryKb, problem, step, { totalAmount: 30, currency: 'EUR' }, {});
      expect(offered.map((o) => [o.remedyId, o.maxAmount?.value])).to.deep.equal([['refund-duplicate', 30], ['voucher-50', 50]]);
    });

    it('should leave a share-of-booking remedy to an agent when the booking value is unknown', () => {
      expect(allowedRemedies(recoveryKb, problem, step, undefined, {}).map((o) => o.remedyId)).to.deep.equal(['voucher-50']);
    });

    it('should offer nothing when the platform is not at fault', () => {
      expect(allowedRemedies(recoveryKb, { ...problem, platformAtFault: false }, step, { totalAmount: 30, currency: 'EUR' }, {})).to.deep.equal([]);
    });

    it('should be reachable from a session through withBookingContext', () => {
      const { engine, clock } = makeEngine();
      const started = engine.start('double_charge');
      const withBooking = withBookingContext(started.session, { totalAmount: 99, currency: 'EUR' }, clock.now());
      const r = feed(engine, withBooking, [...doubleChargeFacts, fail]);
      expect(only(r.actions, 'offer_remedies').remedies[0].maxAmount).to.deep.equal({ value: 99, currency: 'EUR' });
    });
  });
});
