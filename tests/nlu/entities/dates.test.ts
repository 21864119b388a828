import { expect } from 'chai';
import { extractEntities, findDates, parseDateValue } from '../../../src/nlu/entities';
import { context, triples } from './context';

describe('findDates()', () => {
  // now: Monday 2 March 2026, 09:30 UTC.
  const table: Array<[string, Array<[string, string, string]>]> = [
    ['it happened 3 weeks ago', [['date', '2026-02-09', '3 weeks ago']]],
    ['today for 2 nights', [['dateRange', '2026-03-02/2026-03-04', 'today for 2 nights']]],
    ['we fly out next weekend', [['dateRange', '2026-03-14/2026-03-15', 'next weekend']]],
    ['this weekend', [['dateRange', '2026-03-07/2026-03-08', 'this weekend']]],
    ['staying from the 12th to the 15th', [['dateRange', '2026-03-12/2026-03-15', 'the 12th to the 15th']]],
    ['2026-03-20/2026-03-22', [['dateRange', '2026-03-20/2026-03-22', '2026-03-20/2026-03-22']]],
    ['3 nights from the 12th', [['dateRange', '2026-03-12/2026-03-15', '3 nights from the 12th']]],
    ['the pick-up was tmrw, no, tomorow', [['date', '2026-03-03', 'tmrw'], ['date', '2026-03-03', 'tomorow']]],
    ['satruday', [['date', '2026-03-07', 'satruday']]],
    ['14/3 or march 14', [['date', '2026-03-14', '14/3'], ['date', '2026-03-14', 'march 14']]],
    ['last night at the airport', [['date', '2026-03-01', 'last night']]],
    ['sorry i meant 19th to the 22nd', [['dateRange', '2026-03-19/2026-03-22', '19th to the 22nd']]],
    ['the 19th-22nd', [['dateRange', '2026-03-19/2026-03-22', 'the 19th-22nd']]],
    ['no wait sorry, 18th to 21st, just checked my train', [['dateRange', '2026-03-18/2026-03-21', '18th to 21st']]],
    ['the 3rd-5th', [['dateRange', '2026-03-03/2026-03-05', 'the 3rd-5th']]],
    ['room 12 to the 22nd', [['date', '2026-03-22', 'the 22nd']]],
    ['3 of us, room 12, booking WL-X119274', []],
    ['is there a karaoke night on the cruise', []],
    ['we only fly in the morning', []],
    ['may I get a refund', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findDates(text, context()))).to.deep.equal(expected);
    });
  }

  it('should read two days with a month after them in that month, once the overlaps are resolved', () => {
    const ranges = (text: string) => extractEntities(text, context()).filter((e) => e.kind === 'dateRange').map((e) => e.value);
    expect(ranges('18th to the 21st of april')).to.deep.equal(['2026-04-18/2026-04-21']);
    expect(ranges('from the 19th to the 22nd of may')).to.deep.equal(['2026-05-19/2026-05-22']);
    expect(ranges('18th to 21st')).to.deep.equal(['2026-03-18/2026-03-21']);
  });

  it('should give a bare weekday as the coming one, with the last one as the alternative, both relative', () => {
    const [friday] = findDates('friday', context());
    expect(friday).to.include({ kind: 'date', value: '2026-03-06', alternative: '2026-02-27', relative: true });
    expect(findDates('last friday', context())[0]).to.include({ value: '2026-02-27', relative: true }).and.not.have.property('alternative');
  });

  it('should mark absolute dates as not relative and keep the time of day when one was said', () => {
    expect(findDates('12 May 2026', context())[0]).to.include({ value: '2026-05-12', relative: false });
    expect(findDates('an hour ago', context())[0]).to.include({ value: '2026-03-02', time: '08:30', relative: true });
  });

  it("should read relative dates in the traveller's time zone", () => {
    const late = new Date('2026-03-02T23:30:00Z');
    // 23:30 UTC is already 12:30 on 3 March in Auckland, and 18:30 on 2 March in New York.
    expect(findDates('today', context({ now: late, timeZone: 'Pacific/Auckland' }))[0].value).to.equal('2026-03-03');
    expect(findDates('yesterday', context({ now: late, timeZone: 'Pacific/Auckland' }))[0].value).to.equal('2026-03-02');
    expect(findDates('today', context({ now: late, timeZone: 'America/New_York' }))[0].value).to.equal('2026-03-02');
    expect(findDates('an hour ago', context({ now: late, timeZone: 'Pacific/Auckland' }))[0]).to.include({ value: '2026-03-03', time: '11:30' });
  });
});

describe('parseDateValue()', () => {
  const table: Array<[string, 'past' | 'future' | 'any', string | undefined]> = [
    ['friday', 'past', '2026-02-27'],
    ['friday', 'future', '2026-03-06'],
    ['friday', 'any', '2026-03-06'],
    ['20 march', 'past', '2025-03-20'],
    ['1 feb', 'future', '2027-02-01'],
    ['the 28th', 'past', '2026-02-28'],
    ['now', 'any', '2026-03-02'],
    ['sorry i meant the 20th', 'any', '2026-03-20'],
    ['no idea', 'any', undefined],
  ];
  for (const [text, expectation, value] of table) {
    it(`should read ${JSON.stringify(text)} expecting ${expectation} as ${value ?? 'nothing'}`, () => {
      expect(parseDateValue(text, context(), expectation)?.value).to.equal(value);
    });
  }
});
