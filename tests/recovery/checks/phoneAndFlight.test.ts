import { expect } from 'chai';
import { checkFact, checkFlightNumber, checkPhone, type CheckResult } from '../../../src/recovery';

describe('checkPhone()', () => {
  const table: Array<[string, CheckResult['kind'], string?]> = [
    ['+44 20 7946 0958', 'valid', '+442079460958'],
    ['0044 (20) 7946-0958', 'valid', '+442079460958'],
    ['020 7946 0958', 'valid', '02079460958'],
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
