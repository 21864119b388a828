import { expect } from 'chai';
import { findAirports, findCities, findCountries, findFlights, findPlaces } from '../../../src/nlu/entities';
import { triples } from './context';

describe('findFlights()', () => {
  const table: Array<[string, string[]]> = [
    ['LH400 was cancelled', ['LH400']],
    ['flight LH 400', ['LH400']],
    ['on flt ba117 tomorrow', ['BA117']],
    ['BA 117 then KL1692', ['BA117', 'KL1692']],
    ['mon vol af 1234', ['AF1234']],
    // No flight word and not an airline's code in capitals: a time, a count, a room.
    ['at 5 in 2 rooms, ba 117', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findFlights(text)).map(([, v]) => v)).to.deep.equal(expected);
    });
  }
});

describe('findAirports()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    ["I'm stuck at Schiphol", [['AMS', 'Schiphol']]],
    ['landed at heathrow', [['LHR', 'heathrow']]],
    ['from JFK to Lisbon airport', [['JFK', 'JFK'], ['LIS', 'Lisbon airport']]],
    ['THE DRIVER IS NOT HERE', []],
    ['I paid in EUR at the ATM', []],
    // A word with a digit, or glued to one, is a code's: not Spring Creek, Liberty or Black Rock read from its letters.
    ['promo code SPRING20 doesnt work', []],
    ['Spring20 code refused', []],
    ['the LIBERTY20 voucher', []],
    ['code BLACK-2026 refused', []],
    // Code words in capitals are not Pierre (PIR) or Pune (PNR).
    ['PIR ref lhrba12345', []],
    ['my PNR is ABC123', []],
    ["I'm at Spring Creek", [['SCG', 'Spring']]],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findAirports(text)).map(([, v, raw]) => [v, raw])).to.deep.equal(expected);
    });
  }

  it("should give the airport's name as the label", () => {
    expect(findAirports('Schiphol')[0].label).to.equal('Amsterdam Airport Schiphol');
  });
});

describe('findPlaces()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    ['terminal 2 exit B', [['Terminal 2, exit B', 'terminal 2 exit B']]],
    ['waiting in the arrivals hall near gate B12', [['Arrivals hall, gate B12', 'arrivals hall near gate B12']]],
    ['the exit was closed', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findPlaces(text)).map(([, v, raw]) => [v, raw])).to.deep.equal(expected);
    });
  }
});

describe('findCities()', () => {
  const table: Array<[string, Array<[string, string, string]>]> = [
    ['my son cut his head, were in barcelona', [['city', 'Barcelona', 'barcelona']]],
    ['lost my passport in Rome this morning', [['city', 'Rome', 'Rome']]],
    ['stuck in new york city tonight', [['city', 'New York City', 'new york city']]],
    ['stuck in new york', [['city', 'New York', 'new york']]],
    ['a hotel in paris, 386 eur', [['city', 'Paris', 'paris']]],
    ['i flew from madrid to lisbon', []],
    ['in reading the terms i saw a fee', []],
    ['paid in cash at the desk', []],
    ['in 20 minutes', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findCities(text))).to.deep.equal(expected);
    });
  }
});

describe('findCountries()', () => {
  const table: Array<[string, Array<[string, string, string]>]> = [
    ['i have an indian passport and need an authorisation for the USA', [['nationality', 'Indian', 'indian'], ['country', 'USA', 'USA']]],
    ["I'm British, flying to the States", [['nationality', 'British', 'British'], ['country', 'The States', 'the States']]],
    ['a brazil passport', [['nationality', 'Brazil', 'brazil']]],
    ['UK citizen going to france', [['nationality', 'UK', 'UK'], ['country', 'France', 'france']]],
    ['going to france next week', [['country', 'France', 'france']]],
    ['can you call us back', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findCountries(text))).to.deep.equal(expected);
    });
  }
});
