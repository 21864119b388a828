import { expect } from 'chai';
import { findEmails, findPhones } from '../../../src/nlu/entities';
import { triples } from './context';

describe('findPhones()', () => {
  const table: Array<[string, string | undefined, Array<[string, string]>]> = [
    ['+44 20 7946 0958', undefined, [['+442079460958', '+44 20 7946 0958']]],
    ['call me on 07700 900123', 'GB', [['+447700900123', '07700 900123']]],
    ['my number is 06 12 34 56 78 thanks', 'FR', [['+33612345678', '06 12 34 56 78']]],
    // Without a country, a national number is taken only when exactly one fallback country holds it valid.
    ['020 7946 0958', undefined, []],
    ['(212) 555-0123', 'US', [['+12125550123', '(212) 555-0123']]],
    // The fallback countries are only for numbers with a national leading 0.
    ['(212) 555-0123', undefined, []],
    ['booking WL-X119274, 3 of us', 'GB', []],
  ];
  for (const [text, country, expected] of table) {
    it(`should read ${JSON.stringify(text)} in ${country ?? 'no country'}`, () => {
      expect(triples(text, findPhones(text, { defaultCountry: country })).map(([, v, raw]) => [v, raw])).to.deep.equal(expected);
    });
  }
});

describe('findEmails()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    ['my email is lena.novak@gmial.com.', [['lena.novak@gmial.com', 'lena.novak@gmial.com']]],
    ['(Anna.Berg@Example.ORG) or anna@wanderly.travel!', [['Anna.Berg@example.org', 'Anna.Berg@Example.ORG'], ['anna@wanderly.travel', 'anna@wanderly.travel']]],
    ['anna@gmail and @home and a@@b.com', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findEmails(text)).map(([, v, raw]) => [v, raw])).to.deep.equal(expected);
    });
  }
});
