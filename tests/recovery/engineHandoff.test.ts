import { expect } from 'chai';
import { feed, kinds, makeEngine, only } from './engineHelpers';

describe('RecoveryEngine', () => {
  describe('start() for a high-stakes problem', () => {
    it('should offer a person at once and still start the self-recovery', () => {
      const { engine } = makeEngine();
      const { session, actions } = engine.start('hotel_no_reservation');
      expect(kinds(actions)).to.deep.equal(['acknowledge', 'offer_handoff', 'ask_wished_outcome']);
      expect(only(actions, 'offer_handoff').reason).to.equal('high_stakes');
      expect(session).to.include({ status: 'asking_wished_outcome', pendingHandoffOffer: 'high_stakes' });
    });

    it('should hand off with reason high_stakes when the offer is taken', () => {
      const { engine } = makeEngine();
      const r = engine.next(engine.start('hotel_no_reservation').session, { kind: 'handoff_requested' });
      expect(r.actions).to.deep.equal([{ kind: 'handoff', reason: 'high_stakes' }]);
    });

    it('should carry on where it was when the offer is declined', () => {
      const { engine } = makeEngine();
      const r = engine.next(engine.start('hotel_no_reservation').session, { kind: 'handoff_declined' });
      expect(kinds(r.actions)).to.deep.equal(['ask_wished_outcome']);
      expect(r.session.pendingHandoffOffer).to.equal(undefined);
    });

    it('should show the S4 risks, skip a remedy step the policy does not allow, and end exhausted', () => {
      const { engine } = makeEngine();
      const shown = feed(engine, engine.start('hotel_no_reservation').session, [{ kind: 'handoff_declined' }, { kind: 'wished_outcome', text: 'A room tonight' }]);
      expect(only(shown.actions, 'show_step').detail).to.deep.equal({ kind: 'workaround', risks: 'The desk may still refuse.' });
      const r = engine.next(shown.session, { kind: 'step_outcome', outcome: 'failure' });
      expect(r.actions).to.deep.equal([{ kind: 'handoff', reason: 'playbook_exhausted' }]);
      expect(r.session.steps.map((s) => `${s.stepId}:${s.outcome}`)).to.deep.equal(['show-confirmation:failure', 'no-remedy:skipped']);
      expect(r.session.remedies.offered).to.deep.equal([]);
    });
  });

  describe('observe()', () => {
    const frustrated = { sentiment: { score: -0.6, frustrated: true }, understood: true };

    it('should offer a person after frustrationTurns frustrated turns, once', () => {
      const { engine } = makeEngine();
      let { session } = engine.start('booking_not_found');
      const first = engine.observe(session, frustrated);
      expect(first.actions).to.deep.equal([]);
      const second = engine.observe(first.session, frustrated);
      expect(second.actions).to.deep.equal([{ kind: 'offer_handoff', reason: 'frustration' }]);
      session = engine.next(second.session, { kind: 'handoff_declined' }).session;
      expect(engine.observe(session, frustrated).actions).to.deep.equal([]);
      expect(session.sentiment.map((s) => s.score)).to.deep.equal([-0.6, -0.6]);
    });

    it('should not count frustrated turns that are not consecutive', () => {
      const { engine } = makeEngine();
      let { session } = engine.start('booking_not_found');
      for (const score of [-0.6, 0.2, -0.6]) session = engine.observe(session, { sentiment: { score, frustrated: score < -0.3 } }).session;
      expect(session.pendingHandoffOffer).to.equal(undefined);
    });

    it('should offer a person after misunderstandingLimit misunderstandings in a row, and reset when understood', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const once = engine.observe(session, { understood: false });
      const reset = engine.observe(once.session, { understood: true });
      expect(reset.session.misunderstandings).to.equal(0);
      const again = engine.observe(engine.observe(reset.session, { understood: false }).session, { understood: false });
      expect(again.actions).to.deep.equal([{ kind: 'offer_handoff', reason: 'misunderstanding' }]);
      expect(engine.next(again.session, { kind: 'handoff_requested' }).session.handoff?.reason).to.equal('misunderstanding');
    });

    it('should let the traveller ask for a person at any point', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      const r = engine.next(session, { kind: 'handoff_requested' });
      expect(r.session.status).to.equal('handed_off');
      expect(r.actions).to.deep.equal([{ kind: 'handoff', reason: 'asked_for_person' }]);
    });

    it('should end a session the traveller abandons', () => {
      const { engine } = makeEngine();
      const r = engine.next(engine.start('booking_not_found').session, { kind: 'abandon' });
      expect(r.session.status).to.equal('abandoned');
      expect(r.actions).to.deep.equal([{ kind: 'abandoned' }]);
    });
  });
});
