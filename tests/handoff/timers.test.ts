import { expect } from 'chai';
import { HandoffTimers } from '../../src/handoff';
import { rules } from './queueFixtures';

describe('HandoffTimers', () => {
  const timers = new HandoffTimers(() => rules.escalation);

  describe('nextOpening()', () => {
    it('should be now within business hours and the next opening outside them', () => {
      const monday = new Date('2026-03-02T09:00:00.000Z');
      expect(timers.nextOpening(monday)).to.deep.equal(monday);
      // Friday 22:30 in Paris: the team is back on Monday at 08:00 Paris (07:00 UTC).
      expect(timers.nextOpening(new Date('2026-03-06T21:30:00.000Z'))?.toISOString()).to.equal('2026-03-09T07:00:00.000Z');
    });
  });

  describe('pendingDueAt()', () => {
    it('should count the wait from the next opening', () => {
      expect(timers.pendingDueAt(new Date('2026-03-02T09:00:00.000Z'))).to.equal('2026-03-02T13:00:00.000Z');
      expect(timers.pendingDueAt(new Date('2026-03-03T05:10:00.000Z'))).to.equal('2026-03-03T11:00:00.000Z');
    });
  });
});
