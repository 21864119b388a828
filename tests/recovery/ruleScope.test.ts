import * as path from 'node:path';
import { expect } from 'chai';
import { parseKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { readKnowledgeDir } from '../../src/storage/knowledgeFiles';
import { createSession } from '../../src/recovery/session';
import { showStep } from '../../src/recovery/stepView';
import { ruleScope, scopeFactsOf, scopedStep, type ScopeFacts } from '../../src/recovery/ruleScope';
import { emergencyNumberFor } from '../../src/recovery/emergencyNumbers';
import type { BookingContext } from '../../src/recovery/types';

const NOW = new Date('2026-03-02T09:30:00Z');

function flight(route: { dep: string; arr: string; carrier: string }, extra: Record<string, string> = {}): BookingContext {
  return {
    reference: 'WL-F000001',
    product: 'flight',
    values: { departureCountry: route.dep, arrivalCountry: route.arr, carrierCountry: route.carrier, bookedOn: '2026-01-26', bookingStart: '2026-03-05', country: route.arr, ...extra },
  };
}
const facts = (booking: BookingContext | undefined): ScopeFacts => scopeFactsOf(booking, NOW);

describe('ruleScope', () => {
  describe('ruleScope()', () => {
    it('should put EU261 in scope for a flight departing the EU on any airline', () => {
      expect(ruleScope('eu261', facts(flight({ dep: 'FR', arr: 'US', carrier: 'US' }))).kind).to.equal('in');
    });

    it('should put EU261 out of scope for a flight arriving in the EU on a UK or US airline', () => {
      expect(ruleScope('eu261', facts(flight({ dep: 'US', arr: 'FR', carrier: 'US' }))).kind).to.equal('out');
      expect(ruleScope('eu261', facts(flight({ dep: 'GB', arr: 'FR', carrier: 'GB' }))).kind).to.equal('out');
    });

    it('should put EU261 in scope for a flight arriving in the EU on an EU airline', () => {
      expect(ruleScope('eu261', facts(flight({ dep: 'US', arr: 'DE', carrier: 'DE' }))).kind).to.equal('in');
    });

    it('should put UK261 in scope from the UK, and into the UK on a UK or EU airline only', () => {
      expect(ruleScope('uk261', facts(flight({ dep: 'GB', arr: 'US', carrier: 'GB' }))).kind).to.equal('in');
      expect(ruleScope('uk261', facts(flight({ dep: 'PT', arr: 'GB', carrier: 'NL' }))).kind).to.equal('in');
      expect(ruleScope('uk261', facts(flight({ dep: 'US', arr: 'GB', carrier: 'US' }))).kind).to.equal('out');
    });

    it('should put the US refund rule in scope for flights to or from the US', () => {
      expect(ruleScope('usDotRefund', facts(flight({ dep: 'FR', arr: 'US', carrier: 'FR' }))).kind).to.equal('in');
      expect(ruleScope('usDotRefund', facts(flight({ dep: 'FR', arr: 'IT', carrier: 'FR' }))).kind).to.equal('out');
    });

    it('should never put the US 24-hour rule in scope for a Paris-Rome flight', () => {
      const verdict = ruleScope('usDot24h', facts(flight({ dep: 'FR', arr: 'IT', carrier: 'FR' }, { bookedOn: '2026-03-02', bookingStart: '2026-04-01' })));
      expect(verdict.kind).to.equal('out');
    });

    it('should put the 24-hour rule in scope only when booked today and at least 7 days ahead', () => {
      const us = { dep: 'FR', arr: 'US', carrier: 'FR' };
      expect(ruleScope('usDot24h', facts(flight(us, { bookedOn: '2026-03-02', bookingStart: '2026-03-20' }))).kind).to.equal('in');
      expect(ruleScope('usDot24h', facts(flight(us, { bookedOn: '2026-03-02', bookingStart: '2026-03-05' }))).kind).to.equal('out');
      expect(ruleScope('usDot24h', facts(flight(us, { bookedOn: '2026-01-26', bookingStart: '2026-03-20' }))).kind).to.equal('out');
      expect(ruleScope('usDot24h', facts(flight(us, { bookedOn: '2026-03-01', bookingStart: '2026-03-20' }))).kind).to.equal('unknown');
    });

    it('should apply the Montreal Convention to international flights and EU airlines, not to other domestic flights', () => {
      expect(ruleScope('montreal', facts(flight({ dep: 'DE', arr: 'US', carrier: 'DE' }))).kind).to.equal('in');
      expect(ruleScope('montreal', facts(flight({ dep: 'FR', arr: 'FR', carrier: 'FR' }))).kind).to.equal('in');
      expect(ruleScope('montreal', facts(flight({ dep: 'US', arr: 'US', carrier: 'US' }))).kind).to.equal('out');
    });

    it('should read package travel from how the platform sold the booking', () => {
      const tour = (soldAs?: string): BookingContext => ({ product: 'tour', values: soldAs ? { soldAs } : {} });
      expect(ruleScope('packageTravel', facts(tour('package'))).kind).to.equal('in');
      expect(ruleScope('packageTravel', facts(tour('separate'))).kind).to.equal('out');
      expect(ruleScope('packageTravel', facts(tour())).kind).to.equal('unknown');
    });

    it('should leave every rule unknown without a booking, and put flight rules out of scope for other products', () => {
      for (const rule of ['eu261', 'uk261', 'usDotRefund', 'usDot24h', 'montreal', 'packageTravel'] as const) expect(ruleScope(rule, facts(undefined)).kind).to.equal('unknown');
      expect(ruleScope('eu261', facts({ product: 'hotel', values: {} })).kind).to.equal('out');
    });
  });

  describe('scopedStep()', () => {
    const step = {
      id: 's', strategy: 'S2', action: 'outside_source', say: 'unknown text', success: 'ok', onSuccess: 'resolved', onFailure: 'next',
      sources: ['eu', 'airline'],
      scoped: [{ rule: 'eu261', say: 'EU text' }, { rule: 'uk261', say: 'UK text', sources: ['uk'] }],
      outOfScope: { say: 'none applies' },
    } as never;
    const ruleOf = (id: string) => (id === 'eu' ? 'eu261' : id === 'uk' ? 'uk261' : undefined);

    it('should say the first rule in scope', () => {
      expect(scopedStep(step, facts(flight({ dep: 'FR', arr: 'US', carrier: 'FR' })), ruleOf).say).to.equal('EU text');
      const uk = scopedStep(step, facts(flight({ dep: 'GB', arr: 'US', carrier: 'GB' })), ruleOf);
      expect(uk.say).to.equal('UK text');
      expect(uk.sources).to.deep.equal(['uk']);
    });

    it('should say the out-of-scope text, without the rule sources, when no rule applies', () => {
      const out = scopedStep(step, facts(flight({ dep: 'US', arr: 'JP', carrier: 'US' })), ruleOf);
      expect(out.say).to.equal('none applies');
      expect(out.sources).to.deep.equal(['airline']);
    });

    it('should keep the text that states each scope when the facts are unknown', () => {
      expect(scopedStep(step, facts(undefined), ruleOf).say).to.equal('unknown text');
    });
  });

  describe('showStep() over the shipped knowledge base', () => {
    let kb: KnowledgeBase;
    before(async () => {
      const parsed = parseKnowledgeBase(await readKnowledgeDir(path.join(__dirname, '..', '..', 'knowledge')));
      if (!parsed.ok) throw new Error('the shipped KB is invalid');
      kb = parsed.value;
    });

    const show = (problemId: string, stepId: string, booking?: BookingContext) => {
      const problem = kb.problems.find((p) => p.id === problemId)!;
      const session = { ...createSession(problemId, NOW), ...(booking ? { booking } : {}) };
      return showStep(kb, problem, problem.steps.find((s) => s.id === stepId)!, session, NOW);
    };

    it('should quote no EU261 amount for a lost bag, and the Montreal limit for an international flight', () => {
      const step = show('baggage_lost_delayed', 'know_your_claim', flight({ dep: 'DE', arr: 'US', carrier: 'DE' }));
      expect(step.say).to.include('1,519 SDR');
      expect(step.say).to.not.match(/250|600 EUR/);
    });

    it('should state UK rules for a London-New York flight on a UK airline, and no rule for a US-Japan flight', () => {
      expect(show('flight_changed_cancelled', 'passenger_rights', flight({ dep: 'GB', arr: 'US', carrier: 'GB' })).say).to.include('UK261');
      expect(show('flight_changed_cancelled', 'passenger_rights', flight({ dep: 'JP', arr: 'KR', carrier: 'JP' })).say).to.include('outside the EU, UK and US');
    });

    it('should give the destination country\'s emergency number in a safety step, and a fallback without a booking', () => {
      const booking: BookingContext = { reference: 'WL-X000001', product: 'transfer', values: { country: 'US' } };
      expect(show('transfer_driver_no_show', 'take_taxi', booking).say).to.include('911');
      expect(show('transfer_driver_no_show', 'take_taxi').say).to.include('112 anywhere in Europe');
      expect(emergencyNumberFor(kb.escalation, { values: { country: 'PT' } })).to.equal('112');
    });

    it('should fill a promise from the compensation policy, with the grantor of an agent-only remedy', () => {
      const step = show('hotel_no_reservation', 'pay_and_claim', { reference: 'WL-H482913', product: 'hotel', values: { country: 'FR' } });
      expect(step.say).to.include('up to 300 EUR, if a person from our team approves it');
    });
  });
});
