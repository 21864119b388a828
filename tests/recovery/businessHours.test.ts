import { expect } from 'chai';
import type { Escalation } from '../../src/knowledge/schema';
import { afterHoursText, expectedWait, isWithinBusinessHours, nextOpening, waitExpectation } from '../../src/recovery';
import { recoveryKb } from '../fixtures/recovery/kb';
import { shippedKb } from '../helpers/shippedKb';

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

type Hours = Escalation['businessHours'];
const ALL_DAYS: Hours['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAYS: Hours['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const paris = (days: Hours['days'], open = '08:00', close = '20:00'): { businessHours: Hours } => ({ businessHours: { timezone: 'Europe/Paris', days, open, close } });

describe('nextOpening()', () => {
  // Paris is UTC+1 until the last Sunday of March (29 March 2026, 02:00 -> 03:00) and again from the last
  // Sunday of October (25 October 2026, 03:00 -> 02:00); UTC+2 in between.
  const table: Array<[string, string, { businessHours: Hours }, string, string]> = [
    ['Monday 23:30', '2026-03-02T22:30:00Z', paris(WEEKDAYS), 'tomorrow', '2026-03-03T07:00:00.000Z'],
    ['Tuesday 02:00', '2026-03-03T01:00:00Z', paris(WEEKDAYS), 'today', '2026-03-03T07:00:00.000Z'],
    ['Tuesday 07:59', '2026-03-03T06:59:00Z', paris(WEEKDAYS), 'today', '2026-03-03T07:00:00.000Z'],
    ['Friday 20:30, weekdays', '2026-03-06T19:30:00Z', paris(WEEKDAYS), 'on Monday', '2026-03-09T07:00:00.000Z'],
    ['Saturday 19:00, weekdays', '2026-03-07T18:00:00Z', paris(WEEKDAYS), 'on Monday', '2026-03-09T07:00:00.000Z'],
    ['Sunday 23:59, weekdays', '2026-03-08T22:59:00Z', paris(WEEKDAYS), 'tomorrow', '2026-03-09T07:00:00.000Z'],
    ['Wednesday 21:00, Saturdays only', '2026-03-04T20:00:00Z', paris(['sat']), 'on Saturday', '2026-03-07T07:00:00.000Z'],
    ['Monday 21:00, Mondays only', '2026-03-02T20:00:00Z', paris(['mon']), 'on Monday', '2026-03-09T07:00:00.000Z'],
    // Spring forward: Sunday 08:00 is already summer time (UTC+2).
    ['Saturday 23:30 before spring forward', '2026-03-28T22:30:00Z', paris(ALL_DAYS), 'tomorrow', '2026-03-29T06:00:00.000Z'],
    ['Sunday 01:30 on spring forward', '2026-03-29T00:30:00Z', paris(ALL_DAYS), 'today', '2026-03-29T06:00:00.000Z'],
    ['Sunday 03:30 on spring forward', '2026-03-29T01:30:00Z', paris(ALL_DAYS), 'today', '2026-03-29T06:00:00.000Z'],
    ['Saturday 21:00 before spring forward, weekdays', '2026-03-28T20:00:00Z', paris(WEEKDAYS), 'on Monday', '2026-03-30T06:00:00.000Z'],
    // Fall back: Sunday 08:00 is winter time again (UTC+1).
    ['Saturday 23:30 before fall back', '2026-10-24T21:30:00Z', paris(ALL_DAYS), 'tomorrow', '2026-10-25T07:00:00.000Z'],
    ['Sunday 02:30 (the second one) on fall back', '2026-10-25T01:30:00Z', paris(ALL_DAYS), 'today', '2026-10-25T07:00:00.000Z'],
    ['Saturday 21:00 before fall back, weekdays', '2026-10-24T19:00:00Z', paris(WEEKDAYS), 'on Monday', '2026-10-26T07:00:00.000Z'],
  ];
  for (const [when, iso, rules, day, at] of table) {
    it(`should open ${day} at ${at} after ${when} in Paris`, () => {
      const opening = nextOpening(new Date(iso), rules);
      expect({ day: opening.day, at: opening.at.toISOString(), time: opening.time }).to.deep.equal({ day, at, time: rules.businessHours.open });
    });
  }

  const open: Array<[string, string, { businessHours: Hours }, string]> = [
    ['Monday 10:00', '2026-03-02T09:00:00Z', paris(WEEKDAYS), '10:00'],
    ['Monday 08:00, the opening minute', '2026-03-02T07:00:00Z', paris(WEEKDAYS), '08:00'],
    ['Friday 19:59, the last minute', '2026-03-06T18:59:00Z', paris(WEEKDAYS), '19:59'],
    ['Sunday 12:00 in summer time, every day', '2026-07-05T10:00:00Z', paris(ALL_DAYS), '12:00'],
    // A night shift opened on Monday is still at work on Tuesday 01:00.
    ['Tuesday 01:00, a Monday night shift', '2026-03-03T00:00:00Z', paris(['mon'], '20:00', '02:00'), '01:00'],
  ];
  for (const [when, iso, rules, time] of open) {
    it(`should give now itself, today at ${time}, at ${when} in Paris with the team at work`, () => {
      const now = new Date(iso);
      expect(isWithinBusinessHours(now, rules)).to.equal(true);
      const opening = nextOpening(now, rules);
      expect({ day: opening.day, at: opening.at.toISOString(), time: opening.time }).to.deep.equal({ day: 'today', at: now.toISOString(), time });
    });
  }

  it('should give the next opening at the closing minute', () => {
    const opening = nextOpening(new Date('2026-03-02T19:00:00Z'), paris(WEEKDAYS)); // Monday 20:00
    expect({ day: opening.day, at: opening.at.toISOString() }).to.deep.equal({ day: 'tomorrow', at: '2026-03-03T07:00:00.000Z' });
  });

  it('should give now exactly when the team is at work, else the first open quarter hour after it, across a DST week', () => {
    const step = 15 * 60_000;
    const from = Date.parse('2026-03-24T00:00:00Z');
    const instants = Array.from({ length: 16 * 24 * 4 }, (_, i) => from + i * step); // 8 days checked, 8 more to find openings in
    for (const rules of [paris(WEEKDAYS), paris(['mon', 'sat'], '20:00', '02:00'), paris(ALL_DAYS, '09:30', '17:45')]) {
      const open = instants.map((t) => isWithinBusinessHours(new Date(t), rules));
      for (let i = 0; i < instants.length / 2; i += 1) {
        const now = new Date(instants[i]);
        const expected = instants[open.indexOf(true, i)];
        expect(nextOpening(now, rules).at.getTime(), `${now.toISOString()} ${rules.businessHours.days.join()} ${rules.businessHours.open}`).to.equal(expected);
      }
    }
  });

  it("should count days in the team's time zone, not in UTC", () => {
    // Tuesday 00:30 in Tokyo is still Monday in UTC: the team opens "today", Tuesday 09:00 Tokyo.
    const tokyo = { businessHours: { timezone: 'Asia/Tokyo', days: WEEKDAYS, open: '09:00', close: '18:00' } };
    const opening = nextOpening(new Date('2026-03-02T15:30:00Z'), tokyo);
    expect({ day: opening.day, at: opening.at.toISOString() }).to.deep.equal({ day: 'today', at: '2026-03-03T00:00:00.000Z' });
  });

  it('should find the next opening after a DST change in a zone west of UTC', () => {
    // New York springs forward on Sunday 8 March 2026: Monday 09:00 is UTC-4.
    const newYork = { businessHours: { timezone: 'America/New_York', days: WEEKDAYS, open: '09:00', close: '17:00' } };
    const opening = nextOpening(new Date('2026-03-07T23:00:00Z'), newYork);
    expect({ day: opening.day, at: opening.at.toISOString() }).to.deep.equal({ day: 'on Monday', at: '2026-03-09T13:00:00.000Z' });
  });
});

describe('afterHoursText()', () => {
  const text = (words: string, hours: { businessHours: Hours }) => ({ ...hours, afterHoursText: words });

  it('should say "tomorrow at 08:00, in about 8 hours 30 minutes" at 23:30 on a Monday in Paris', () => {
    const rules = text('Back {opensDay} at {opensAt} ({opensIn}).', paris(WEEKDAYS));
    expect(afterHoursText(new Date('2026-03-02T22:30:00Z'), rules)).to.equal('Back tomorrow at 08:00 (about 8 hours 30 minutes).');
  });

  it('should say "today" at 02:00 in Paris', () => {
    const rules = text('Back {opensDay} at {opensAt} ({opensIn}).', paris(WEEKDAYS));
    expect(afterHoursText(new Date('2026-03-03T01:00:00Z'), rules)).to.equal('Back today at 08:00 (about 6 hours).');
  });

  it('should say "on Monday" on a Saturday evening for a weekday team', () => {
    const rules = text('Back {opensDay} at {opensAt} ({opensIn}).', paris(WEEKDAYS));
    expect(afterHoursText(new Date('2026-03-07T18:00:00Z'), rules)).to.equal('Back on Monday at 08:00 (about 37 hours).');
  });

  it('should count the real time to the opening across a DST change', () => {
    const rules = text('{opensIn}', paris(ALL_DAYS));
    expect(afterHoursText(new Date('2026-03-28T22:30:00Z'), rules)).to.equal('about 7 hours 30 minutes'); // an hour less on the clock
    expect(afterHoursText(new Date('2026-10-24T21:30:00Z'), rules)).to.equal('about 9 hours 30 minutes'); // an hour more
  });

  it('should fill every placeholder, each time it is used', () => {
    const rules = text('{open}-{close} {zone} time; back {opensDay} at {opensAt} {zone} time, {opensIn} from now. {opensDay}!', paris(WEEKDAYS, '08:00', '20:00'));
    const filled = afterHoursText(new Date('2026-03-02T22:30:00Z'), rules);
    expect(filled).to.equal('08:00-20:00 Paris time; back tomorrow at 08:00 Paris time, about 8 hours 30 minutes from now. tomorrow!');
    expect(filled).to.not.match(/[{}]/);
  });

  it('should name the zone by its city, in words', () => {
    const newYork = { businessHours: { timezone: 'America/New_York', days: WEEKDAYS, open: '09:00', close: '17:00' } };
    expect(afterHoursText(new Date('2026-03-03T02:00:00Z'), text('{zone}', newYork))).to.equal('New York');
    const utc = { businessHours: { timezone: 'UTC', days: WEEKDAYS, open: '09:00', close: '17:00' } };
    expect(afterHoursText(new Date('2026-03-03T02:00:00Z'), text('{zone}', utc))).to.equal('UTC');
  });

  it('should fill the shipped after-hours text completely', async () => {
    const { escalation } = await shippedKb();
    const filled = afterHoursText(new Date('2026-03-02T22:30:00Z'), escalation); // Monday 23:30 in Paris
    expect(filled).to.not.match(/\{[A-Za-z][\w.]*\}/);
    expect(filled).to.not.equal(escalation.afterHoursText, 'the shipped text names the hours');
  });
});
