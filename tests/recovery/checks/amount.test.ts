import { expect } from 'chai';
import { checkAmount, checkCurrency, parseAmount, type CheckResult } from '../../../src/recovery';

describe('parseAmount()', () => {
  const table: Array<[string, number, string?]> = [
    ['EUR 120', 120, 'EUR'],
    ['120€', 120, 'EUR'],
    ['€ 120,50', 120.5, 'EUR'],
    ['$99.50', 99.5, 'USD'],
    ['1.234,56 EUR', 1234.56, 'EUR'],
    ['1,234.56 usd', 1234.56, 'USD'],
    ['1,234 GBP', 1234, 'GBP'],
    ['45 euros', 45, 'EUR'],
    ['£20', 20, 'GBP'],
    ['120', 120],
    ['312 euros each, like i said', 312, 'EUR'],
    ['three hundred euros', 300, 'EUR'],
    ['a hundred and twenty quid', 120, 'GBP'],
    ['312,50€', 312.5, 'EUR'],
  ];
  for (const [input, amount, currency] of table) {
    it(`should read "${input}" as ${amount} ${currency ?? ''}`, () => {
      expect(parseAmount(input)).to.deep.equal(currency ? { amount, currency } : { amount });
    });
  }

  it('should refuse what is not an amount', () => {
    for (const input of ['abc', '12 apples', 'EUR 12 USD', '']) expect(parseAmount(input), input).to.equal(undefined);
  });
});

describe('checkAmount()', () => {
  const table: Array<[string, string | undefined, CheckResult['kind'], string?]> = [
    ['EUR 120', 'EUR', 'valid', '120.00 EUR'],
    ['120', 'EUR', 'valid', '120.00 EUR'],
    ['$99.50', 'CAD', 'valid', '99.50 CAD'],
    ['USD 99.50', 'EUR', 'suggestion', '99.50 USD'],
    ['120 GBP', undefined, 'valid', '120.00 GBP'],
    ['45 bucks', 'CAD', 'valid', '45.00 CAD'],
    ['45 US dollars', 'CAD', 'suggestion', '45.00 USD'],
    ['0 EUR', 'EUR', 'invalid'],
    ['lots', 'EUR', 'invalid'],
  ];
  for (const [input, booking, kind, value] of table) {
    it(`should read "${input}" against ${booking ?? 'no currency'} as ${kind}`, () => {
      const result = checkAmount(input, booking);
      expect(result.kind).to.equal(kind);
      if (value) expect(result).to.have.property('value', value);
    });
  }

  it('should say which currency the booking was paid in', () => {
    const result = checkAmount('USD 99.50', 'EUR');
    expect(result.kind === 'suggestion' && result.reason).to.include('paid in EUR');
  });
});

describe('checkCurrency()', () => {
  it('should read codes, symbols and words', () => {
    expect(checkCurrency('eur')).to.deep.equal({ kind: 'valid', value: 'EUR' });
    expect(checkCurrency('£')).to.deep.equal({ kind: 'valid', value: 'GBP' });
    expect(checkCurrency('dollars')).to.deep.equal({ kind: 'valid', value: 'USD' });
  });

  it('should refuse an unknown code and flag one different from the booking', () => {
    expect(checkCurrency('XYZ').kind).to.equal('invalid');
    expect(checkCurrency('USD', 'EUR').kind).to.equal('suggestion');
  });
});
