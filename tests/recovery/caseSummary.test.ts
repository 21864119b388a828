import { expect } from 'chai';
import { buildCaseSummary, sentimentTrend } from '../../src/recovery';
import { recoveryKb } from '../fixtures/recovery/kb';
import { doubleChargeFacts, feed, makeEngine } from './engineHelpers';

describe('buildCaseSummary()', () => {
  it('should hold everything an agent needs, in order, without redacting the facts', () => {
    const { engine } = makeEngine();
    let { session } = engine.start('double_charge', { caseReference: 'RB-2001' });
    session = engine.observe(session, { sentiment: { score: -0.5, frustrated: true } }).session;
    session = feed(engine, session, [...doubleChargeFacts, { kind: 'step_outcome', outcome: 'failure' }, { kind: 'remedy_declined' }]).session;
    session = engine.observe(session, { sentiment: { score: -0.7, frustrated: true } }).session;
    session = engine.next(session, { kind: 'handoff_requested' }).session;
    const summary = buildCaseSummary(session, recoveryKb);
    expect(summary.problem).to.deep.equal({ id: 'double_charge', title: 'Charged twice', tags: [], platformAtFault: true });
    expect(summary.caseReference).to.equal('RB-2001');
    expect(summary.facts.map((f) => [f.name, f.value, f.confirmed])).to.deep.equal([
      ['bookingReference', 'WL-H482913', true],
      ['amount', '240.00 EUR', true],
      ['paymentDate', '2026-02-27', true],
    ]);
    expect(summary.stepsTried.map((s) => `${s.strategy}:${s.stepId}:${s.outcome}`)).to.deep.equal(['S1:pending:failure', 'S4:remedy:failure']);
    expect(summary.wishedOutcome).to.equal('My money back');
    expect(summary.remedies.offered.map((r) => r.remedyId)).to.deep.equal(['refund-duplicate', 'voucher-50']);
    expect(summary.remedies.declined).to.deep.equal(['refund-duplicate', 'voucher-50']);
    expect(summary.sentiment).to.deep.include({ trend: 'worsening', first: -0.5, last: -0.7, frustratedTurns: 2 });
    // Two frustrated readings in a row made the engine offer a person; the traveller took the offer.
    expect(summary.handoffReason).to.equal('frustration');
    expect(summary.lines).to.include('Fact Booking reference?: WL-H482913 (confirmed)');
  });
});

describe('sentimentTrend()', () => {
  const at = '2026-03-01T09:00:00Z';
  const points = (...scores: number[]) => scores.map((score) => ({ score, frustrated: score < -0.3, at }));
  it('should read the direction of the mood', () => {
    expect(sentimentTrend(points(-0.6, -0.4, 0.2, 0.5))).to.equal('improving');
    expect(sentimentTrend(points(0.2, 0.1, 0.15))).to.equal('steady');
    expect(sentimentTrend(points(0.3))).to.equal('unknown');
  });
});
