import { expect } from 'chai';
import { checkDate, checkDateRange, dateExpectationFor, type CheckContext, type CheckResult } from '../../../src/recovery';

const now = new Date('2026-03-10T10:00:00Z');

describe('checkDate()', () => {
  const table: Array<[string, CheckContext['dateExpectation'], CheckResult['kind'], string?]> = [
    ['12/05/2026', 'any', 'valid', '2026-05-12'],
    ['2026-05-12', 'any', 'valid', '2026-05-12'],
    ['12.05.26', 'any', 'valid', '2026-05-12'],
    ['05/13/2026', 'any', 'valid', '2026-05-13'],
    ['12 May', 'future', 'valid', '2026-05-12'],
    ['12th of May 2026', 'any', 'valid', '2026-05-12'],
    ['May 12, 2026', 'any', 'valid', '2026-05-12'],
    ['1 February', 'future', 'valid', '2027-02-01'],
    ['1 February', 'past', 'valid', '2026-02-01'],
    ['20 March', 'past', 'valid', '2025-03-20'],
    ['tomorrow', 'future', 'valid', '2026-03-11'],
    ['today', 'any', 'valid', '2026-03-10'],
    ['yesterday', 'past', 'valid', '2026-03-09'],
    ['12/05/2025', 'future', 'suggestion', '2026-05-12'],
    ['01/02/2026', 'future', 'suggestion', '2027-02-01'],
    ['12/05/2026', 'past', 'invalid'],
    ['31/02/2026', 'any', 'invalid'],
    ['29/02/2026', 'any', 'invalid'],
    ['29/02/2028', 'any', 'valid', '2028-02-29'],
    ['32/01/2026', 'any', 'invalid'],
    ['next-ish', 'any', 'invalid'],
    ['12 Marvellous', 'any', 'invalid'],
  ];
  for (const [input, expectation, kind, value] of table) {
    it(`should read "${input}" (${expectation}) as ${kind}${value ? ` ${value}` : ''}`, () => {
      const result = checkDate(input, { now, dateExpectation: expectation });
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }

  it('should name the impossible day in words', () => {
    const result = checkDate('31/02/2026', { now });
    expect(result.kind === 'invalid' && result.reason).to.equal('February 2026 has no day 31. Could you check the date?');
  });

  it('should read relative dates, weekdays and "now" with the expectation of the fact', () => {
    // now: Tuesday 10 March 2026, 10:00 UTC.
    expect(checkDate('3 weeks ago', { now, dateExpectation: 'past' })).to.deep.equal({ kind: 'valid', value: '2026-02-17' });
    expect(checkDate('friday', { now, dateExpectation: 'past' })).to.deep.equal({ kind: 'valid', value: '2026-03-06' });
    expect(checkDate('friday', { now, dateExpectation: 'future' })).to.deep.equal({ kind: 'valid', value: '2026-03-13' });
    expect(checkDate('now', { now })).to.deep.equal({ kind: 'valid', value: '2026-03-10' });
    expect(checkDate('an hour ago', { now, dateExpectation: 'past' })).to.deep.equal({ kind: 'valid', value: '2026-03-10' });
    expect(checkDate('it was the day before yesterday', { now })).to.deep.equal({ kind: 'valid', value: '2026-03-08' });
  });

  it('should refuse a relative date on the wrong side of today without guessing a year', () => {
    expect(checkDate('3 weeks ago', { now, dateExpectation: 'future' })).to.deep.equal({ kind: 'invalid', reason: '17 February 2026 is in the past. Which date did you mean?' });
    expect(checkDate('tomorrow', { now, dateExpectation: 'past' }).kind).to.equal('invalid');
  });

  it('should use the time zone for "today"', () => {
    const late = new Date('2026-03-10T23:30:00Z');
    expect(checkDate('today', { now: late, timeZone: 'Asia/Tokyo' })).to.deep.equal({ kind: 'valid', value: '2026-03-11' });
  });
});

describe('checkDateRange()', () => {
  it('should read a range in either wording', () => {
    expect(checkDateRange('12/05/2026 - 15/05/2026', { now })).to.deep.equal({ kind: 'valid', value: '2026-05-12/2026-05-15' });
    expect(checkDateRange('from 12 May to 15 May', { now, dateExpectation: 'future' })).to.deep.equal({ kind: 'valid', value: '2026-05-12/2026-05-15' });
  });

  it('should accept its own normalised form, so a stored range checks again', () => {
    expect(checkDateRange('2026-03-20/2026-03-22', { now })).to.deep.equal({ kind: 'valid', value: '2026-03-20/2026-03-22' });
  });

  it('should read relative ranges', () => {
    expect(checkDateRange('today for 2 nights', { now, dateExpectation: 'future' })).to.deep.equal({ kind: 'valid', value: '2026-03-10/2026-03-12' });
    expect(checkDateRange('next weekend', { now, dateExpectation: 'future' })).to.deep.equal({ kind: 'valid', value: '2026-03-21/2026-03-22' });
    expect(checkDateRange('from the 12th to the 15th', { now, dateExpectation: 'future' })).to.deep.equal({ kind: 'valid', value: '2026-03-12/2026-03-15' });
  });

  it('should offer a swapped range the right way round', () => {
    const result = checkDateRange('15 May 2026 to 12 May 2026', { now });
    expect(result).to.include({ kind: 'suggestion', value: '2026-05-12/2026-05-15' });
  });

  it('should refuse a range with an impossible date or one date only', () => {
    expect(checkDateRange('30/02/2026 - 02/03/2026', { now }).kind).to.equal('invalid');
    expect(checkDateRange('12 May', { now }).kind).to.equal('invalid');
  });
});

describe('dateExpectationFor()', () => {
  const table: Array<[string, string]> = [['paymentDate', 'past'], ['checkIn', 'future'], ['flightDate', 'future'], ['birthday', 'any']];
  for (const [name, expected] of table) it(`should expect ${expected} for ${name}`, () => expect(dateExpectationFor(name)).to.equal(expected));
});
