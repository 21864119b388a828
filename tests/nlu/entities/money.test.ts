import { expect } from 'chai';
import { findAmounts, findCurrencies, parseMoney } from '../../../src/nlu/entities';
import { triples } from './context';

describe('findAmounts()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    ['312 euros each, like i said', [['312.00 EUR', '312 euros']]],
    ['three hundred euros', [['300.00 EUR', 'three hundred euros']]],
    ['£45', [['45.00 GBP', '£45']]],
    ['EUR 312 and then 312,50€', [['312.00 EUR', 'EUR 312'], ['312.50 EUR', '312,50€']]],
    ['a hundred and twenty quid', [['120.00 GBP', 'a hundred and twenty quid']]],
    ['45 bucks', [['45.00 USD', '45 bucks']]],
    ['1.234,56 EUR', [['1234.56 EUR', '1.234,56 EUR']]],
    ['150 swiss francs', [['150.00 CHF', '150 swiss francs']]],
    ['they charged me 89.99', [['89.99', '89.99']]],
    ['paid 2 nights', []],
    ['room 312, 3 of us', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findAmounts(text)).map(([, value, raw]) => [value, raw])).to.deep.equal(expected);
    });
  }

  it('should give the amount as a number in the label', () => {
    expect(findAmounts('312,50€')[0].label).to.equal('312.5');
  });
});

describe('findCurrencies()', () => {
  it('should find currencies said without an amount', () => {
    expect(findCurrencies('I paid in euros, not GBP').map((e) => e.value)).to.deep.equal(['EUR', 'GBP']);
  });
});

describe('parseMoney()', () => {
  it('should read a whole answer as one amount, with filler words around it', () => {
    expect(parseMoney('312 euros each, like i said')).to.deep.equal({ amount: 312, currency: 'EUR' });
    expect(parseMoney('120')).to.deep.equal({ amount: 120 });
  });

  it('should refuse two amounts, two currencies or other words', () => {
    for (const text of ['12 apples', 'EUR 12 USD', '12 or 13 euros', 'lots', '']) expect(parseMoney(text), text).to.equal(undefined);
  });
});
