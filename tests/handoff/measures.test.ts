import { expect } from 'chai';
import { handoffMeasures, type MeasuredEvent } from '../../src/handoff/measures';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes)).toISOString();

describe('handoffMeasures', () => {
  describe('handoffMeasures()', () => {
    it('should compute the handoff rate and the median and p90 times to claim and resolve', () => {
      const events: MeasuredEvent[] = [
        { type: 'faq_answered', at: at(0), conversationId: 'c0' },
        { type: 'faq_answered', at: at(0), conversationId: 'c9' },
        ...[1, 2, 3].flatMap((n): MeasuredEvent[] => [
          { type: 'handoff', at: at(n), conversationId: `c${n}`, caseId: `k${n}` },
          { type: 'handoff_claimed', at: at(n + 1), conversationId: `c${n}`, caseId: `k${n}`, data: { waitMs: n * 60_000 } },
        ]),
        { type: 'handoff_resolved', at: at(10), conversationId: 'c1', caseId: 'k1', data: { sinceQueuedMs: 600_000, remedyId: 'voucher' } },
        { type: 'handoff_released', at: at(11), conversationId: 'c2', caseId: 'k2', data: { by: 'agent' } },
        { type: 'handoff', at: at(12), conversationId: 'c4', caseId: 'k4' },
        { type: 'handoff_expired', at: at(20), conversationId: 'c4', caseId: 'k4', data: { waitMs: 8 * 60_000 } },
      ];
      const m = handoffMeasures(events);
      expect(m).to.deep.include({ conversations: 6, handoffs: 4, handoffRate: 4 / 6, claimed: 3, resolved: 1, expired: 1, released: 1 });
      expect(m.timeToClaim).to.deep.equal({ count: 3, medianMs: 120_000, p90Ms: 180_000 });
      expect(m.timeToResolve).to.deep.equal({ count: 1, medianMs: 600_000, p90Ms: 600_000 });
      expect(m.cases.find((c) => c.caseId === 'k1')).to.deep.include({ outcome: 'resolved', timeToClaimMs: 60_000, timeToResolveMs: 600_000, remedyId: 'voucher' });
      expect(m.cases.find((c) => c.caseId === 'k2')).to.deep.include({ outcome: 'waiting', releases: 1 });
      expect(m.cases.find((c) => c.caseId === 'k4')?.outcome).to.equal('expired');
    });

    it('should answer null rates and percentiles without data', () => {
      const m = handoffMeasures([]);
      expect(m.handoffRate).to.equal(null);
      expect(m.timeToClaim).to.deep.equal({ count: 0, medianMs: null, p90Ms: null });
    });
  });
});
