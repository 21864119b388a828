import { expect } from 'chai';
import { checkFact, checkFlightNumber, checkPhone, type CheckResult } from '../../../src/recovery';

describe('checkPhone()', () => {
  const table: Array<[string, CheckResult['kind'], string?]> = [
    ['+44 20 7946 0958', 'valid', '+442079460958'],
    ['0044 (20) 7946-0958', 'valid', '+442079460958'],
    // Read under GB, DE and IT alike: kept as its digits, with a reason asking for the country code.
    ['020 7946 0958', 'suggestion', '02079460958'],
    ['12345', 'invalid'],
    ['+1234567890123456', 'invalid'],
    ['call me', 'invalid'],
  ];
  for (const [input, kind, value] of table) {
    it(`should read "${input}" as ${kind}`, () => {
      const result = checkPhone(input);
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }

  it('should normalise a national number to E.164 in the given country', () => {
    expect(checkPhone('020 7946 0958', 'GB')).to.deep.equal({ kind: 'valid', value: '+442079460958' });
    expect(checkPhone('07700 900123', 'gb')).to.deep.equal({ kind: 'valid', value: '+447700900123' });
  });

  it('should say that the country code helps when it cannot tell the country', () => {
    const result = checkPhone('020 7946 0958');
    expect(result.kind === 'suggestion' && result.reason).to.include('country code');
  });

  it('should offer the one country that holds a national number valid', () => {
    const result = checkPhone('0612 345 678');
    expect(result).to.include({ kind: 'suggestion' });
    expect(result.kind === 'suggestion' && result.reason).to.match(/country code/);
  });
});

describe('checkFlightNumber()', () => {
  const table: Array<[string, CheckResult['kind'], string?]> = [
    ['BA 123', 'valid', 'BA123'],
    ['u2 8041', 'valid', 'U28041'],
    ['LH400A', 'valid', 'LH400A'],
    ['9W-1', 'valid', '9W1'],
    ['BA12O', 'suggestion', 'BA120'],
    ['BAW123', 'invalid'],
    ['BA12345', 'invalid'],
    ['123', 'invalid'],
  ];
  for (const [input, kind, value] of table) {
    it(`should read "${input}" as ${kind}`, () => {
      const result = checkFlightNumber(input);
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }
});

describe('checkFact()', () => {
  const now = new Date('2026-03-10T10:00:00Z');
  it('should dispatch by fact kind', () => {
    expect(checkFact('flightNumber', 'ba 1', { now })).to.deep.equal({ kind: 'valid', value: 'BA1' });
    expect(checkFact('choice', 'windw', { now, choices: ['Window', 'Aisle'] })).to.include({ kind: 'suggestion', value: 'Window' });
    expect(checkFact('text', '   ', { now }).kind).to.equal('invalid');
  });
});
