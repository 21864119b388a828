import { expect } from 'chai';
import { expectedWait, isWithinBusinessHours, waitExpectation } from '../../src/recovery';
import { recoveryKb } from '../fixtures/recovery/kb';

const rules = recoveryKb.escalation; // Europe/Amsterdam, mon-fri 09:00-17:00

describe('isWithinBusinessHours()', () => {
  const table: Array<[string, boolean]> = [
    ['2026-03-02T08:30:00Z', true], // Monday 09:30 in Amsterdam (UTC+1)
    ['2026-03-02T07:59:00Z', false], // Monday 08:59
    ['2026-03-02T16:00:00Z', false], // Monday 17:00: closed
    ['2026-07-06T14:30:00Z', true], // Monday 16:30 in summer time (UTC+2)
    ['2026-07-06T15:30:00Z', false], // Monday 17:30 in summer time
    ['2026-03-07T10:00:00Z', false], // Saturday
  ];
  for (const [iso, expected] of table) {
    it(`should say ${expected} at ${iso}`, () => expect(isWithinBusinessHours(new Date(iso), rules)).to.equal(expected));
  }

  it('should handle a shift past midnight', () => {
    const night = { businessHours: { timezone: 'UTC', days: ['mon' as const], open: '22:00', close: '06:00' } };
    expect(isWithinBusinessHours(new Date('2026-03-02T23:00:00Z'), night)).to.equal(true); // Monday 23:00
    expect(isWithinBusinessHours(new Date('2026-03-03T05:00:00Z'), night)).to.equal(true); // Tuesday 05:00, Monday's shift
    expect(isWithinBusinessHours(new Date('2026-03-03T23:00:00Z'), night)).to.equal(false); // Tuesday 23:00
  });
});

describe('expectedWait()', () => {
  it('should multiply the place in the queue by the minutes per case', () => {
    expect(expectedWait(3, rules)).to.deep.equal({ minutes: 18, text: 'about 18 minutes' });
    expect(expectedWait(0, rules)).to.deep.equal({ minutes: 0, text: 'less than a minute' });
    expect(expectedWait(12, rules)).to.deep.equal({ minutes: 72, text: 'about 1 hour 10 minutes' });
    expect(expectedWait(4, rules, 2).minutes).to.equal(12);
  });
});

describe('waitExpectation()', () => {
  it('should give the after-hours text outside business hours', () => {
    expect(waitExpectation(new Date('2026-03-07T10:00:00Z'), 1, rules)).to.deep.equal({ kind: 'after_hours', text: 'Our team is back at 9:00.' });
    expect(waitExpectation(new Date('2026-03-02T10:00:00Z'), 1, rules)).to.deep.equal({ kind: 'wait', minutes: 6, text: 'about 6 minutes' });
  });
});
