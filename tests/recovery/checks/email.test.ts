import { expect } from 'chai';
import { checkEmail, type CheckResult } from '../../../src/recovery';

describe('checkEmail()', () => {
  const table: Array<[string, CheckResult['kind'], string?]> = [
    ['anna@gmail.com', 'valid', 'anna@gmail.com'],
    [' Anna.Berg@Example.ORG ', 'valid', 'Anna.Berg@example.org'],
    ['anna @ gmail.com', 'valid', 'anna@gmail.com'],
    ['anna@gmial.com', 'suggestion', 'anna@gmail.com'],
    ['anna@hotmial.com', 'suggestion', 'anna@hotmail.com'],
    ['anna@yaho.com', 'suggestion', 'anna@yahoo.com'],
    ['anna@gmail.con', 'suggestion', 'anna@gmail.com'],
    ['anna@outlok.com', 'suggestion', 'anna@outlook.com'],
    ['anna@wanderly.travel', 'valid', 'anna@wanderly.travel'],
    ['anna.gmail.com', 'invalid'],
    ['anna@', 'invalid'],
    ['anna@gmail', 'invalid'],
    ['an na@gmail.com', 'invalid'],
    ['anna@@gmail.com', 'invalid'],
  ];
  for (const [input, kind, value] of table) {
    it(`should read "${input}" as ${kind}${value ? ` ${value}` : ''}`, () => {
      const result = checkEmail(input);
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }

  it('should ask "did you mean" with the whole corrected address', () => {
    const result = checkEmail('anna@gmial.com');
    expect(result.kind === 'suggestion' && result.reason).to.equal('Did you mean anna@gmail.com?');
  });
});
