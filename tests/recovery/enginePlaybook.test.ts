import { expect } from 'chai';
import { restoreSession, RecoveryEngine, type RecoverySession } from '../../src/recovery';
import { ManualClock } from '../fakes/manualClock';
import { fixtureKnowledge } from '../fixtures/recovery/kb';
import { bookingNotFoundFacts, feed, kinds, makeEngine, only } from './engineHelpers';

const fail = { kind: 'step_outcome', outcome: 'failure' } as const;
const succeed = { kind: 'step_outcome', outcome: 'success' } as const;

function atFirstStep(): { engine: RecoveryEngine; clock: ManualClock; session: RecoverySession; actions: ReturnType<RecoveryEngine['resume']> } {
  const { engine, clock } = makeEngine();
  const started = engine.start('booking_not_found', { caseReference: 'RB-1001' });
  const { session, actions } = feed(engine, started.session, bookingNotFoundFacts);
  return { engine, clock, session, actions };
}

describe('RecoveryEngine', () => {
  describe('next() through booking_not_found', () => {
    it('should show the S6 step with the facts filled in and their checks', () => {
      const { session, actions } = atFirstStep();
      expect(session).to.include({ status: 'running_step', currentStepId: 'check-ref', wishedOutcome: 'Find my booking' });
      const step = only(actions, 'show_step');
      expect(step).to.include({ strategy: 'S6', action: 'check_input', say: 'Let us check WL-H482913 and anna@gmail.com.', successQuestion: 'Is the reference right?' });
      expect(step.position).to.deep.equal({ index: 1, total: 4 });
      expect(step.detail).to.deep.equal({
        kind: 'check_input',
        checks: [
          { name: 'bookingReference', label: 'Booking', value: 'WL-H482913', result: { kind: 'valid', value: 'WL-H482913' } },
          { name: 'email', label: 'E-mail', value: 'anna@gmail.com', result: { kind: 'valid', value: 'anna@gmail.com' } },
        ],
      });
    });

    it('should resolve on success and record the step', () => {
      const { engine, session } = atFirstStep();
      const r = engine.next(session, succeed);
      expect(r.session.status).to.equal('resolved');
      expect(r.actions).to.deep.equal([{ kind: 'resolved', stepId: 'check-ref' }]);
      expect(r.session.steps).to.deep.equal([{ stepId: 'check-ref', strategy: 'S6', outcome: 'success', at: '2026-03-01T09:00:00.000Z' }]);
    });

    it('should walk each failure to the next strategy with encouragement and its capability', () => {
      const { engine, session } = atFirstStep();
      const howto = engine.next(session, fail);
      const s5 = only(howto.actions, 'show_step');
      expect(s5).to.include({ stepId: 'my-trips', strategy: 'S5' });
      expect(s5.encouragement).to.be.a('string').and.not.match(/you (made|did) a mistake/i);
      expect(s5.detail).to.deep.equal({ kind: 'howto', howto: { feature: 'My trips', steps: ['Log in', 'Open My trips'] } });

      const sources = engine.next(howto.session, fail);
      const s2 = only(sources.actions, 'show_step');
      expect(s2.detail).to.deep.equal({
        kind: 'outside_source',
        sources: [
          { id: 'mail-search', title: 'Your mailbox', url: 'https://mail.example/search?q=WL-H482913', lookFor: 'A mail from Wanderly with WL-H482913' },
          // Its URL needs a value the session does not have: shown without a broken link.
          { id: 'airline-status', title: 'Airline status', lookFor: 'Your flight' },
        ],
      });

      const actor = engine.next(sources.session, fail);
      const s3 = only(actor.actions, 'show_step');
      expect(s3.detail).to.deep.equal({
        kind: 'contact_actor',
        actor: { kind: 'hotel', label: 'The hotel front desk', channels: ['phone', 'platform_message'], responseTime: 'within an hour' },
        draft: { text: 'Hello, I booked WL-H482913 as anna@gmail.com. Regards, …', missingFacts: ['travellerName'] },
      });
    });

    it('should hand off with playbook_exhausted when every step failed, with every step recorded in order', () => {
      const { engine, session } = atFirstStep();
      const r = feed(engine, session, [fail, fail, fail, fail]);
      expect(r.session.status).to.equal('handed_off');
      expect(r.actions).to.deep.equal([{ kind: 'handoff', reason: 'playbook_exhausted' }]);
      expect(r.session.handoff?.reason).to.equal('playbook_exhausted');
      expect(r.session.steps.map((s) => `${s.strategy}:${s.stepId}:${s.outcome}`)).to.deep.equal([
        'S6:check-ref:failure',
        'S5:my-trips:failure',
        'S2:inbox:failure',
        'S3:ask-hotel:failure',
      ]);
    });

    it('should ask "did that work?" after step_done (e.g. the draft was sent)', () => {
      const { engine, session } = atFirstStep();
      const r = engine.next(session, { kind: 'step_done' });
      expect(r.session.status).to.equal('awaiting_outcome');
      expect(r.actions).to.deep.equal([{ kind: 'ask_outcome', stepId: 'check-ref', question: 'Is the reference right?' }]);
      expect(engine.next(r.session, succeed).session.status).to.equal('resolved');
    });

    it('should re-check a fact corrected during the S6 step and show the step again', () => {
      const { engine, session } = atFirstStep();
      const r = engine.next(session, { kind: 'fact_corrected', name: 'bookingReference', value: 'WL-H48291O' });
      const check = only(r.actions, 'show_step').detail;
      expect(check.kind === 'check_input' && check.checks[0].result?.kind).to.equal('suggestion');
      const accepted = engine.next(r.session, { kind: 'suggestion_accepted', name: 'bookingReference' });
      expect(accepted.session.facts.bookingReference).to.include({ value: 'WL-H482910', confirmed: true });
      expect(only(accepted.actions, 'show_step').say).to.include('WL-H482910');
    });
  });

  describe('restart in the middle', () => {
    it('should continue the same step from a session serialised to JSON, with a new engine', () => {
      const { engine, session } = atFirstStep();
      const second = engine.next(session, fail);
      const stored: unknown = JSON.parse(JSON.stringify(second.session));
      const restarted = new RecoveryEngine(fixtureKnowledge, new ManualClock('2026-03-01T10:00:00.000Z'));
      const restored = restoreSession(stored);
      expect(restored).to.deep.equal(second.session);
      expect(only(restarted.resume(restored), 'show_step').stepId).to.equal('my-trips');
      const third = restarted.next(restored, fail);
      expect(third.session.currentStepId).to.equal('inbox');
      expect(third.session.steps.map((s) => s.at)).to.deep.equal(['2026-03-01T09:00:00.000Z', '2026-03-01T10:00:00.000Z']);
    });

    it('should refuse a corrupt stored session with VALIDATION_FAILED', () => {
      expect(() => restoreSession({ version: 1, status: 'flying' })).to.throw().with.property('code', 'VALIDATION_FAILED');
    });
  });

  describe('next() with an input the status does not accept', () => {
    it('should refuse with ILLEGAL_TRANSITION', () => {
      const { engine } = makeEngine();
      const { session } = engine.start('booking_not_found');
      expect(() => engine.next(session, succeed)).to.throw().with.property('code', 'ILLEGAL_TRANSITION');
      expect(() => engine.next(session, { kind: 'remedy_accepted', remedyId: 'voucher-50' })).to.throw().with.property('code', 'ILLEGAL_TRANSITION');
    });

    it('should accept nothing once handed off', () => {
      const { engine, session } = atFirstStep();
      const handed = engine.next(session, { kind: 'handoff_requested' });
      expect(handed.actions).to.deep.equal([{ kind: 'handoff', reason: 'asked_for_person' }]);
      expect(() => engine.next(handed.session, fail)).to.throw().with.property('code', 'ILLEGAL_TRANSITION');
      expect(kinds(engine.resume(handed.session))).to.deep.equal(['handoff']);
    });
  });
});
