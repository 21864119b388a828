import { expect } from 'chai';
import { redact, redactDeep } from '../../src/shared/redact';

describe('redact()', () => {
  const cases: Array<[string, string, string]> = [
    ['an e-mail address', 'write to anna.smith+trips@gmail.com please', '[email]'],
    ['a card number with spaces', 'my card 4111 1111 1111 1111 was charged', '[card]'],
    ['a card number without spaces', 'card 5500000000000004', '[card]'],
    ['an international phone number', 'call me on +33 6 12 34 56 78', '[phone]'],
    ['a booking reference', 'booking WL-H482913 is missing', '[booking-ref]'],
    ['an IBAN', 'refund to FR14 2004 1010 0505 0001 3M02 606', '[iban]'],
  ];
  for (const [what, input, marker] of cases) {
    it(`should redact ${what}`, () => {
      const out = redact(input);
      expect(out).to.include(marker);
      expect(out).not.to.match(/\d{4}[ -]?\d{4}|@gmail|482913/);
    });
  }

  it('should leave ordinary text alone', () => {
    expect(redact('the hotel says it has no reservation for 2 nights')).to.equal('the hotel says it has no reservation for 2 nights');
  });

  it('should redact strings nested in objects and arrays', () => {
    expect(redactDeep({ a: ['x@y.com'], b: { c: 'WL-F123456' }, n: 3 })).to.deep.equal({ a: ['[email]'], b: { c: '[booking-ref]' }, n: 3 });
  });
});

describe('redact() and case references', () => {
  it('should keep Rebound case references, which identify no one', () => {
    expect(redact('your case RB-7K3Q9F is with an agent')).to.equal('your case RB-7K3Q9F is with an agent');
  });
});
